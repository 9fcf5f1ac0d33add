/**
 * A mission's cost lines: planned against actual, in the currency paid and in the programme's reporting currency at
 * the rate stored with each line. A mission's budget never silently changes: every add, change and removal is
 * audited with its before and after, and the lines of a closed or cancelled mission no longer move.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { calendarDays, todayInMorocco } from '../../assignments/dates.ts';
import { recordAudit } from '../../audit/service.ts';
import { programmes } from '../../programmes/schema.ts';
import type { MissionRow } from '../repository.ts';
import { dsaRates, missionCosts, type CostCategory } from '../schema.ts';
import { requireCurrencyRate } from './currency-rates.ts';
import { requireDsaRate, type DsaRateRow } from './dsa-rates.ts';
import { centsInCurrency, convert, fromCents, maxCents, requireCurrency, toCents } from './money.ts';
import type { CostInput, CostUpdate } from './schemas.ts';

export type CostRow = typeof missionCosts.$inferSelect;

/** Who writes, from where and when, for the audit trail and the day of an actual cost. */
export interface CostWriteMeta {
  actorId: string;
  ip: string;
  now: Date;
}

/** Closed and cancelled missions are settled: their costs are read-only. */
export function refuseSettled(mission: MissionRow): void {
  if (mission.state === 'closed' || mission.state === 'cancelled') {
    throw new AppError('mission_settled', `The mission is ${mission.state}: its costs no longer change`);
  }
}

/** The currency a programme reports in (the donor's). */
export async function reportingCurrencyOf(tx: Tx, programmeId: string): Promise<string> {
  const [row] = await tx
    .select({ currency: programmes.reportingCurrency })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  return row?.currency ?? 'EUR';
}

/** Nights counted for the allowance: the calendar days from the first day to the last, both included. */
export function dsaNights(mission: Pick<MissionRow, 'startsOn' | 'endsOn'>): number {
  return calendarDays(mission.startsOn, mission.endsOn);
}

/** An online mission has no travel, hence no allowance. */
function refuseOnline(mission: MissionRow): void {
  if (mission.modality === 'online') {
    throw new AppError('dsa_not_applicable', 'An online mission has no daily subsistence allowance', [
      { path: 'category', code: 'invalid_value', message: 'No DSA for an online mission' },
    ]);
  }
}

/** rate × nights in the rate's currency, refused beyond what the column holds. */
function dsaAmount(rate: DsaRateRow, nights: number): bigint {
  const cents = toCents(rate.amount) * BigInt(nights);
  if (cents > maxCents) {
    throw new AppError('validation_failed', 'The allowance is too large', [
      { path: 'nights', code: 'out_of_range', message: 'rate × nights exceeds the largest amount' },
    ]);
  }
  return cents;
}

/** The cents of an amount given by hand, checked against its currency's decimals. */
function givenCents(amount: string, currency: string): bigint {
  const units = requireCurrency(currency, 'currency');
  const cents = centsInCurrency(amount, units);
  if (cents === undefined) {
    throw new AppError('validation_failed', `${currency} has ${units} decimal places`, [
      { path: 'amount', code: 'invalid_value', message: `${currency} has ${units} decimal places` },
    ]);
  }
  return cents;
}

/** The day a line is converted at: the mission's start for a plan, the day it was paid (written) for an actual. */
function conversionDay(mission: MissionRow, kind: 'planned' | 'actual', written: Date): string {
  return kind === 'planned' ? mission.startsOn : todayInMorocco(written);
}

/** Amount, currency, rate and reporting amount of a line, converted at its day's stored rate. */
async function priced(
  tx: Tx,
  mission: MissionRow,
  line: { cents: bigint; currency: string; kind: 'planned' | 'actual'; written: Date },
) {
  const reportingCurrency = await reportingCurrencyOf(tx, mission.programmeId);
  const reportingUnits = requireCurrency(reportingCurrency, 'reportingCurrency');
  const rate = await requireCurrencyRate(
    tx,
    line.currency,
    reportingCurrency,
    conversionDay(mission, line.kind, line.written),
  );
  const reportingCents = convert(line.cents, rate, reportingUnits);
  if (reportingCents > maxCents) {
    throw new AppError('validation_failed', 'The amount is too large', [
      { path: 'amount', code: 'out_of_range', message: 'Too large in the reporting currency' },
    ]);
  }
  return {
    amount: fromCents(line.cents),
    currency: line.currency,
    rate,
    reportingAmount: fromCents(reportingCents),
    reportingCurrency,
  };
}

/** What an audit entry keeps of a line. */
function auditedValues(row: CostRow) {
  return {
    category: row.category,
    kind: row.kind,
    description: row.description,
    amount: row.amount,
    currency: row.currency,
    rate: row.rate,
    reportingAmount: row.reportingAmount,
    reportingCurrency: row.reportingCurrency,
    dsaRateId: row.dsaRateId,
    nights: row.nights,
  };
}

