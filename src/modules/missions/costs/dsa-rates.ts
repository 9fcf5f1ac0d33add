/**
 * The daily subsistence allowance table: a rate per night for a country and a city (null: the rest of the country)
 * over a period. Staff keep it; mission costs look rates up in it, and a missing rate is an error, never zero.
 */
import { and, asc, count, desc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { FieldProblems } from '../../programmes/reference-checks.ts';
import { isReferenceCode } from '../../reference/lists.ts';
import { dsaRates } from '../schema.ts';
import { centsInCurrency, fromCents, requireCurrency } from './money.ts';
import type { DsaRateInput, DsaRateListQuery, DsaRateView } from './schemas.ts';

export type DsaRateRow = typeof dsaRates.$inferSelect;

/** Who writes and from where, for the audit trail. */
export interface RateWriteMeta {
  actorId: string;
  ip: string;
}

/** The API's view of a rate. */
export function presentDsaRate(row: DsaRateRow): DsaRateView {
  return {
    id: row.id,
    country: row.country,
    city: row.city,
    amount: row.amount,
    currency: row.currency,
    validFrom: row.validFrom,
    validTo: row.validTo,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The list's city filter, without regard to case (the lookup also ignores accents: `cityKey`). */
const sameCity = (city: string): SQL => sql`lower(${dsaRates.city}) = lower(${city})`;

/** Rates valid on `day`: from on or before it, to on or after it (or open-ended). */
const validOn = (day: string): SQL =>
  and(
    sql`${dsaRates.validFrom} <= ${day}::date`,
    or(isNull(dsaRates.validTo), sql`${dsaRates.validTo} >= ${day}::date`),
  )!;

/** A page of the table, by country, city (country-wide first), newest period first. */
export async function listDsaRates(tx: Tx, query: DsaRateListQuery): Promise<{ rows: DsaRateRow[]; total: number }> {
  // A country, a city and a day: the one rate that applies there (the city's, else the country-wide one).
  if (query.country && query.city && query.on) {
    const found = await findDsaRate(tx, query.country, query.city, query.on);
    const rows = found && query.page === 1 ? [found.rate] : [];
    return { rows, total: found ? 1 : 0 };
  }
  const conditions: SQL[] = [];
  if (query.country) conditions.push(eq(dsaRates.country, query.country));
  if (query.city) conditions.push(sameCity(query.city));
  if (query.on) conditions.push(validOn(query.on));
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await tx
    .select()
    .from(dsaRates)
    .where(where)
    .orderBy(asc(dsaRates.country), sql`${dsaRates.city} asc nulls first`, desc(dsaRates.validFrom), asc(dsaRates.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ value: count() }).from(dsaRates).where(where);
  return { rows, total: Number(total?.value ?? 0) };
}

/**
 * How a city's name is compared: without case, accents or punctuation, so that "Fès", "Fes" and "fès" are one place
 * and a spelling variant does not fall back to the country-wide rate unnoticed.
 */
export function cityKey(city: string): string {
  return city
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’.-]+/g, ' ')
    .trim();
}

/** The rate of `city` in `country` valid on `day`, else the country-wide one, else undefined. */
export async function findDsaRate(
  tx: Tx,
  country: string,
  city: string | null,
  day: string,
): Promise<{ rate: DsaRateRow; countryWide: boolean } | undefined> {
  // A country has a handful of rates valid on one day: they are compared here, by city key.
  const valid = await tx
    .select()
    .from(dsaRates)
    .where(and(eq(dsaRates.country, country), validOn(day)))
    .orderBy(desc(dsaRates.validFrom));
  const key = city === null ? null : cityKey(city);
  const ofCity = key === null ? undefined : valid.find((row) => row.city !== null && cityKey(row.city) === key);
  if (ofCity) return { rate: ofCity, countryWide: false };
  const countryWide = valid.find((row) => row.city === null);
  return countryWide ? { rate: countryWide, countryWide: true } : undefined;
}

/** The rate for a mission's place and start date, or `dsa_rate_missing` naming the place and dates. */
export async function requireDsaRate(
  tx: Tx,
  place: { country: string; city: string | null; startsOn: string; endsOn: string },
): Promise<{ rate: DsaRateRow; countryWide: boolean }> {
  const found = await findDsaRate(tx, place.country, place.city, place.startsOn);
  if (found) return found;
  throw new AppError(
    'dsa_rate_missing',
    `No DSA rate for ${place.city ?? 'the rest of'} ${place.country} on ${place.startsOn}: add one to the rate table`,
    undefined,
    { country: place.country, city: place.city, startsOn: place.startsOn, endsOn: place.endsOn },
  );
}

/** Checks what zod cannot: the country code, the currency, the amount's decimals, the order of the dates. */
function checkRate(input: DsaRateInput): void {
  const units = requireCurrency(input.currency, 'currency');
  const problems = new FieldProblems();
  if (!isReferenceCode('countries', input.country)) {
    problems.add('country', 'invalid_value', `Unknown country ${input.country}`);
  }
  if (centsInCurrency(input.amount, units) === undefined) {
    problems.add('amount', 'invalid_value', `${input.currency} has ${units} decimal places`);
  }
  if (input.validTo !== null && input.validTo < input.validFrom) {
    problems.add('validTo', 'date_order', 'The rate must end on or after the day it starts');
  }
  problems.throwIfAny();
}

/**
 * Refuses a period that overlaps another rate of the same place: one place, one rate on any day. The lock on the
 * place makes two concurrent writes wait for each other instead of both passing the check.
 */
async function refuseOverlap(tx: Tx, input: DsaRateInput, exceptId?: string): Promise<void> {
  const place = `dsa-rate:${input.country}:${input.city === null ? '' : cityKey(input.city)}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${place}))`);
  const overlapping = await tx
    .select()
    .from(dsaRates)
    .where(
      and(
        eq(dsaRates.country, input.country),
        exceptId ? ne(dsaRates.id, exceptId) : undefined,
        input.validTo === null ? undefined : sql`${dsaRates.validFrom} <= ${input.validTo}::date`,
        or(isNull(dsaRates.validTo), sql`${dsaRates.validTo} >= ${input.validFrom}::date`),
      ),
    );
  const key = input.city === null ? null : cityKey(input.city);
  const clash = overlapping.find((row) => (row.city === null ? null : cityKey(row.city)) === key);
  if (clash) {
    throw new AppError(
      'dsa_rate_overlap',
      `Another rate of this place applies from ${clash.validFrom} to ${clash.validTo ?? 'further notice'}`,
      undefined,
      { rateId: clash.id, validFrom: clash.validFrom, validTo: clash.validTo },
    );
  }
}

