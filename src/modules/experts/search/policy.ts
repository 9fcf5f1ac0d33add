import { hasRole, type Actor } from '../../../authz/actor.ts';
import type { Policy } from '../../../authz/policy.ts';

/** Programme staff: the roles that work with the whole roster. */
const isStaff = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer');

/**
 * The roster as a list: search, saved searches and duplicates are staff work. Experts, focal points and donors
 * match no rule: they reach single profiles (when allowed) through the profile routes only.
 */
export const rosterPolicy: Policy = {
  'roster.search': isStaff,
  'roster.saved_search': isStaff,
  'roster.duplicates': isStaff,
};
