// Fixtures for the costs and rates tests: a mission of the demo expert written straight into the database in any
// state (the mission workflow has its own tests), and the demo rate tables when the demo loader has not put them.
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../../test/helpers/app.ts';
import { demoDemandContext, insertAssignment } from '../../../../test/helpers/assignments.ts';
import { users } from '../../identity/schema.ts';
import { missions, type MissionState } from '../schema.ts';
import { loadDemoRates } from './demo-rates.ts';

let sequence = 0;

/** The demo expert's user id. */
export async function demoExpertId(t: TestApp): Promise<string> {
  const [row] = await t.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'expert@passerelle.example'));
  if (!row) throw new Error('demo data not loaded');
  return row.id;
}

/** Inserts a mission of the demo expert at the demo focal point's institution and returns it. */
export async function insertMission(
  t: TestApp,
  overrides: Partial<typeof missions.$inferInsert> & { state?: MissionState } = {},
) {
  const { db } = t.database;
  const context = await demoDemandContext(db);
  const assignmentId = await insertAssignment(db);
  sequence += 1;
  const [row] = await db
    .insert(missions)
    .values({
      reference: `COST-${process.pid}-${sequence}`,
      programmeId: context.programmeId,
      assignmentId,
      expertId: await demoExpertId(t),
      institutionId: context.institutionId,
      modality: 'on_site',
      startsOn: '2026-03-02',
      endsOn: '2026-03-13',
      workingDays: 10,
      country: 'MA',
      city: 'Rabat',
      hostContactName: 'Nadia Bennani',
      ...overrides,
    })
    .returning();
  return row!;
}

/** The demo rate tables (Morocco's allowances, MAD and USD into euros), unless the demo loader already put them. */
export async function ensureDemoRates(t: TestApp): Promise<void> {
  const [counted] = await t.database.query<{ n: number }>(
    `select count(*)::int as n from dsa_rates where country = 'MA'`,
  );
  if (counted!.n > 0) return;
  await t.database.db.transaction((tx) => loadDemoRates(tx, null));
}

/** Audit events of an action on an entity, oldest first. */
export function auditOf(t: TestApp, action: string, entityId: string) {
  return t.database.query<{ changes: Record<string, unknown> }>(
    'select changes from audit_events where action = $1 and entity_id = $2 order by at, id',
    [action, entityId],
  );
}

/** Rows of a table matching a condition, counted (to prove a refusal changed nothing). */
export async function countRows(t: TestApp, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params);
  return row!.n;
}
