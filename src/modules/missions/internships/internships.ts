/**
 * The reverse flow: host-institution staff trained or interning at a partner institution abroad. Counted with the
 * missions in the results; kept by programme officers, read by staff and by the focal points of the institution.
 */
import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { findInstitution } from '../../institutions/service.ts';
import { FieldProblems } from '../../programmes/reference-checks.ts';
import { findProgramme } from '../../programmes/service.ts';
import { isReferenceCode } from '../../reference/lists.ts';
import { centsInCurrency, fromCents, requireCurrency } from '../costs/money.ts';
import { internships } from '../schema.ts';
import type { InternshipInput, InternshipListQuery } from './schemas.ts';

export type InternshipRow = typeof internships.$inferSelect;

/** Who writes and from where, for the audit trail. */
export interface InternshipWriteMeta {
  actorId: string;
  ip: string;
}

/** The API's view of one internship. */
export function presentInternship(row: InternshipRow) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    institutionId: row.institutionId,
    kind: row.kind,
    traineeName: row.traineeName,
    traineeEmail: row.traineeEmail,
    partnerInstitution: row.partnerInstitution,
    country: row.country,
    city: row.city,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    topic: row.topic,
    costAmount: row.costAmount,
    costCurrency: row.costCurrency,
    report: row.report,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * A page of internships, latest first. `onlyInstitutionIds` scopes it (a focal point's institutions); undefined
 * means all of them.
 */
export async function listInternships(
  tx: Tx,
  query: InternshipListQuery,
  onlyInstitutionIds: string[] | undefined,
): Promise<{ rows: InternshipRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (onlyInstitutionIds) {
    if (!onlyInstitutionIds.length) return { rows: [], total: 0 };
    conditions.push(inArray(internships.institutionId, onlyInstitutionIds));
  }
  if (query.programmeId) conditions.push(eq(internships.programmeId, query.programmeId));
  if (query.institutionId) conditions.push(eq(internships.institutionId, query.institutionId));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await tx
    .select()
    .from(internships)
    .where(where)
    .orderBy(desc(internships.startsOn), desc(internships.createdAt), desc(internships.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ value: count() }).from(internships).where(where);
  return { rows, total: Number(total?.value ?? 0) };
}

/** Checks what zod cannot; returns the values to store (the cost with its two decimals). */
async function checked(tx: Tx, input: InternshipInput) {
  let costAmount: string | null = null;
  if (input.costCurrency !== null) {
    const units = requireCurrency(input.costCurrency, 'costCurrency');
    if (input.costAmount !== null) {
      const cents = centsInCurrency(input.costAmount, units);
      if (cents !== undefined) costAmount = fromCents(cents);
    }
  }
  const problems = new FieldProblems();
  if (!(await findProgramme(tx, input.programmeId))) problems.add('programmeId', 'not_found', 'No such programme');
  if (!(await findInstitution(tx, input.institutionId))) {
    problems.add('institutionId', 'not_found', 'No such institution');
  }
  if (!isReferenceCode('countries', input.country)) {
    problems.add('country', 'invalid_value', `Unknown country ${input.country}`);
  }
  if (input.endsOn < input.startsOn) problems.add('endsOn', 'date_order', 'It must end on or after the day it starts');
  if (input.costAmount !== null && input.costCurrency === null) {
    problems.add('costCurrency', 'required', 'A cost needs its currency');
  }
  if (input.costAmount === null && input.costCurrency !== null) {
    problems.add('costAmount', 'required', 'A currency without a cost');
  }
  if (input.costAmount !== null && input.costCurrency !== null && costAmount === null) {
    problems.add('costAmount', 'invalid_value', `Too many decimals for ${input.costCurrency}`);
  }
  problems.throwIfAny();
  return { ...input, costAmount };
}

/** Records an internship or training abroad (audited). */
export async function createInternship(
  tx: Tx,
  input: InternshipInput,
  meta: InternshipWriteMeta,
): Promise<InternshipRow> {
  const values = await checked(tx, input);
  const [row] = await tx
    .insert(internships)
    .values({ ...values, createdBy: meta.actorId })
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'internship.created',
    entityType: 'internship',
    entityId: row!.id,
    changes: { after: values },
    ip: meta.ip,
  });
  return row!;
}

/** Replaces an internship's values (audited with what changed). */
export async function updateInternship(
  tx: Tx,
  id: string,
  input: InternshipInput,
  meta: InternshipWriteMeta,
): Promise<InternshipRow> {
  const [before] = await tx.select().from(internships).where(eq(internships.id, id)).for('update');
  if (!before) throw new AppError('not_found', 'No such internship');
  const values = await checked(tx, input);
  const [row] = await tx
    .update(internships)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(internships.id, id))
    .returning();
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, value] of Object.entries(values)) {
    const previous = before[key as keyof typeof values];
    if (previous !== value) changes[key] = { before: previous, after: value };
  }
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'internship.updated',
    entityType: 'internship',
    entityId: id,
    changes,
    ip: meta.ip,
  });
  return row!;
}
