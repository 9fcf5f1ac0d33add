import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { assignments, type ScoringCriterion } from '../../assignments/schema.ts';
import { recordAudit } from '../../audit/service.ts';
import { enqueueEmail } from '../../notifications/outbox.ts';
import { recipientsWithRole } from '../../identity/recipients.ts';
import { addNotice } from '../../notifications/notices.ts';
import { callTitle } from '../notify.ts';
import { listCallApplications, type ApplicationRow, type Call } from '../repository.ts';
import { applications } from '../schema.ts';
import type { CommandMeta } from './apply.ts';

/**
 * The weighted total on 0–100: each criterion's score (0–5) counts in proportion to its weight. Null until every
 * criterion of the grid is scored, so a half-scored application never ranks as a weak one.
 */
export function totalScore(criteria: readonly ScoringCriterion[], scores: Record<string, number>): number | null {
  if (criteria.length === 0 || criteria.some((c) => scores[c.id] === undefined)) return null;
  const weights = criteria.reduce((sum, c) => sum + c.weight, 0);
  const weighted = criteria.reduce((sum, c) => sum + c.weight * scores[c.id]!, 0);
  return Math.round((weighted / (weights * 5)) * 100);
}

/** Screening happens while the call is open or once it closed; later, the selection is settled. */
function requireScreening(call: Call): void {
  if (call.row.state !== 'published' && call.row.state !== 'closed') {
    throw new AppError('illegal_transition', `Applications of a ${call.row.state} call are not screened any more`);
  }
}

/**
 * Replaces the call's screening grid while screening (the ToR's own edit sets it while drafting) and recomputes
 * every application's total against it.
 */
export async function setScoringCriteria(tx: Tx, call: Call, criteria: ScoringCriterion[], meta: CommandMeta) {
  requireScreening(call);
  if (new Set(criteria.map((c) => c.id)).size !== criteria.length) {
    throw new AppError('validation_failed', 'A criterion id repeats', [
      { path: 'criteria', code: 'invalid_value', message: 'A criterion id repeats' },
    ]);
  }
  await tx
    .update(assignments)
    .set({ scoringCriteria: criteria, updatedAt: meta.now })
    .where(eq(assignments.id, call.row.id));
  for (const application of await listCallApplications(tx, call.row.id)) {
    await tx
      .update(applications)
      .set({ totalScore: totalScore(criteria, application.scores) })
      .where(eq(applications.id, application.id));
  }
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'assignment.scoring_criteria_set',
    entityType: 'assignment',
    entityId: call.row.id,
    changes: { scoringCriteria: { before: call.row.scoringCriteria, after: criteria } },
    ip: meta.ip,
  });
}

/** Records staff's scores of one application against the grid (every criterion, nothing else) and its note. */
export async function scoreApplication(
  tx: Tx,
  application: ApplicationRow,
  call: Call,
  body: { scores: Record<string, number>; screeningNote?: string | null | undefined },
  meta: CommandMeta,
) {
  requireScreening(call);
  const criteria = call.row.scoringCriteria;
  if (criteria.length === 0) throw new AppError('scoring_criteria_missing', 'Set the scoring grid first');
  const known = new Set(criteria.map((c) => c.id));
  const fields = [
    ...Object.keys(body.scores)
      .filter((id) => !known.has(id))
      .map((id) => ({ path: `scores.${id}`, code: 'unknown_field' as const, message: 'No such criterion' })),
    ...criteria
      .filter((c) => body.scores[c.id] === undefined)
      .map((c) => ({ path: `scores.${c.id}`, code: 'required' as const, message: 'Score every criterion' })),
  ];
  if (fields.length) throw new AppError('validation_failed', 'Score every criterion of the grid', fields);
  const total = totalScore(criteria, body.scores);
  const note = body.screeningNote === undefined ? application.screeningNote : body.screeningNote || null;
  const [updated] = await tx
    .update(applications)
    .set({ scores: body.scores, totalScore: total, screeningNote: note, updatedAt: meta.now })
    .where(eq(applications.id, application.id))
    .returning();
  // The note is private: the audit says it changed, never what it says.
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'application.scored',
    entityType: 'application',
    entityId: application.id,
    changes: {
      totalScore: { before: application.totalScore, after: total },
      ...(note !== application.screeningNote ? { screeningNote: { after: 'changed' } } : {}),
    },
    ip: meta.ip,
  });
  return updated!;
}

/** Staff share the shortlist with the host institution: its focal points are told, by e-mail and in the app. */
export async function shareShortlist(tx: Tx, call: Call, meta: CommandMeta) {
  requireScreening(call);
  const shortlisted = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.assignmentId, call.row.id), eq(applications.status, 'shortlisted')));
  if (shortlisted.length === 0) throw new AppError('shortlist_empty', 'Shortlist someone first');
  await tx
    .update(assignments)
    .set({ shortlistSharedAt: meta.now, updatedAt: meta.now })
    .where(eq(assignments.id, call.row.id));
  const focalPoints = await recipientsWithRole(tx, 'focal_point', { institutionId: call.row.institutionId });
  const link = `/assignments/${call.row.id}/shortlist`;
  for (const focal of focalPoints) {
    await enqueueEmail(tx, {
      to: focal.email,
      userId: focal.userId,
      locale: focal.locale,
      template: 'shortlist_shared',
      params: {
        name: focal.name,
        reference: call.row.reference,
        title: callTitle(call.row, focal.locale),
        count: shortlisted.length,
        link: `${meta.publicUrl}${link}`,
      },
    });
    await addNotice(
      tx,
      focal.userId,
      'shortlist.shared',
      { reference: call.row.reference, count: shortlisted.length },
      link,
    );
  }
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'assignment.shortlist_shared',
    entityType: 'assignment',
    entityId: call.row.id,
    changes: {
      shortlistSharedAt: { before: call.row.shortlistSharedAt?.toISOString() ?? null, after: meta.now.toISOString() },
      shortlisted: { after: shortlisted.length },
      focalPoints: { after: focalPoints.length },
    },
    ip: meta.ip,
  });
  return { shortlistSharedAt: meta.now.toISOString(), shortlisted: shortlisted.length };
}
