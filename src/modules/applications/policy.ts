import { focalInstitutionIds, hasRole, type Actor } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';
import type { ApplicationStatus } from './schema.ts';

/** What the rules need to know about one application and its call; loaded by `loadApplicationAccess`. */
export interface ApplicationAccess {
  expertId: string;
  status: ApplicationStatus;
  institutionId: string;
  shortlistShared: boolean;
  /** The applicant consented to their CV being shared with host institutions, and the profile is not erased. */
  sharingConsented: boolean;
  hostSelected: boolean;
}

/** What the rules need to know about one call (a ToR) for its screening and shortlist. */
export interface CallAccess {
  institutionId: string;
  shortlistShared: boolean;
}

/** Everyone who works with the whole roster reads applications: staff. */
const isStaff = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer');

/** Screening, shortlisting and confirming are programme work; M&E officers read for their figures. */
const isScreener = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer');

const isApplicant = (actor: Actor, application: ApplicationAccess) =>
  actor.userId === application.expertId && hasRole(actor, 'expert');

/** Statuses a host sees: the shortlist, and whom staff confirmed from it. */
const hostVisible: readonly ApplicationStatus[] = ['shortlisted', 'selected'];

/**
 * A focal point sees an application only on their institution's call, once staff shared the shortlist, while it is
 * on the shortlist (or selected from it) and while the applicant consents to sharing: a withdrawn consent hides it
 * at once.
 */
const isHostOf = (actor: Actor, application: ApplicationAccess) =>
  application.shortlistShared &&
  application.sharingConsented &&
  hostVisible.includes(application.status) &&
  focalInstitutionIds(actor).includes(application.institutionId);

/**
 * Who may do what with one application. Refusals of `application.read` are answered "not found", so nobody learns
 * who applied. Status changes are further checked against the life cycle (`transitions.ts`).
 */
export const applicationPolicy: Policy<ApplicationAccess> = {
  'application.read': (actor, a) => isStaff(actor) || isApplicant(actor, a) || isHostOf(actor, a),
  /** Staff's private side: scores and screening note. */
  'application.read_screening': (actor) => isStaff(actor),
  'application.withdraw': isApplicant,
  'application.screen': (actor) => isScreener(actor),
  'application.host_select': isHostOf,
  'application.cv_download': (actor, a) => isStaff(actor) || isHostOf(actor, a),
};

/** Who may do what with a call's applications as a whole. */
export const callApplicationsPolicy: Policy<CallAccess> = {
  'call.applications.list': (actor) => isStaff(actor),
  'call.shortlist.read': (actor, call) =>
    call.shortlistShared && focalInstitutionIds(actor).includes(call.institutionId),
  'call.screen': (actor) => isScreener(actor),
};

/** Record-free actions for /api/me: the web app builds its navigation from them. */
export const applicationCapabilityPolicy: Policy = {
  'application.apply': (actor) => hasRole(actor, 'expert'),
  'application.screen_any': (actor) => isStaff(actor),
  'notifications.read': () => true,
};
