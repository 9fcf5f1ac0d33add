import { focalInstitutionIds, hasRole, type Actor } from '../../authz/actor.ts';
import type { Policy } from '../../authz/policy.ts';
import { AppError } from '../../http/errors.ts';
import type { AssignmentState } from './schema.ts';

/** Everyone on the programme team reads every ToR; M&E officers read for their figures. */
const isStaffReader = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer', 'me_officer');
/** Who runs the life cycle (approves, publishes, closes…) and edits any institution's ToR. */
export const isAssignmentManager = (actor: Actor) => hasRole(actor, 'admin', 'programme_officer');
const isFocalOf = (actor: Actor, institutionId: string) => focalInstitutionIds(actor).includes(institutionId);

/** What the rules need to know of a ToR. */
export interface AssignmentAccess {
  institutionId: string;
  state: AssignmentState;
}

/** States in which a focal point edits their institution's ToR: before staff took it, or once sent back. */
const focalEditable: readonly AssignmentState[] = ['draft', 'returned'];
/** States in which staff edit a ToR; once published only the deadline moves (extended, never shortened). */
const staffEditable: readonly AssignmentState[] = ['draft', 'submitted', 'returned', 'approved', 'published'];
/** States a ToR may be cancelled from (staff, with a comment). */
export const cancellableStates: readonly AssignmentState[] = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'closed',
];

const canEdit = (actor: Actor, tor: AssignmentAccess) =>
  (isFocalOf(actor, tor.institutionId) && focalEditable.includes(tor.state)) ||
  (isAssignmentManager(actor) && staffEditable.includes(tor.state));

const managerIn =
  (...states: AssignmentState[]) =>
  (actor: Actor, tor: AssignmentAccess) =>
    isAssignmentManager(actor) && states.includes(tor.state);

/**
 * Record-free actions, listed by /api/me so the navigation shows "Terms of Reference" to those who have them.
 * Experts and donors have none: calls reach them through the public pages.
 */
export const assignmentCapabilityPolicy: Policy = {
  'assignment.list': (actor) => isStaffReader(actor) || focalInstitutionIds(actor).length > 0,
  'assignment.create': (actor) => isAssignmentManager(actor) || focalInstitutionIds(actor).length > 0,
};

/**
 * One ToR. Reading is for staff and the institution's focal points; anybody else is answered "not found". Each
 * life-cycle action is named after the move it makes, so `allowedActions` is also the list of buttons to show.
 */
export const assignmentPolicy: Policy<AssignmentAccess> = {
  'assignment.read': (actor, tor) => isStaffReader(actor) || isFocalOf(actor, tor.institutionId),
  'assignment.edit': canEdit,
  'attachment.change': (actor, tor) => canEdit(actor, tor) && tor.state !== 'published',
  'assignment.submit': (actor, tor) =>
    ['draft', 'returned'].includes(tor.state) && (isFocalOf(actor, tor.institutionId) || isAssignmentManager(actor)),
  'assignment.approve': managerIn('submitted'),
  'assignment.return': managerIn('submitted'),
  'assignment.publish': managerIn('approved'),
  'assignment.close': managerIn('published'),
  'assignment.fill': managerIn('closed'),
  'assignment.complete': managerIn('filled'),
  'assignment.cancel': (actor, tor) =>
    (isAssignmentManager(actor) && cancellableStates.includes(tor.state)) ||
    (isFocalOf(actor, tor.institutionId) && tor.state === 'draft'),
};

/** The action that allows a move to `to`. */
export const actionFor: Record<AssignmentState, string> = {
  draft: 'assignment.edit',
  submitted: 'assignment.submit',
  returned: 'assignment.return',
  approved: 'assignment.approve',
  published: 'assignment.publish',
  closed: 'assignment.close',
  filled: 'assignment.fill',
  completed: 'assignment.complete',
  cancelled: 'assignment.cancel',
};

/**
 * Throws unless the actor may change the ToR now: "forbidden" for someone who never edits it (an M&E officer),
 * `assignment_not_editable` when their role allows edits but not in this state.
 */
export function requireEditable(actor: Actor, tor: AssignmentAccess, action = 'assignment.edit'): void {
  const rule = assignmentPolicy[action]!;
  if (rule(actor, tor)) return;
  if (!isAssignmentManager(actor) && !isFocalOf(actor, tor.institutionId)) {
    throw new AppError('forbidden', 'Not allowed to change this ToR');
  }
  throw new AppError('assignment_not_editable', `A ToR in state ${tor.state} cannot be changed here`, undefined, {
    state: tor.state,
  });
}

/** Whether the actor may create a ToR for this institution (a focal point: only their own). */
export function mayCreateFor(actor: Actor, institutionId: string): boolean {
  return isAssignmentManager(actor) || isFocalOf(actor, institutionId);
}
