import { hasRole, type Actor } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';

const isStaff = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer');
const isProgrammeEditor = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer');

/**
 * Programmes are public facts (name, donor, period, priorities: the public pages show them), so every signed-in
 * user reads them; programme officers and admins change them.
 */
export const programmePolicy: Policy = {
  'programme.read': () => true,
  'programme.create': isProgrammeEditor,
  'programme.update': isProgrammeEditor,
};

/**
 * Record-free actions that shape the navigation (src/authz/capabilities.ts): staff manage the programmes page;
 * other roles read programmes only where they appear (calls, their institution's plan).
 */
export const programmeCapabilities: Policy = {
  'programme.browse': isStaff,
  'programme.manage': isProgrammeEditor,
};
