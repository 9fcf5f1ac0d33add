import { hasRole } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';

/** Staff and donors read the programme and institution lists; experts and focal points see them through their own records. */
export const referencePolicy: Policy = {
  'programme.list': (actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer', 'donor'),
  'institution.list': (actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer'),
};