/** Normalises what is stored: the amount with its two decimals, the city trimmed. */
function storedValues(input: DsaRateInput) {
  const units = requireCurrency(input.currency, 'currency');
  return {
    country: input.country,
    city: input.city,
    amount: fromCents(centsInCurrency(input.amount, units)!),
    currency: input.currency,
    validFrom: input.validFrom,
    validTo: input.validTo,
  };
}

/** Adds a rate to the table (audited). */
export async function createDsaRate(tx: Tx, input: DsaRateInput, meta: RateWriteMeta): Promise<DsaRateRow> {
  checkRate(input);
  await refuseOverlap(tx, input);
  const [row] = await tx
    .insert(dsaRates)
    .values({ ...storedValues(input), createdBy: meta.actorId })
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'dsa_rate.created',
    entityType: 'dsa_rate',
    entityId: row!.id,
    changes: { after: storedValues(input) },
    ip: meta.ip,
  });
  return row!;
}

/**
 * Replaces a rate's values (audited with before and after). Cost lines already written keep their amounts: they
 * were computed at the rate of the day and change only through their own commands.
 */
export async function updateDsaRate(tx: Tx, id: string, input: DsaRateInput, meta: RateWriteMeta): Promise<DsaRateRow> {
  const [before] = await tx.select().from(dsaRates).where(eq(dsaRates.id, id)).for('update');
  if (!before) throw new AppError('not_found', 'No such DSA rate');
  checkRate(input);
  await refuseOverlap(tx, input, id);
  const after = storedValues(input);
  const [row] = await tx
    .update(dsaRates)
    .set({ ...after, updatedAt: new Date() })
    .where(eq(dsaRates.id, id))
    .returning();
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    const previous = before[key as keyof typeof after];
    if (previous !== value) changes[key] = { before: previous, after: value };
  }
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'dsa_rate.updated',
    entityType: 'dsa_rate',
    entityId: id,
    changes,
    ip: meta.ip,
  });
  return row!;
}