/** A mission's lines, oldest first. */
export function costLinesOf(tx: Tx, missionId: string): Promise<CostRow[]> {
  return tx
    .select()
    .from(missionCosts)
    .where(eq(missionCosts.missionId, missionId))
    .orderBy(asc(missionCosts.createdAt), asc(missionCosts.id));
}

/**
 * Adds a line. A DSA line without an amount is computed: the rate for the mission's place on its start date (the
 * city's, else the country's) × the nights; no rate is an error (`dsa_rate_missing`), never a zero.
 */
export async function addCost(tx: Tx, mission: MissionRow, input: CostInput, meta: CostWriteMeta): Promise<CostRow> {
  refuseSettled(mission);
  let cents: bigint;
  let currency: string;
  let dsaRateId: string | null = null;
  let nights: number | null = input.nights ?? null;
  if (input.category === 'dsa') refuseOnline(mission);
  if (input.amount === undefined) {
    if (input.category !== 'dsa') {
      throw new AppError('validation_failed', 'An amount is needed', [
        { path: 'amount', code: 'required', message: 'Only a DSA line is computed' },
      ]);
    }
    const { rate } = await requireDsaRate(tx, mission);
    nights = input.nights ?? dsaNights(mission);
    cents = dsaAmount(rate, nights);
    if (input.currency !== undefined && input.currency !== rate.currency) {
      throw new AppError('validation_failed', 'A computed allowance is in the rate’s currency', [
        { path: 'currency', code: 'invalid_value', message: `The rate is in ${rate.currency}` },
      ]);
    }
    currency = rate.currency;
    dsaRateId = rate.id;
  } else {
    if (input.currency === undefined) {
      throw new AppError('validation_failed', 'A currency is needed with an amount', [
        { path: 'currency', code: 'required', message: 'ISO 4217 code of the amount' },
      ]);
    }
    currency = input.currency;
    cents = givenCents(input.amount, currency);
    if (input.category !== 'dsa') nights = null;
  }
  const price = await priced(tx, mission, { cents, currency, kind: input.kind, written: meta.now });
  const [row] = await tx
    .insert(missionCosts)
    .values({
      missionId: mission.id,
      category: input.category,
      kind: input.kind,
      description: input.description ?? null,
      ...price,
      dsaRateId,
      nights,
      createdBy: meta.actorId,
      createdAt: meta.now,
      updatedAt: meta.now,
    })
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'mission.cost_added',
    entityType: 'mission',
    entityId: mission.id,
    changes: { costId: row!.id, after: auditedValues(row!) },
    ip: meta.ip,
  });
  return row!;
}

async function requireLine(tx: Tx, mission: MissionRow, costId: string): Promise<CostRow> {
  const [row] = await tx
    .select()
    .from(missionCosts)
    .where(and(eq(missionCosts.id, costId), eq(missionCosts.missionId, mission.id)))
    .for('update');
  if (!row) throw new AppError('not_found', 'No such cost line');
  return row;
}

/**
 * Changes a line and prices it again at its day's rate. A computed DSA line given new nights follows its rate
 * (rate × nights); given an amount, it becomes an amount set by hand and no longer names a rate.
 */
export async function updateCost(
  tx: Tx,
  mission: MissionRow,
  costId: string,
  input: CostUpdate,
  meta: CostWriteMeta,
): Promise<CostRow> {
  refuseSettled(mission);
  const before = await requireLine(tx, mission, costId);
  const kind = input.kind ?? before.kind;
  let nights = before.nights;
  let dsaRateId = before.dsaRateId;
  let currency = input.currency ?? before.currency;
  let cents: bigint;
  if (input.nights !== undefined && before.category !== 'dsa') {
    throw new AppError('validation_failed', 'Only a DSA line counts nights', [
      { path: 'nights', code: 'invalid_value', message: 'Only a DSA line counts nights' },
    ]);
  }
  if (input.amount !== undefined) {
    cents = givenCents(input.amount, currency);
    dsaRateId = null;
    nights = input.nights ?? nights;
  } else if (input.nights !== undefined && before.dsaRateId) {
    // The rate the line was computed with, as the table holds it now; the place's current rate if it was removed.
    const [kept] = await tx.select().from(dsaRates).where(eq(dsaRates.id, before.dsaRateId));
    const rate = kept ?? (await requireDsaRate(tx, mission)).rate;
    nights = input.nights;
    cents = dsaAmount(rate, nights);
    currency = rate.currency;
    dsaRateId = rate.id;
  } else {
    if (input.currency !== undefined && before.dsaRateId) {
      throw new AppError('validation_failed', 'A computed allowance is in the rate’s currency', [
        { path: 'currency', code: 'invalid_value', message: 'Give an amount to change the currency' },
      ]);
    }
    nights = input.nights ?? nights;
    cents = givenCents(before.amount, currency);
  }
  // Only a change of amount, currency or kind prices the line again: a new description never moves the budget.
  const repriced = cents !== toCents(before.amount) || currency !== before.currency || kind !== before.kind;
  const written = kind === 'actual' && before.kind === 'actual' ? before.createdAt : meta.now;
  const price = repriced
    ? await priced(tx, mission, { cents, currency, kind, written })
    : {
        amount: before.amount,
        currency: before.currency,
        rate: before.rate,
        reportingAmount: before.reportingAmount,
        reportingCurrency: before.reportingCurrency,
      };
  const [row] = await tx
    .update(missionCosts)
    .set({
      kind,
      description: input.description === undefined ? before.description : input.description,
      ...price,
      dsaRateId,
      nights,
      updatedAt: meta.now,
    })
    .where(eq(missionCosts.id, before.id))
    .returning();
  await auditChange(tx, before, row!, meta);
  return row!;
}

