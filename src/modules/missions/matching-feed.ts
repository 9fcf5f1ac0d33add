/**
 * What the missions module gives the matching engine: the dates each expert is taken by a mission (a conflict of
 * interest for any ToR whose window overlaps them), the selections those missions came from (their ToR's window
 * no longer stands in for the dates), and the hosts' evaluations of each expert (the evaluations component).
 */
import { and, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { DateSpan } from '../../matching/ranking/index.ts';
import { missions } from './schema.ts';

/**
 * The missions not cancelled, other than those of `exceptAssignmentId`, as busy periods by expert, and the
 * applications they were made from.
 */
export async function missionBusy(
  tx: Tx,
  exceptAssignmentId?: string,
): Promise<{ busy: Map<string, DateSpan[]>; fromApplications: Set<string> }> {
  const rows = await tx
    .select({
      expertId: missions.expertId,
      applicationId: missions.applicationId,
      startsOn: missions.startsOn,
      endsOn: missions.endsOn,
    })
    .from(missions)
    .where(
      and(
        ne(missions.state, 'cancelled'),
        exceptAssignmentId ? ne(missions.assignmentId, exceptAssignmentId) : undefined,
      ),
    );
  const busy = new Map<string, DateSpan[]>();
  const fromApplications = new Set<string>();
  for (const row of rows) {
    busy.set(row.expertId, [...(busy.get(row.expertId) ?? []), { startsOn: row.startsOn, endsOn: row.endsOn }]);
    if (row.applicationId) fromApplications.add(row.applicationId);
  }
  return { busy, fromApplications };
}

export { evaluationsByExpert } from './reporting/evaluation.ts';
