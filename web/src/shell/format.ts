/** Morocco writes Arabic with Western digits; plain `ar` would switch to Eastern Arabic numerals. */
export function intlLocale(locale: string): string {
  return locale === 'ar' ? 'ar-MA' : locale;
}

/** A date and time in the interface's language. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A short list in the interface's language ("a, b et c", "أ، ب و ج"), instead of a hard-coded comma. */
export function formatList(items: string[], locale: string): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'narrow', type: 'unit' }).format(items);
}

/** A calendar day (`2026-12-31`) in the interface's language, without shifting it through a time zone. */
export function formatDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A share in [0, 1] as a whole percentage in the interface's language ("62 %", "62%"). */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent' }).format(share);
}

/** A list read as a sentence ("a, b et c"), for explanations. */
export function formatConjunction(items: string[], locale: string): string {
  return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);
}