/** Audits `mission.cost_changed` with each value that moved, before and after, and why when a command caused it. */
async function auditChange(tx: Tx, before: CostRow, after: CostRow, meta: CostWriteMeta, cause?: string) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const previous = auditedValues(before);
  for (const [key, value] of Object.entries(auditedValues(after))) {
    const old = previous[key as keyof typeof previous];
    if (old !== value) changes[key] = { before: old, after: value };
  }
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'mission.cost_changed',
    entityType: 'mission',
    entityId: before.missionId,
    changes: { costId: before.id, ...(cause ? { cause } : {}), ...changes },
    ip: meta.ip,
  });
}

/**
 * Prices the planned lines again for the mission's new dates (`after`), in the caller's transaction: a planned line
 * converts at the start's rate, so it follows the new start; a computed DSA line takes the rate of the new dates,
 * and its nights follow the dates when they were the dates' own. Actual lines and amounts set by hand stay as they
 * are. Each moved line is audited (`cause: 'rescheduled'`): the budget changes, never silently.
 * @throws AppError `dsa_rate_missing`, `currency_rate_missing` for the new dates (the caller's transaction rolls back)
 * @returns how many lines changed
 */
export async function repricePlannedLines(
  tx: Tx,
  before: MissionRow,
  after: MissionRow,
  meta: CostWriteMeta,
): Promise<number> {
  const planned = (await costLinesOf(tx, after.id)).filter((line) => line.kind === 'planned');
  // One place, one start: every computed allowance line takes the same rate, looked up once.
  const computed = planned.some((line) => line.category === 'dsa' && line.dsaRateId);
  const rate = computed ? (await requireDsaRate(tx, after)).rate : undefined;
  let changed = 0;
  for (const line of planned) {
    let cents = toCents(line.amount);
    let currency = line.currency;
    let nights = line.nights;
    let dsaRateId = line.dsaRateId;
    if (rate && line.category === 'dsa' && line.dsaRateId) {
      nights = line.nights === dsaNights(before) ? dsaNights(after) : line.nights;
      cents = dsaAmount(rate, nights ?? dsaNights(after));
      currency = rate.currency;
      dsaRateId = rate.id;
    }
    const price = await priced(tx, after, { cents, currency, kind: 'planned', written: meta.now });
    const moved =
      price.amount !== line.amount ||
      price.currency !== line.currency ||
      price.rate !== line.rate ||
      price.reportingAmount !== line.reportingAmount ||
      nights !== line.nights ||
      dsaRateId !== line.dsaRateId;
    if (!moved) continue;
    const [row] = await tx
      .update(missionCosts)
      .set({ ...price, nights, dsaRateId, updatedAt: meta.now })
      .where(eq(missionCosts.id, line.id))
      .returning();
    await auditChange(tx, line, row!, meta, 'rescheduled');
    changed += 1;
  }
  return changed;
}

/** Removes a line; the audit keeps what it was. */
export async function removeCost(tx: Tx, mission: MissionRow, costId: string, meta: CostWriteMeta): Promise<void> {
  refuseSettled(mission);
  const before = await requireLine(tx, mission, costId);
  await tx.delete(missionCosts).where(eq(missionCosts.id, before.id));
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'mission.cost_removed',
    entityType: 'mission',
    entityId: mission.id,
    changes: { costId: before.id, before: auditedValues(before) },
    ip: meta.ip,
  });
}

/** Sums of reporting amounts per category and kind, in cents. */
export function totalsOf(lines: CostRow[]): Record<CostCategory, { planned: bigint; actual: bigint }> {
  const totals = {} as Record<CostCategory, { planned: bigint; actual: bigint }>;
  for (const category of ['dsa', 'travel', 'insurance', 'visa', 'other'] as const) {
    totals[category] = { planned: 0n, actual: 0n };
  }
  for (const line of lines) totals[line.category][line.kind] += toCents(line.reportingAmount);
  return totals;
}
