import { focalInstitutionIds, hasRole, type Actor } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';
import type { consentPurposes } from '../identity/schema.ts';

export type ConsentPurpose = (typeof consentPurposes)[number];

/** What the rules need to know about one expert profile; loaded by `loadProfileAccess`. */
export interface ProfileAccess {
  userId: string;
  erased: boolean;
  /** Purposes with an active (not withdrawn) consent. */
  activeConsents: readonly ConsentPurpose[];
  /**
   * Institutions whose shortlist holds this expert. Shortlists come with applications; until then the repository
   * answers an empty list, so focal points see no one.
   */
  shortlistedFor: readonly string[];
}

const isStaff = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer');

/** The expert themselves; an erased account is nobody's any more. */
const isOwner = (actor: Actor, profile: ProfileAccess) =>
  !profile.erased && actor.userId === profile.userId && hasRole(actor, 'expert');

/**
 * A focal point reads a profile only when the expert is shortlisted for the focal point's institution and has
 * consented to their CV being shared with host institutions (design brief: consent-scoped shortlists).
 */
const isFocalPointOfShortlist = (actor: Actor, profile: ProfileAccess) =>
  !profile.erased &&
  profile.activeConsents.includes('share_cv_with_host') &&
  focalInstitutionIds(actor).some((institutionId) => profile.shortlistedFor.includes(institutionId));

/**
 * Who may do what with one expert profile. Donors match no rule: they never see personal data. Refusals of
 * `profile.read` are answered "not found" (hideExistence), so nobody learns who is on the roster.
 */
export const expertProfilePolicy: Policy<ProfileAccess> = {
  'profile.read': (actor, profile) =>
    !profile.erased && (isStaff(actor) || isOwner(actor, profile) || isFocalPointOfShortlist(actor, profile)),
  'profile.update': isOwner,
  'profile.confirm': isOwner,
  'profile.export': isOwner,
  'profile.erase': isOwner,
  'consent.update': isOwner,
};

/** The `/experts/me` routes: only someone holding the expert role has an own profile. */
export const expertSelfPolicy: Policy = {
  'expert.own_profile': (actor) => hasRole(actor, 'expert'),
};
