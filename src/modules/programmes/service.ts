import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { resolveWeights, WeightsError } from '../../matching/ranking/index.ts';
import { recordAudit } from '../audit/service.ts';
import { FieldProblems } from './reference-checks.ts';
import { programmes } from './schema.ts';
import type { ProgrammeCreate, ProgrammeUpdate } from './schemas.ts';

export type Programme = typeof programmes.$inferSelect;

/** Who changes a programme and from where, for the audit trail. */
export interface WriteMeta {
  actorId: string;
  ip: string;
}

/** One programme by id, or undefined; other modules use it to check the programme a record names. */
export async function findProgramme(tx: Tx, id: string): Promise<Programme | undefined> {
  const [row] = await tx.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

/** Every programme, oldest first (there are a handful per deployment, so no pagination). */
export async function listProgrammes(tx: Tx): Promise<Programme[]> {
  return tx.select().from(programmes).orderBy(asc(programmes.startsOn), asc(programmes.name));
}

const unique = (codes: readonly string[] | undefined) => (codes ? [...new Set(codes)] : codes);

/** Checks what zod cannot: codes against the reference lists, the period, and the code's uniqueness. */
async function checkProgramme(tx: Tx, values: ProgrammeCreate, exceptId?: string): Promise<void> {
  const problems = new FieldProblems();
  problems.codesIn('countries', 'countries', values.countries);
  problems.codesIn('sectors', 'prioritySectors', values.prioritySectors);
  problems.codesIn('countries', 'eligibleResidenceCountries', values.eligibleResidenceCountries);
  if (values.endsOn && values.endsOn < values.startsOn) {
    problems.add('endsOn', 'invalid_value', 'The programme cannot end before it starts');
  }
  try {
    resolveWeights(values.matchingWeights);
  } catch (error) {
    if (!(error instanceof WeightsError)) throw error;
    problems.add('matchingWeights', 'invalid_value', error.message);
  }
  problems.throwIfAny();
  const [taken] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, values.code));
  if (taken && taken.id !== exceptId) {
    throw new AppError('programme_code_taken', 'Another programme already uses this code', [
      { path: 'code', code: 'invalid_value', message: 'Another programme already uses this code' },
    ]);
  }
}

function normalised<T extends Partial<ProgrammeCreate>>(values: T): T {
  return {
    ...values,
    ...(values.countries ? { countries: unique(values.countries) } : {}),
    ...(values.prioritySectors ? { prioritySectors: unique(values.prioritySectors) } : {}),
    ...(values.eligibleResidenceCountries
      ? { eligibleResidenceCountries: unique(values.eligibleResidenceCountries) }
      : {}),
  };
}

/** Adds a programme; audited with its code and name. */
export async function createProgramme(tx: Tx, input: ProgrammeCreate, meta: WriteMeta): Promise<Programme> {
  const values = normalised(input);
  await checkProgramme(tx, values);
  const [row] = await tx
    .insert(programmes)
    .values({ ...values, endsOn: values.endsOn ?? null, description: values.description ?? null })
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'programme.created',
    entityType: 'programme',
    entityId: row!.id,
    changes: { code: { after: row!.code }, name: { after: row!.name }, status: { after: row!.status } },
    ip: meta.ip,
  });
  return row!;
}

/** The fields whose value changes, as audit before/after pairs. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  patch: Partial<T>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, after] of Object.entries(patch)) {
    if (after === undefined) continue;
    const previous = before[key];
    if (JSON.stringify(previous ?? null) !== JSON.stringify(after ?? null)) {
      changes[key] = { before: previous ?? null, after: after ?? null };
    }
  }
  return changes;
}

/** Changes the fields sent; the whole result is checked again, so a new start date cannot pass an old end date. */
export async function updateProgramme(
  tx: Tx,
  programme: Programme,
  patch: ProgrammeUpdate,
  meta: WriteMeta,
): Promise<Programme> {
  const values = normalised(patch);
  const merged: ProgrammeCreate = {
    code: values.code ?? programme.code,
    name: values.name ?? programme.name,
    donor: values.donor ?? programme.donor,
    countries: values.countries ?? programme.countries,
    startsOn: values.startsOn ?? programme.startsOn,
    endsOn: values.endsOn === undefined ? programme.endsOn : values.endsOn,
    status: values.status ?? programme.status,
    prioritySectors: values.prioritySectors ?? programme.prioritySectors,
    eligibleResidenceCountries: values.eligibleResidenceCountries ?? programme.eligibleResidenceCountries,
    description: values.description === undefined ? programme.description : values.description,
    matchingWeights: values.matchingWeights ?? programme.matchingWeights,
  };
  await checkProgramme(tx, merged, programme.id);
  const changes = changedFields(programme, values);
  if (!Object.keys(changes).length) return programme;
  const [row] = await tx
    .update(programmes)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(programmes.id, programme.id))
    .returning();
  // Descriptions can be long: the audit says that it changed, not what it says.
  if (changes.description) changes.description = { before: '…', after: '…' };
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'programme.updated',
    entityType: 'programme',
    entityId: programme.id,
    changes,
    ip: meta.ip,
  });
  return row!;
}
