import { intlLocale } from '../shell/format.ts';

/** The instant applications close, in the reader's own time zone, which it names ("31 déc. 2026, 23:59 UTC+1"). */
export function formatDeadline(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** A file size in kB or MB, in the interface's language. */
export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(bytes / 1000, 0.1), 'kilobyte'];
  return new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** `dir` for a text written in `lang`, so a French title reads left to right inside an Arabic page. */
export function dirOf(lang: string): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** "Français, Arabe": a short list whose items are separate values, not a sentence. */
export function formatValues(items: string[], locale: string): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'short', type: 'unit' }).format(items);
}
