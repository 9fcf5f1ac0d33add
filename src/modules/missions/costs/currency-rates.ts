/**
 * Stored exchange rates: how much one unit of a currency is worth in a reporting currency from a day on. Rates are
 * entered by staff (the donor's monthly rate), never fetched, so a report reads the same tomorrow as today.
 */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { AppError } from '../../../http/errors.ts';
import { recordAudit } from '../../audit/service.ts';
import { currencyRates } from '../schema.ts';
import { fromRateUnits, requireCurrency, toRateUnits, unitRate } from './money.ts';
import type { RateWriteMeta } from './dsa-rates.ts';
import type { CurrencyRateInput, CurrencyRateListQuery } from './schemas.ts';

export type CurrencyRateRow = typeof currencyRates.$inferSelect;

/** The API's view of a rate. */
export function presentCurrencyRate(row: CurrencyRateRow) {
  return {
    id: row.id,
    currency: row.currency,
    reportingCurrency: row.reportingCurrency,
    rate: row.rate,
    validFrom: row.validFrom,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A page of rates by pair, newest first; with `on`, only the rate applicable that day for each pair. */
export async function listCurrencyRates(
  tx: Tx,
  query: CurrencyRateListQuery,
): Promise<{ rows: CurrencyRateRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (query.currency) conditions.push(eq(currencyRates.currency, query.currency));
  if (query.reportingCurrency) conditions.push(eq(currencyRates.reportingCurrency, query.reportingCurrency));
  if (query.on) {
    conditions.push(sql`${currencyRates.validFrom} <= ${query.on}::date`);
    // The latest rate of each pair from on or before the day: no later one of the same pair may also qualify.
    conditions.push(sql`not exists (
      select 1 from currency_rates later
      where later.currency = ${currencyRates.currency}
        and later.reporting_currency = ${currencyRates.reportingCurrency}
        and later.valid_from > ${currencyRates.validFrom}
        and later.valid_from <= ${query.on}::date)`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await tx
    .select()
    .from(currencyRates)
    .where(where)
    .orderBy(asc(currencyRates.currency), asc(currencyRates.reportingCurrency), desc(currencyRates.validFrom))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await tx.select({ value: count() }).from(currencyRates).where(where);
  return { rows, total: Number(total?.value ?? 0) };
}

/**
 * The rate of `currency` into `reportingCurrency` applicable on `day` (the latest from on or before it); 1 for the
 * same currency; `currency_rate_missing` when the table has none.
 */
export async function requireCurrencyRate(
  tx: Tx,
  currency: string,
  reportingCurrency: string,
  day: string,
): Promise<string> {
  if (currency === reportingCurrency) return unitRate;
  const [row] = await tx
    .select({ rate: currencyRates.rate })
    .from(currencyRates)
    .where(
      and(
        eq(currencyRates.currency, currency),
        eq(currencyRates.reportingCurrency, reportingCurrency),
        sql`${currencyRates.validFrom} <= ${day}::date`,
      ),
    )
    .orderBy(desc(currencyRates.validFrom))
    .limit(1);
  if (!row) {
    throw new AppError(
      'currency_rate_missing',
      `No rate from ${currency} to ${reportingCurrency} on or before ${day}: add one to the currency rates`,
      undefined,
      { currency, reportingCurrency, on: day },
    );
  }
  return row.rate;
}

/** Adds a rate from a day on (audited); one rate per pair and day. */
export async function createCurrencyRate(
  tx: Tx,
  input: CurrencyRateInput,
  meta: RateWriteMeta,
): Promise<CurrencyRateRow> {
  requireCurrency(input.currency, 'currency');
  requireCurrency(input.reportingCurrency, 'reportingCurrency');
  if (input.currency === input.reportingCurrency) {
    throw new AppError('validation_failed', 'A currency is worth 1 of itself: no rate is needed', [
      { path: 'reportingCurrency', code: 'invalid_value', message: 'Same as the currency' },
    ]);
  }
  const values = {
    currency: input.currency,
    reportingCurrency: input.reportingCurrency,
    rate: fromRateUnits(toRateUnits(input.rate)),
    validFrom: input.validFrom,
  };
  // The unique index guards the pair and day; the lock makes a concurrent duplicate wait and then see the first.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`currency-rate:${values.currency}:${values.reportingCurrency}`}))`,
  );
  const [existing] = await tx
    .select({ id: currencyRates.id })
    .from(currencyRates)
    .where(
      and(
        eq(currencyRates.currency, values.currency),
        eq(currencyRates.reportingCurrency, values.reportingCurrency),
        eq(currencyRates.validFrom, values.validFrom),
      ),
    );
  if (existing) {
    throw new AppError('currency_rate_exists', 'This pair already has a rate from that day', undefined, {
      rateId: existing.id,
    });
  }
  const [row] = await tx
    .insert(currencyRates)
    .values({ ...values, createdBy: meta.actorId })
    .returning();
  await recordAudit(tx, {
    actorId: meta.actorId,
    action: 'currency_rate.created',
    entityType: 'currency_rate',
    entityId: row!.id,
    changes: { after: values },
    ip: meta.ip,
  });
  return row!;
}
