import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/service.ts';
import { recipient, recipientsWithRole } from '../identity/recipients.ts';
import { addNotices } from '../notifications/notices.ts';
import { enqueueEmail } from '../notifications/outbox.ts';
import { changedFields, findProgramme, type WriteMeta } from '../programmes/service.ts';
import type { NeedCreate, NeedUpdate } from './plan-schemas.ts';
import { capacityNeeds, institutionOutcomes, institutions } from './schema.ts';

export type CapacityNeed = typeof capacityNeeds.$inferSelect;
export type Outcome = typeof institutionOutcomes.$inferSelect;

/** One capacity need by id, or undefined; the ToR module uses it to check the need a ToR answers. */
export async function findCapacityNeed(tx: Tx, id: string): Promise<CapacityNeed | undefined> {
  const [row] = await tx.select().from(capacityNeeds).where(eq(capacityNeeds.id, id));
  return row;
}

const priorityOrder = sql`case ${capacityNeeds.priority} when 'high' then 0 when 'medium' then 1 else 2 end`;

function presentNeed(need: CapacityNeed) {
  return {
    id: need.id,
    programmeId: need.programmeId,
    outcomeId: need.outcomeId,
    title: need.title,
    description: need.description,
    priority: need.priority,
    status: need.status,
    createdAt: need.createdAt.toISOString(),
    updatedAt: need.updatedAt.toISOString(),
  };
}
export type NeedView = ReturnType<typeof presentNeed>;

/** The development plan of an institution in a programme: outcomes in order, each with its needs. */
export async function loadPlan(tx: Tx, institutionId: string, programmeId: string) {
  const outcomes = await planOutcomes(tx, institutionId, programmeId);
  const needs = await tx
    .select()
    .from(capacityNeeds)
    .where(and(eq(capacityNeeds.institutionId, institutionId), eq(capacityNeeds.programmeId, programmeId)))
    .orderBy(priorityOrder, asc(capacityNeeds.createdAt), asc(capacityNeeds.id));
  return {
    institutionId,
    programmeId,
    outcomes: outcomes.map((outcome) => ({
      id: outcome.id,
      programmeId: outcome.programmeId,
      position: outcome.position,
      statement: outcome.statement,
      needs: needs.filter((need) => need.outcomeId === outcome.id).map(presentNeed),
    })),
    unassignedNeeds: needs.filter((need) => !need.outcomeId).map(presentNeed),
  };
}

function planOutcomes(tx: Tx, institutionId: string, programmeId: string): Promise<Outcome[]> {
  return tx
    .select()
    .from(institutionOutcomes)
    .where(and(eq(institutionOutcomes.institutionId, institutionId), eq(institutionOutcomes.programmeId, programmeId)))
    .orderBy(asc(institutionOutcomes.position), asc(institutionOutcomes.createdAt));
}

/** Serialises plan writes per institution, so that two editors reordering at once cannot leave equal positions. */
async function lockPlan(tx: Tx, institutionId: string): Promise<void> {
  await tx.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, institutionId)).for('update');
}

async function requireProgramme(tx: Tx, programmeId: string): Promise<void> {
  if (!(await findProgramme(tx, programmeId))) throw fieldError('programmeId', 'not_found', 'Unknown programme');
}

/** Writes positions 1..n in the given order, touching only the rows whose position changes. */
async function renumber(tx: Tx, ordered: Outcome[]): Promise<void> {
  for (const [index, outcome] of ordered.entries()) {
    if (outcome.position !== index + 1) {
      await tx
        .update(institutionOutcomes)
        .set({ position: index + 1 })
        .where(eq(institutionOutcomes.id, outcome.id));
    }
  }
}

