import type { Locale } from '../identity/schema.ts';

/** Renders one template in one language. */
export type Render<P> = (params: P) => { subject: string; text: string };

/** Every template of a parameter map, in every language. */
export type CatalogueOf<Params> = { [T in keyof Params]: Record<Locale, Render<Params[T]>> };

const signature: Record<Locale, string> = {
  fr: '— L’équipe Passerelle',
  ar: '— فريق باسرِيل',
  en: '— The Passerelle team',
  nl: '— Het Passerelle-team',
};

const greeting: Record<Locale, (name: string) => string> = {
  fr: (name) => `Bonjour ${name},`,
  ar: (name) => `مرحباً ${name}،`,
  en: (name) => `Hello ${name},`,
  nl: (name) => `Beste ${name},`,
};

/**
 * A message laid out the same way in every language: greeting, what happened, what to do next, signature.
 * Links stand on a line of their own, so that no punctuation sticks to them and right-to-left text around
 * them cannot reorder them.
 */
export const mail = (locale: Locale, subject: string, name: string, ...lines: string[]) => ({
  subject,
  text: [greeting[locale](name), '', ...lines, '', signature[locale]].join('\n'),
});
