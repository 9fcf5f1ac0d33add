import { z } from 'zod';
import { pageOf, pageQuery } from '../../../http/pagination.ts';
import { costCategories } from '../schema.ts';

export const idParams = z.object({ id: z.uuid() });
export const costParams = z.object({ id: z.uuid(), costId: z.uuid() });

const isoDate = z.iso.date();

/** A positive amount as a decimal string with at most two decimals (`"1250"`, `"1250.50"`): never a float. */
const amount = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,2})?$/, 'A decimal amount with at most two decimals, as a string')
  .refine((text) => /[1-9]/.test(text), { message: 'The amount must be more than zero' });

/** A positive rate as a decimal string with at most eight decimals. */
const rate = z
  .string()
  .regex(/^\d{1,10}(\.\d{1,8})?$/, 'A decimal rate with at most eight decimals, as a string')
  .refine((text) => /[1-9]/.test(text), { message: 'The rate must be more than zero' });

/** ISO 4217 alphabetic code; whether it is an active currency is checked against the reference list. */
const currency = z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code (three capital letters)');
/** ISO 3166-1 alpha-2 code; checked against the reference list. */
const country = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code');
const city = z.string().trim().min(1).max(120);

// DSA rates -----------------------------------------------------------------------------------------------------

export const dsaRateListQuery = z.object({
  /** Only rates of this country (ISO 3166-1 alpha-2). */
  country: country.optional(),
  /** Only rates of this city (case-insensitive); with `on`, the city's rate or else the country-wide one. */
  city: city.optional(),
  /** Only the rates valid on this day (YYYY-MM-DD). */
  on: isoDate.optional(),
  ...pageQuery,
});
export type DsaRateListQuery = z.infer<typeof dsaRateListQuery>;

export const dsaRateBody = z.strictObject({
  /** The country of the mission (ISO 3166-1 alpha-2). */
  country: country.describe('ISO 3166-1 alpha-2 country code'),
  /** The city; null or omitted: the rest of the country. */
  city: city.nullable().default(null).describe('City the rate applies to; null for the rest of the country'),
  /** Allowance per night. */
  amount: amount.describe('Allowance per night, decimal string'),
  /** The currency the allowance is paid in (ISO 4217). */
  currency: currency.describe('ISO 4217 code of the allowance'),
  /** First day the rate applies. */
  validFrom: isoDate.describe('First day the rate applies (YYYY-MM-DD)'),
  /** Last day the rate applies; null or omitted: until further notice. */
  validTo: isoDate.nullable().default(null).describe('Last day the rate applies; null: open-ended'),
});
export type DsaRateInput = z.infer<typeof dsaRateBody>;

export const dsaRateView = z.object({
  id: z.string(),
  country: z.string(),
  city: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  updatedAt: z.string(),
});
export type DsaRateView = z.infer<typeof dsaRateView>;
export const dsaRatePage = pageOf(dsaRateView);

// Currency rates ------------------------------------------------------------------------------------------------

export const currencyRateListQuery = z.object({
  /** Only rates of this currency. */
  currency: currency.optional(),
  /** Only rates into this reporting currency. */
  reportingCurrency: currency.optional(),
  /** Only the rate applicable on this day for each pair (the latest from on or before it). */
  on: isoDate.optional(),
  ...pageQuery,
});
export type CurrencyRateListQuery = z.infer<typeof currencyRateListQuery>;

export const currencyRateBody = z.strictObject({
  /** The currency paid (ISO 4217). */
  currency: currency.describe('ISO 4217 code of the currency paid'),
  /** The programme's reporting currency (ISO 4217), usually EUR. */
  reportingCurrency: currency.describe('ISO 4217 code of the reporting currency'),
  /** Units of the reporting currency for one unit of `currency` (`"0.0925"` MAD→EUR). */
  rate: rate.describe('Reporting-currency units per unit of the currency, decimal string'),
  /** The day from which the rate applies (until a later rate of the same pair). */
  validFrom: isoDate.describe('First day the rate applies (YYYY-MM-DD)'),
});
export type CurrencyRateInput = z.infer<typeof currencyRateBody>;

