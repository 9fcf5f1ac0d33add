import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ar } from './locales/ar.ts';
import { en } from './locales/en.ts';
import { fr } from './locales/fr.ts';
import { nl } from './locales/nl.ts';

/** The interface languages, French first because it is the default. */
export const locales = ['fr', 'ar', 'en', 'nl'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'fr';

/** Every translation, bundled: the shell must render without a network round trip. */
export const resources = { fr, ar, en, nl } as const;

const storageKey = 'passerelle.locale';

/** Narrows any string (stored value, server value, browser language) to a supported locale. */
export function asLocale(value: string | null | undefined): Locale | null {
  return locales.find((locale) => locale === value) ?? null;
}

/** Arabic is the one right-to-left language we serve. */
export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

function storedLocale(): Locale | null {
  try {
    return asLocale(window.localStorage.getItem(storageKey));
  } catch {
    // Storage can be disabled (privacy mode); the default language still works.
    return null;
  }
}

/** Sets `<html lang dir>`, remembers the choice on this device and switches every translated string. */
export async function applyLocale(locale: Locale): Promise<void> {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not remembering is acceptable; the page still switches.
  }
  await i18n.changeLanguage(locale);
}

/** Starts i18next with the remembered language (or French) and mirrors it on `<html>` before the first paint. */
export function initI18n(): typeof i18n {
  const locale = storedLocale() ?? defaultLocale;
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  void i18n.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...locales],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}
