import { and, eq, lte } from 'drizzle-orm';
import type { Actor } from '../../authz/actor.ts';
import { authorize } from '../../authz/policy.ts';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { actionFor, assignmentPolicy } from './policy.ts';
import { notifyTransition } from './notify.ts';
import { findAssignment, type AssignmentRow } from './repository.ts';
import { assignments, assignmentTransitions, type AssignmentState } from './schema.ts';
import { requireCallReady } from './validate.ts';

/** Every move of the life cycle; anything else is `illegal_transition`. */
export const legalMoves: Record<AssignmentState, readonly AssignmentState[]> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['approved', 'returned', 'cancelled'],
  returned: ['submitted', 'cancelled'],
  approved: ['published', 'cancelled'],
  published: ['closed', 'cancelled'],
  closed: ['filled', 'cancelled'],
  filled: ['completed'],
  completed: [],
  cancelled: [],
};

/** Moves that must say why: the institution reads the comment of a return; a cancellation is explained. */
const needsComment = (to: AssignmentState, actor: Actor | null, row: AssignmentRow) =>
  to === 'returned' || (to === 'cancelled' && !(row.state === 'draft' && isOwnDraft(actor, row)));

const isOwnDraft = (actor: Actor | null, row: AssignmentRow) =>
  !!actor && actor.grants.some((g) => g.role === 'focal_point' && g.institutionId === row.institutionId);

export interface TransitionOptions {
  ip?: string | null;
  now?: Date;
  /** Base address of the web app, for links in e-mails. */
  publicUrl?: string;
}

/**
 * Moves a ToR to `to` in the caller's transaction: checks the move exists from the current state (409
 * `illegal_transition` with `details.from/to`), that the actor may make it (`actor` null is the system: the
 * deadline job, or another module acting on its own authority), the move's own conditions (a comment to return
 * or cancel, a complete ToR to submit, a future deadline to publish); then writes the transition row, bumps the
 * version, audits `assignment.transitioned` and queues the e-mails and in-app notices. Other modules call it (the
 * applications module moves a ToR to `filled` when a selection is confirmed).
 * @returns the updated row
 */
export async function transitionAssignment(
  tx: Tx,
  actor: Actor | null,
  id: string,
  to: AssignmentState,
  comment: string | null | undefined,
  options: TransitionOptions = {},
): Promise<AssignmentRow> {
  const now = options.now ?? new Date();
  const row = await findAssignment(tx, id, true);
  if (!row) throw new AppError('not_found', 'Not found');
  if (actor) authorize(actor, assignmentPolicy, 'assignment.read', row, { hideExistence: true });
  if (!legalMoves[row.state].includes(to)) {
    throw new AppError('illegal_transition', `A ToR cannot go from ${row.state} to ${to}`, undefined, {
      from: row.state,
      to,
    });
  }
  if (actor) authorize(actor, assignmentPolicy, actionFor[to], row);
  const text = comment?.trim() || null;
  if (needsComment(to, actor, row) && !text) {
    throw new AppError('comment_required', `Say why the ToR is ${to}`, [
      { path: 'comment', code: 'required', message: 'A comment is required' },
    ]);
  }
  if (to === 'submitted') requireCallReady(row);
  if (to === 'published' && row.deadlineAt.getTime() <= now.getTime()) {
    throw new AppError('deadline_passed', 'The application deadline is past: extend it before publishing', [
      { path: 'applicationDeadline', code: 'in_the_past', message: 'The deadline is past' },
    ]);
  }
  const [updated] = await tx
    .update(assignments)
    .set({
      state: to,
      version: row.version + 1,
      updatedAt: now,
      ...(to === 'published' ? { publishedAt: now } : {}),
    })
    .where(eq(assignments.id, id))
    .returning();
  await tx.insert(assignmentTransitions).values({
    assignmentId: id,
    fromState: row.state,
    toState: to,
    comment: text,
    actorId: actor?.userId ?? null,
    at: now,
  });
  await recordAudit(tx, {
    actorId: actor?.userId ?? null,
    action: 'assignment.transitioned',
    entityType: 'assignment',
    entityId: id,
    changes: {
      state: { before: row.state, after: to },
      version: { before: row.version, after: row.version + 1 },
      ...(text ? { comment: { after: text } } : {}),
    },
    ip: options.ip ?? null,
  });
  await notifyTransition(tx, updated!, to, text, options.publicUrl ?? '');
  return updated!;
}

/**
 * Closes every published call whose deadline has passed, as the system (actor null). Run by a periodic job on
 * any node: each ToR is locked with SKIP LOCKED and re-read by `transitionAssignment`, so two nodes never close
 * one call twice.
 * @returns the ids closed
 */
export async function closeExpiredCalls(db: Db, now: Date, publicUrl = ''): Promise<string[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.state, 'published'), lte(assignments.deadlineAt, now)))
      .orderBy(assignments.deadlineAt)
      .for('update', { skipLocked: true });
    for (const { id } of due) await transitionAssignment(tx, null, id, 'closed', null, { now, publicUrl });
    return due.map(({ id }) => id);
  });
}
