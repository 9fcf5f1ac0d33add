/** The four languages of the product; every reference list has a label in each. */
export const locales = ['fr', 'ar', 'en', 'nl'] as const;
export type Locale = (typeof locales)[number];

/** An ISO 3166-1 alpha-2 country with its CLDR names. */
export interface CountryRow {
  code: string;
  fr: string;
  ar: string;
  en: string;
  nl: string;
}

/** A Moroccan region: HCP code ("01"…"12"), French and Arabic names as HCP writes them. */
export interface RegionRow {
  code: string;
  fr: string;
  ar: string;
}

/** A Moroccan province or prefecture: HCP code ("01.511"), its region's code and HCP names. */
export interface ProvinceRow {
  code: string;
  region: string;
  type: string;
  fr: string;
  ar: string;
}

/** An ISCO-08 group; its level is the length of its code (1 major … 4 unit), its parent the code minus one digit. */
export interface IscoRow {
  code: string;
  en: string;
  fr: string;
  nl: string;
}

/** An OECD DAC 3-digit sector category as the IATI codelist names it. */
export interface SectorCategoryRow {
  code: string;
  en: string;
  fr: string;
}

/** An active OECD DAC 5-digit sector as the IATI codelist names it. */
export interface SectorRow {
  code: string;
  category: string;
  en: string;
  fr: string;
}

/** A language (ISO 639-1, or ISO 639-3 for Darija and Tamazight) named in the four locales. */
export interface LanguageRow {
  code: string;
  fr: string;
  ar: string;
  en: string;
  nl: string;
}

/** Labels authored for this project where the source has none (Arabic and Dutch sector names, Arabic ISCO names). */
export type AuthoredLabels = Partial<Record<Locale, string>>;

/** A concept of the skills vocabulary. */
export interface SkillConcept {
  /** Stable key, kebab-case English, e.g. `hospital-management`; stored on expert skills, never renamed. */
  key: string;
  /** Preferred label in each locale. */
  labels: Record<Locale, string>;
  /** Other ways people write it, per locale. */
  synonyms: Partial<Record<Locale, readonly string[]>>;
  /** OECD DAC 5-digit sector codes the concept belongs to. */
  sectors: readonly string[];
}