export const currencyRateView = z.object({
  id: z.string(),
  currency: z.string(),
  reportingCurrency: z.string(),
  rate: z.string(),
  validFrom: z.string(),
  createdAt: z.string(),
});
export const currencyRatePage = pageOf(currencyRateView);

// Costs ---------------------------------------------------------------------------------------------------------

export const costBody = z.strictObject({
  /** What the cost is for. */
  category: z.enum(costCategories).describe('dsa, travel, insurance, visa or other'),
  /** A budgeted cost, or one actually paid. */
  kind: z.enum(['planned', 'actual']).describe('planned (budget) or actual (paid)'),
  /** The amount; omitted for a DSA line, it is computed from the rate table and the nights. */
  amount: amount.optional().describe('Decimal string; omit for a DSA line to compute it from the rate table'),
  /** The currency paid (ISO 4217); omitted for a computed DSA line (the rate's currency). */
  currency: currency.optional().describe('ISO 4217 code; required with an amount'),
  /** What was bought or paid (the flight, the insurer…). */
  description: z.string().trim().max(500).nullable().optional().describe('What the cost is for'),
  /** For a DSA line: the nights counted (default: the mission's calendar days). */
  nights: z.number().int().min(1).max(366).optional().describe('Nights counted for a DSA line'),
});
export type CostInput = z.infer<typeof costBody>;

export const costUpdateBody = z.strictObject({
  /** The new amount (decimal string). */
  amount: amount.optional().describe('Decimal string'),
  /** The new currency (ISO 4217). */
  currency: currency.optional().describe('ISO 4217 code'),
  /** The new description. */
  description: z.string().trim().max(500).nullable().optional().describe('What the cost is for'),
  /** For a DSA line: the nights counted; the amount follows (rate × nights) unless an amount is given. */
  nights: z.number().int().min(1).max(366).optional().describe('Nights counted for a DSA line'),
  /** planned or actual. */
  kind: z.enum(['planned', 'actual']).optional().describe('planned or actual'),
});
export type CostUpdate = z.infer<typeof costUpdateBody>;

export const deletedView = z.object({ status: z.literal('deleted') });

export const costLineView = z.object({
  id: z.string(),
  category: z.enum(costCategories),
  kind: z.enum(['planned', 'actual']),
  description: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  rate: z.string(),
  reportingAmount: z.string(),
  reportingCurrency: z.string(),
  dsaRateId: z.string().nullable(),
  nights: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CostLineView = z.infer<typeof costLineView>;

const totals = z.object({ planned: z.string(), actual: z.string() });

export const missionCostsView = z.object({
  missionId: z.string(),
  reportingCurrency: z.string(),
  /** Whether lines may still change (not once the mission is closed or cancelled). */
  editable: z.boolean(),
  lines: z.array(costLineView),
  /** Per category, planned and actual in the reporting currency. */
  totals: z.record(z.string(), totals),
  total: totals,
  /**
   * How the allowance is reckoned for this mission: the rate found for its place on its start date and the nights,
   * or why there is none (`dsa_not_applicable`, `dsa_rate_missing`).
   */
  dsa: z.object({
    applicable: z.boolean(),
    country: z.string(),
    city: z.string().nullable(),
    on: z.string(),
    nights: z.number().nullable(),
    rate: dsaRateView.nullable(),
    /** The rate found is the country-wide one (no rate for the city). */
    countryWide: z.boolean(),
    amount: z.string().nullable(),
    currency: z.string().nullable(),
    problem: z.enum(['dsa_not_applicable', 'dsa_rate_missing']).nullable(),
  }),
});
export type MissionCostsView = z.infer<typeof missionCostsView>;
