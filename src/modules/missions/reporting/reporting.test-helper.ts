// Fixtures for the reporting and survey tests: missions of the demo expert with the demo focal point's institution,
// written straight into the database in any state (the create and transition endpoints have their own tests).
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from '../../../../test/helpers/app.ts';
import { demoDemandContext, insertAssignment } from '../../../../test/helpers/assignments.ts';
import { todayInMorocco } from '../../assignments/dates.ts';
import { signInDemo } from '../../experts/experts.test-helper.ts';
import { users } from '../../identity/schema.ts';
import type { MissionRow } from '../repository.ts';
import { missions } from '../schema.ts';

let sequence = 0;

/** `days` after today (negative: before), in Morocco, as an ISO date. */
export function dayFromToday(days: number, from = new Date()): string {
  return todayInMorocco(new Date(from.getTime() + days * 86_400_000));
}

/** The demo expert's user id. */
export async function demoExpertId(t: TestApp): Promise<string> {
  const [row] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'expert@passerelle.example'));
  return row!.id;
}

/**
 * Inserts a mission of the demo expert at the demo focal point's institution, `in_progress` from five days ago to
 * five days ahead unless `overrides` say otherwise.
 */
export async function insertMission(
  t: TestApp,
  overrides: Partial<typeof missions.$inferInsert> = {},
): Promise<MissionRow> {
  const db = t.database.db;
  const context = await demoDemandContext(db);
  sequence += 1;
  const [row] = await db
    .insert(missions)
    .values({
      reference: `RPT-${process.pid}-${sequence}`,
      programmeId: context.programmeId,
      assignmentId: await insertAssignment(db, { state: 'filled' }),
      expertId: await demoExpertId(t),
      institutionId: context.institutionId,
      modality: 'hybrid',
      state: 'in_progress',
      startsOn: dayFromToday(-5),
      endsOn: dayFromToday(5),
      workingDays: 8,
      city: 'Rabat',
      hostContactName: 'Farid Point Focal',
      ...overrides,
    })
    .returning();
  return row!;
}

/** The demo's cookies for each role that takes part in missions. */
export async function missionScene(t: TestApp) {
  return {
    expert: await signInDemo(t, 'expert'),
    officer: await signInDemo(t, 'officer'),
    me: await signInDemo(t, 'me'),
    focal: await signInDemo(t, 'focal.point'),
    donor: await signInDemo(t, 'donor'),
    admin: await signInDemo(t, 'admin'),
  };
}

/** The rows of `table` for `missionId`, as stored. */
export async function rowsOf(t: TestApp, table: string, missionId: string) {
  return t.database.query(`select * from ${table} where mission_id = $1`, [missionId]);
}

/** The audit actions of a mission, by time; actions written in one transaction share it, so they sort by name. */
export async function auditActions(t: TestApp, missionId: string): Promise<string[]> {
  const rows = await t.database.query<{ action: string }>(
    "select action from audit_events where entity_type = 'mission' and entity_id = $1 order by at, action",
    [missionId],
  );
  return rows.map((row) => row.action);
}

/** Expects `response` to be the error `code` with `status`. */
export function expectError(
  response: { statusCode: number; body: string; json(): unknown },
  status: number,
  code: string,
) {
  expect(response.statusCode, response.body).toBe(status);
  expect((response.json() as { error: { code: string } }).error.code).toBe(code);
}
