import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { missionChecklistItems, missionEvents, missions, type MissionState } from './schema.ts';

export type MissionRow = typeof missions.$inferSelect;
export type ChecklistItemRow = typeof missionChecklistItems.$inferSelect;

/** One mission, locked for the caller's transaction when `forUpdate`; undefined when it does not exist. */
export async function findMission(tx: Tx, id: string, forUpdate = false): Promise<MissionRow | undefined> {
  const query = tx.select().from(missions).where(eq(missions.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** One mission or 404. */
export async function requireMission(tx: Tx, id: string, forUpdate = false): Promise<MissionRow> {
  const row = await findMission(tx, id, forUpdate);
  if (!row) throw new AppError('not_found', 'No such mission');
  return row;
}

/** A mission's checklist, in its order. */
export function checklistOf(tx: Tx, missionId: string): Promise<ChecklistItemRow[]> {
  return tx
    .select()
    .from(missionChecklistItems)
    .where(eq(missionChecklistItems.missionId, missionId))
    .orderBy(asc(missionChecklistItems.position));
}

/** A mission's state changes, oldest first. */
export function historyOf(tx: Tx, missionId: string) {
  return tx.select().from(missionEvents).where(eq(missionEvents.missionId, missionId)).orderBy(asc(missionEvents.at));
}

/**
 * The expert's other missions (not cancelled) whose dates overlap `startsOn`–`endsOn`: an expert is on one mission
 * at a time.
 */
export async function overlappingMissions(
  tx: Tx,
  expertId: string,
  startsOn: string,
  endsOn: string,
  exceptId?: string,
): Promise<MissionRow[]> {
  return tx
    .select()
    .from(missions)
    .where(
      and(
        eq(missions.expertId, expertId),
        ne(missions.state, 'cancelled'),
        sql`${missions.startsOn} <= ${endsOn}::date and ${missions.endsOn} >= ${startsOn}::date`,
        exceptId ? ne(missions.id, exceptId) : undefined,
      ),
    );
}

export interface MissionFilter {
  states?: MissionState[];
  programmeId?: string;
  assignmentId?: string;
  /** Scope for experts (their own) and focal points (their institutions'); staff see all. */
  expertId?: string;
  institutionIds?: string[];
  sort: 'starts_on' | '-starts_on' | 'reference' | 'state';
  limit: number;
  offset: number;
}

/** A page of missions and the total count for the filter. */
export async function listMissions(tx: Tx, filter: MissionFilter): Promise<{ rows: MissionRow[]; total: number }> {
  const conditions: (SQL | undefined)[] = [
    filter.states?.length ? inArray(missions.state, filter.states) : undefined,
    filter.programmeId ? eq(missions.programmeId, filter.programmeId) : undefined,
    filter.assignmentId ? eq(missions.assignmentId, filter.assignmentId) : undefined,
    filter.expertId ? eq(missions.expertId, filter.expertId) : undefined,
    filter.institutionIds ? inArray(missions.institutionId, filter.institutionIds) : undefined,
  ];
  const where = and(...conditions);
  const order = {
    starts_on: [asc(missions.startsOn), asc(missions.reference)],
    '-starts_on': [desc(missions.startsOn), asc(missions.reference)],
    reference: [asc(missions.reference)],
    state: [asc(missions.state), desc(missions.startsOn)],
  }[filter.sort];
  const [rows, [counted]] = await Promise.all([
    tx
      .select()
      .from(missions)
      .where(where)
      .orderBy(...order)
      .limit(filter.limit)
      .offset(filter.offset),
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(missions)
      .where(where),
  ]);
  return { rows, total: counted?.n ?? 0 };
}
