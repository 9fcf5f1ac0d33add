import { hasRole, type Actor } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';

/**
 * Staff read a ToR's ranked candidates (M&E officers too: they check how selection works); programme officers
 * and admins run and accept allocation rounds, which change applications.
 */
export const matchingPolicy: Policy = {
  'matching.candidates': (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer'),
  'matching.rounds': (actor: Actor) => hasRole(actor, 'admin', 'programme_officer'),
};