/** Adds an outcome at `position` (default: last); the ones from there on move down. */
export async function createOutcome(
  tx: Tx,
  institutionId: string,
  input: { programmeId: string; statement: string; position?: number | undefined },
  meta: WriteMeta,
): Promise<Outcome> {
  await requireProgramme(tx, input.programmeId);
  await lockPlan(tx, institutionId);
  const existing = await planOutcomes(tx, institutionId, input.programmeId);
  const at = Math.min(input.position ?? existing.length + 1, existing.length + 1);
  const [row] = await tx
    .insert(institutionOutcomes)
    .values({ institutionId, programmeId: input.programmeId, statement: input.statement, position: at })
    .returning();
  await renumber(tx, [...existing.slice(0, at - 1), row!, ...existing.slice(at - 1)]);
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'outcome.created',
    entityType: 'institution',
    entityId: institutionId,
    changes: { outcomeId: row!.id, programmeId: input.programmeId, position: { after: at } },
    ip: meta.ip,
  });
  return { ...row!, position: at };
}

async function requireOutcome(tx: Tx, institutionId: string, outcomeId: string): Promise<Outcome> {
  const [row] = await tx
    .select()
    .from(institutionOutcomes)
    .where(and(eq(institutionOutcomes.id, outcomeId), eq(institutionOutcomes.institutionId, institutionId)));
  if (!row) throw new AppError('not_found', 'No such outcome in this institution’s plan');
  return row;
}

/** Rewords an outcome and/or moves it; the other outcomes close up around its new place. Answers its programme. */
export async function updateOutcome(
  tx: Tx,
  institutionId: string,
  outcomeId: string,
  input: { statement?: string | undefined; position?: number | undefined },
  meta: WriteMeta,
): Promise<string> {
  await lockPlan(tx, institutionId);
  const outcome = await requireOutcome(tx, institutionId, outcomeId);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  if (input.statement !== undefined && input.statement !== outcome.statement) {
    await tx
      .update(institutionOutcomes)
      .set({ statement: input.statement })
      .where(eq(institutionOutcomes.id, outcomeId));
    changes.statement = { before: '…', after: '…' };
  }
  if (input.position !== undefined) {
    const others = (await planOutcomes(tx, institutionId, outcome.programmeId)).filter((row) => row.id !== outcomeId);
    const at = Math.min(input.position, others.length + 1);
    if (at !== outcome.position) {
      await renumber(tx, [...others.slice(0, at - 1), outcome, ...others.slice(at - 1)]);
      changes.position = { before: outcome.position, after: at };
    }
  }
  if (!Object.keys(changes).length) return outcome.programmeId;
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'outcome.updated',
    entityType: 'institution',
    entityId: institutionId,
    changes: { outcomeId, ...changes },
    ip: meta.ip,
  });
  return outcome.programmeId;
}

/** Deletes an outcome; its needs stay in the plan without an outcome, and the later outcomes move up. */
export async function deleteOutcome(tx: Tx, institutionId: string, outcomeId: string, meta: WriteMeta) {
  await lockPlan(tx, institutionId);
  const outcome = await requireOutcome(tx, institutionId, outcomeId);
  const [needs] = await tx.select({ value: count() }).from(capacityNeeds).where(eq(capacityNeeds.outcomeId, outcomeId));
  // The foreign key sets the needs' outcome to null (on delete set null): they are kept, unassigned.
  await tx.delete(institutionOutcomes).where(eq(institutionOutcomes.id, outcomeId));
  await renumber(tx, await planOutcomes(tx, institutionId, outcome.programmeId));
  const needsUnassigned = Number(needs?.value ?? 0);
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'outcome.deleted',
    entityType: 'institution',
    entityId: institutionId,
    changes: { outcomeId, programmeId: outcome.programmeId, needsUnassigned },
    ip: meta.ip,
  });
  return { status: 'deleted' as const, needsUnassigned };
}

