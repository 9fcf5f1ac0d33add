import { intlLocale } from '../../shell/format.ts';

/**
 * An amount (a decimal string from the server) in its currency, in the interface's language. Only for display:
 * sums are the server's, computed in integer cents, never added up here.
 */
export function formatMoney(amount: string, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).format(Number(amount));
  } catch {
    // A code Intl does not know still reads plainly.
    return `${amount} ${currency}`;
  }
}

/** A plain number in the interface's language (a rate per night, a count). */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** A name or reference in another script keeps its own direction inside a translated sentence (Unicode isolates). */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
