/** Morocco writes Arabic with Western digits; plain `ar` would switch to Eastern Arabic numerals. */
function intlLocale(locale: string): string {
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