/** The outcome a need names must be in the same institution's plan for the same programme. */
async function checkOutcomeOf(
  tx: Tx,
  institutionId: string,
  programmeId: string,
  outcomeId: string | null | undefined,
) {
  if (!outcomeId) return;
  const [row] = await tx
    .select({ programmeId: institutionOutcomes.programmeId })
    .from(institutionOutcomes)
    .where(and(eq(institutionOutcomes.id, outcomeId), eq(institutionOutcomes.institutionId, institutionId)));
  if (!row || row.programmeId !== programmeId) {
    throw fieldError('outcomeId', 'not_found', 'No such outcome in this plan');
  }
}

/**
 * Adds a capacity need. A focal point's proposal (`proposal`) always starts `open`, whatever was sent: staff decide
 * whether it is being worked on, met or dropped.
 */
/** A focal point's proposal waits for staff: the programme's officers are told by e-mail and in the app. */
async function tellOfficersOfProposal(
  tx: Tx,
  need: CapacityNeed,
  meta: WriteMeta & { publicUrl: string },
): Promise<void> {
  const [institution] = await tx
    .select({ nameFr: institutions.nameFr })
    .from(institutions)
    .where(eq(institutions.id, need.institutionId));
  const proposer = await recipient(tx, meta.actorId);
  const officers = await recipientsWithRole(tx, 'programme_officer', { programmeId: need.programmeId });
  const link = `/institutions/${need.institutionId}`;
  for (const officer of officers) {
    await enqueueEmail(tx, {
      to: officer.email,
      userId: officer.userId,
      locale: officer.locale,
      template: 'need_proposed',
      params: {
        name: officer.name,
        institution: institution?.nameFr ?? '',
        title: need.title,
        proposer: proposer?.name ?? '',
        link: `${meta.publicUrl}${link}`,
      },
    });
  }
  await addNotices(
    tx,
    officers.map((officer) => officer.userId),
    'need.proposed',
    { institution: institution?.nameFr ?? '', title: need.title },
    link,
  );
}

export async function createNeed(
  tx: Tx,
  institutionId: string,
  input: NeedCreate,
  meta: WriteMeta & { proposal: boolean; publicUrl: string },
): Promise<NeedView> {
  await requireProgramme(tx, input.programmeId);
  await checkOutcomeOf(tx, institutionId, input.programmeId, input.outcomeId);
  const [row] = await tx
    .insert(capacityNeeds)
    .values({
      institutionId,
      programmeId: input.programmeId,
      outcomeId: input.outcomeId ?? null,
      title: input.title,
      description: input.description ?? null,
      priority: input.priority,
      status: meta.proposal ? 'open' : (input.status ?? 'open'),
    })
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: meta.proposal ? 'need.proposed' : 'need.created',
    entityType: 'capacity_need',
    entityId: row!.id,
    changes: {
      institutionId,
      programmeId: input.programmeId,
      priority: { after: row!.priority },
      status: { after: row!.status },
    },
    ip: meta.ip,
  });
  if (meta.proposal) await tellOfficersOfProposal(tx, row!, meta);
  return presentNeed(row!);
}

/** Changes a need of this institution; audited field by field (texts as "changed", not their content). */
export async function updateNeed(
  tx: Tx,
  institutionId: string,
  needId: string,
  patch: NeedUpdate,
  meta: WriteMeta,
): Promise<NeedView> {
  const need = await findCapacityNeed(tx, needId);
  if (!need || need.institutionId !== institutionId) throw new AppError('not_found', 'No such capacity need');
  await checkOutcomeOf(tx, institutionId, need.programmeId, patch.outcomeId);
  const changes = changedFields(need, patch);
  if (!Object.keys(changes).length) return presentNeed(need);
  const [row] = await tx
    .update(capacityNeeds)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(capacityNeeds.id, needId))
    .returning();
  if (changes.description) changes.description = { before: '…', after: '…' };
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'need.updated',
    entityType: 'capacity_need',
    entityId: needId,
    changes,
    ip: meta.ip,
  });
  return presentNeed(row!);
}
