/**
 * Money as the database keeps it: `numeric(12,2)` amounts and `numeric(18,8)` rates, read and written as strings and
 * computed in integers (hundredths of a unit for amounts, hundred-millionths for rates), never in floats: a budget
 * that drifts by a cent on every line is a budget nobody trusts.
 */
import { AppError } from '../../../http/errors.ts';
import { currencies } from '../../reference/data/currencies.ts';

/** Amounts are stored with two decimals (the column's scale), whatever the currency. */
const amountScale = 2;
/** Rates are stored with eight decimals. */
const rateScale = 8;

const minorUnitsByCode = new Map(currencies.map((row) => [row.code, row.minorUnits]));

/**
 * The decimal places of a currency one pays in (ISO 4217 minor units), or undefined for a code that is not an
 * active currency or not a unit of payment (gold, SDR, the testing code).
 */
export function minorUnitsOf(code: string): number | undefined {
  return minorUnitsByCode.get(code) ?? undefined;
}

/** Throws `unknown_currency` naming the field unless `code` is an active ISO 4217 currency one pays in. */
export function requireCurrency(code: string, path: string): number {
  const units = minorUnitsOf(code);
  if (units === undefined) {
    const message = `Unknown currency ${code}: an active ISO 4217 code is needed`;
    throw new AppError('unknown_currency', message, [{ path, code: 'invalid_value', message }]);
  }
  return units;
}

/** Parses a plain decimal (`"1250"`, `"1250.5"`, `"0.00012"`) into an integer scaled by 10^scale; undefined if it has more decimals. */
function parseScaled(text: string, scale: number): bigint | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const decimals = (match[2] ?? '').replace(/0+$/, '');
  if (decimals.length > scale) return undefined;
  return BigInt(match[1]! + decimals.padEnd(scale, '0'));
}

function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

/** An amount in hundredths of its unit: `"1250.50"` → 125050n. Throws on anything else (the schema checked it). */
export function toCents(amount: string): bigint {
  const cents = parseScaled(amount, amountScale);
  if (cents === undefined) throw new Error(`not an amount: ${amount}`);
  return cents;
}

/** Hundredths back to the column's text: 125050n → `"1250.50"`. */
export function fromCents(cents: bigint): string {
  return formatScaled(cents, amountScale);
}

/** A rate in hundred-millionths: `"0.0925"` → 9250000n. */
export function toRateUnits(rate: string): bigint {
  const units = parseScaled(rate, rateScale);
  if (units === undefined) throw new Error(`not a rate: ${rate}`);
  return units;
}

/** Hundred-millionths back to text with eight decimals. */
export function fromRateUnits(units: bigint): string {
  return formatScaled(units, rateScale);
}

/** `value / divisor` rounded half away from zero (commercial rounding), in integers. */
function divideRounded(value: bigint, divisor: bigint): bigint {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const rounded = (magnitude + divisor / 2n) / divisor;
  return negative ? -rounded : rounded;
}

/** Rounds hundredths to what a currency can pay: whole units for the yen or the CFA franc, cents otherwise. */
export function roundToCurrency(cents: bigint, minorUnits: number): bigint {
  if (minorUnits >= amountScale) return cents;
  const step = 10n ** BigInt(amountScale - minorUnits);
  return divideRounded(cents, step) * step;
}

/**
 * Whether `amount` fits the currency: no more decimals than its minor units (no half yen) nor than the column keeps.
 * Returns the cents, or undefined when it does not fit.
 */
export function centsInCurrency(amount: string, minorUnits: number): bigint | undefined {
  const cents = parseScaled(amount, Math.min(minorUnits, amountScale));
  if (cents === undefined) return undefined;
  return cents * 10n ** BigInt(amountScale - Math.min(minorUnits, amountScale));
}

/** An amount converted at `rate` (units of the reporting currency per unit), rounded to the reporting currency. */
export function convert(cents: bigint, rate: string, reportingMinorUnits: number): bigint {
  return roundToCurrency(divideRounded(cents * toRateUnits(rate), 10n ** BigInt(rateScale)), reportingMinorUnits);
}

/** The rate of a currency to itself. */
export const unitRate = fromRateUnits(10n ** BigInt(rateScale));

/** The largest amount the column holds (`numeric(12,2)`): ten digits before the point. */
export const maxCents = 10n ** 12n - 1n;
