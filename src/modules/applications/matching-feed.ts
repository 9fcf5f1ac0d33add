/**
 * What matching needs from applications: the experts already selected elsewhere (busy over that ToR's window),
 * the applicants of the ToRs of an allocation round, and turning a round's accepted pairs into shortlist entries.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { DateSpan } from '../../matching/ranking/index.ts';
import { assignments } from '../assignments/schema.ts';
import type { CommandMeta } from './commands/apply.ts';
import { changeStatus } from './commands/transitions.ts';
import { loadCall } from './repository.ts';
import { applications, type ApplicationStatus } from './schema.ts';

/** Applications still in the running: what an allocation round chooses among. */
export const inTheRunning: readonly ApplicationStatus[] = ['submitted', 'under_review', 'shortlisted'];

/**
 * The windows of the ToRs each expert is selected for, other than `exceptAssignmentId`: a selection is a mission
 * to come, so its dates are taken. Selections in `withMission` already have a mission with its own dates (the
 * missions module gives those): their ToR's wider window no longer counts.
 */
export async function selectedWindows(
  tx: Tx,
  exceptAssignmentId?: string,
  withMission: ReadonlySet<string> = new Set(),
): Promise<Map<string, DateSpan[]>> {
  const rows = await tx
    .select({
      applicationId: applications.id,
      expertId: applications.expertId,
      startsOn: assignments.windowStartsOn,
      endsOn: assignments.windowEndsOn,
    })
    .from(applications)
    .innerJoin(assignments, eq(assignments.id, applications.assignmentId))
    .where(
      and(
        eq(applications.status, 'selected'),
        exceptAssignmentId ? ne(applications.assignmentId, exceptAssignmentId) : undefined,
      ),
    );
  const busy = new Map<string, DateSpan[]>();
  for (const row of rows) {
    if (withMission.has(row.applicationId)) continue;
    const span = { startsOn: row.startsOn, endsOn: row.endsOn };
    busy.set(row.expertId, [...(busy.get(row.expertId) ?? []), span]);
  }
  return busy;
}

/** The applications in the running on these ToRs: who applied where. */
export function applicantsOf(tx: Tx, assignmentIds: readonly string[]) {
  if (!assignmentIds.length) return Promise.resolve([]);
  return tx
    .select({
      applicationId: applications.id,
      expertId: applications.expertId,
      assignmentId: applications.assignmentId,
      status: applications.status,
    })
    .from(applications)
    .where(and(inArray(applications.assignmentId, [...assignmentIds]), inArray(applications.status, [...inTheRunning])))
    .orderBy(applications.assignmentId, applications.expertId);
}

/**
 * Puts each pair's application on its call's shortlist (one status change, one message to the applicant), as a
 * screening decision of the round. Pairs whose application left the running since the round are reported back.
 */
export async function shortlistPairs(
  tx: Tx,
  pairs: readonly { expertId: string; assignmentId: string }[],
  reason: string,
  meta: CommandMeta,
): Promise<{ shortlisted: number; skipped: { expertId: string; assignmentId: string; status: string | null }[] }> {
  let shortlisted = 0;
  const skipped: { expertId: string; assignmentId: string; status: string | null }[] = [];
  // A round names few calls and many pairs: each call is read once.
  const calls = new Map<string, Awaited<ReturnType<typeof loadCall>>>();
  for (const pair of pairs) {
    const [application] = await tx
      .select()
      .from(applications)
      .where(and(eq(applications.expertId, pair.expertId), eq(applications.assignmentId, pair.assignmentId)))
      .for('update');
    if (application && !calls.has(pair.assignmentId))
      calls.set(pair.assignmentId, await loadCall(tx, pair.assignmentId));
    const call = application && calls.get(pair.assignmentId);
    const open = call && (call.row.state === 'published' || call.row.state === 'closed');
    if (!application || !call || !open || !['submitted', 'under_review'].includes(application.status)) {
      if (application?.status !== 'shortlisted') skipped.push({ ...pair, status: application?.status ?? null });
      continue;
    }
    await changeStatus(tx, application, call, 'shortlisted', reason, meta);
    shortlisted += 1;
  }
  return { shortlisted, skipped };
}
