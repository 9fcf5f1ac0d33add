// A fixture for the demand-side tests: a Terms of Reference of the demo's CD4D Maroc programme, for the demo focal
// point's institution, written straight into the database in any state. Tests of the ToR workflow itself go
// through the HTTP API; this is for tests that need a ToR to exist (public calls, applications) without replaying
// the whole workflow first.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { assignments, type AssignmentState } from '../../src/modules/assignments/schema.ts';
import { roleAssignments } from '../../src/modules/identity/schema.ts';
import { programmes } from '../../src/modules/programmes/schema.ts';

let sequence = 0;

/** The demo programme CD4D Maroc and the demo focal point's institution (the demo data must be loaded). */
export async function demoDemandContext(db: Db): Promise<{ programmeId: string; institutionId: string }> {
  const [programme] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, 'cd4d-ma'));
  const [focal] = await db
    .select({ institutionId: roleAssignments.institutionId })
    .from(roleAssignments)
    .where(eq(roleAssignments.role, 'focal_point'));
  if (!programme || !focal?.institutionId) throw new Error('demo data not loaded');
  return { programmeId: programme.id, institutionId: focal.institutionId };
}

/** Inserts a ToR in `state` (default `published`, deadline in 30 days) and returns its id. */
export async function insertAssignment(
  db: Db,
  overrides: Partial<typeof assignments.$inferInsert> & { state?: AssignmentState } = {},
): Promise<string> {
  const context = await demoDemandContext(db);
  const deadline = new Date(Date.now() + 30 * 86_400_000);
  const deadlineDate = deadline.toISOString().slice(0, 10);
  sequence += 1;
  const [row] = await db
    .insert(assignments)
    .values({
      reference: `TEST-${process.pid}-${sequence}`,
      programmeId: context.programmeId,
      institutionId: context.institutionId,
      state: 'published',
      titleFr: `Appui à la réforme des cursus universitaires ${sequence}`,
      descriptionFr: 'Accompagner les équipes pédagogiques dans la refonte des cursus de licence.',
      objectives: ['Réviser trois cursus de licence'],
      deliverables: ['Rapport de recommandations'],
      sectors: ['11420'],
      languages: [{ language: 'fr', minLevel: 'B2' }],
      modality: 'hybrid',
      region: '04',
      city: 'Rabat',
      windowStartsOn: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
      windowEndsOn: new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10),
      workingDays: 10,
      expertsNeeded: 1,
      applicationDeadline: deadlineDate,
      deadlineAt: new Date(`${deadlineDate}T23:59:59+01:00`),
      publishedAt: new Date(),
      ...overrides,
    })
    .returning({ id: assignments.id });
  return row!.id;
}
