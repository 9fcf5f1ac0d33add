import { platformPolicy } from '../modules/identity/policy.ts';
import { rosterPolicy } from '../modules/experts/search/policy.ts';
import { expertStaffPolicy } from '../modules/experts/staff/policy.ts';
import { institutionCapabilities } from '../modules/institutions/policy.ts';
import { programmeCapabilities } from '../modules/programmes/policy.ts';
import { assignmentCapabilityPolicy } from '../modules/assignments/policy.ts';
import { applicationCapabilityPolicy } from '../modules/applications/policy.ts';
import { matchingPolicy } from '../modules/matching/policy.ts';
import { vocabularyPolicy } from '../modules/reference/policy.ts';
import { missionCapabilityPolicy } from '../modules/missions/policy.ts';
import type { Actor } from './actor.ts';
import { allowedActions } from './policy.ts';

/**
 * The policies whose actions need no particular record (see the admin pages, search the roster…). /api/me lists
 * the ones a user holds, so the web app builds its navigation from the same rules the server enforces. Like
 * src/http/routes.ts, this is where modules are composed: a module with such actions adds its policy here.
 */
const capabilityPolicies = [
  platformPolicy,
  rosterPolicy,
  expertStaffPolicy,
  assignmentCapabilityPolicy,
  programmeCapabilities,
  institutionCapabilities,
  applicationCapabilityPolicy,
  matchingPolicy,
  vocabularyPolicy,
  missionCapabilityPolicy,
];

/** Every record-free action the actor may take, across modules. */
export function capabilitiesOf(actor: Actor): string[] {
  return capabilityPolicies.flatMap((policy) => allowedActions(actor, policy));
}
