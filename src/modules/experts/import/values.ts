/**
 * Reading one cell as a profile value: e-mail, dates in three formats (and Excel serial numbers), countries and
 * languages by code or by name, CEFR levels, DAC sectors, ISCO codes, lists. Each reader answers a value or a
 * problem code; nothing here touches the database.
 */
import type { CellValue } from '../../../files/xlsx.ts';
import { locales } from '../../identity/schema.ts';
import { countries } from '../../reference/data/countries.ts';
import { languages } from '../../reference/data/languages.ts';
import { isReferenceCode } from '../../reference/lists.ts';
import type { genders } from '../schema.ts';
import { cefrLevels } from '../schema.ts';
import { normaliseHeader } from './fields.ts';

/** Stable codes of the problems a row can have; the web app translates each (rosterImport.codes.<code>). */
export const problemCodes = [
  'required',
  'too_long',
  'invalid_email',
  'duplicate_in_file',
  'invalid_date',
  'invalid_gender',
  'invalid_phone',
  'unknown_country',
  'too_many_values',
  'unknown_occupation',
  'unknown_sector',
  'unknown_language',
  'invalid_level',
  'duplicate_value',
  'unknown_locale',
  'not_an_expert',
  'missing_column',
  'level_assumed',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

/** What a reader answers: the value, or a problem (an error unless `warning`). */
export type Read<T> =
  { value: T; warning?: { code: ProblemCode; message: string } } | { code: ProblemCode; message: string };

const fail = (code: ProblemCode, message: string): Read<never> => ({ code, message });

/**
 * A cell as text, trimmed. A leading apostrophe before = + - @ is the formula guard exports add (see the export
 * module): it is removed, so an exported file imports back as it was.
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value).trim();
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Splits a list cell on `;`, `,`, `|` or line breaks. */
export const splitList = (text: string) =>
  text
    .split(/[;,|\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);

export function readText(text: string, max: number): Read<string | null> {
  if (!text) return { value: null };
  if (text.length > max) return fail('too_long', `At most ${max} characters`);
  return { value: text.replace(/\s+/g, ' ') };
}

const emailPattern = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/;

/** An e-mail address, lower-cased: the key of the import. */
export function readEmail(text: string): Read<string> {
  if (!text) return fail('required', 'The e-mail address is required: it identifies the person');
  const email = text.toLowerCase();
  if (email.length > 254 || !emailPattern.test(email))
    return fail('invalid_email', `"${text}" is not an e-mail address`);
  return { value: email };
}

const genderWords: Record<(typeof genders)[number], string[]> = {
  female: ['f', 'female', 'woman', 'femme', 'feminin', 'w', 'v', 'vrouw', 'vrouwelijk', 'انثى', 'أنثى'],
  male: ['m', 'male', 'man', 'homme', 'h', 'masculin', 'mannelijk', 'ذكر'],
  undisclosed: ['x', 'undisclosed', 'prefer not to say', 'non precise', 'non communique', 'nsp', 'onbekend', 'other'],
};
const genderByWord = new Map(
  Object.entries(genderWords).flatMap(([gender, words]) => words.map((word) => [normaliseHeader(word), gender])),
);

/** Gender in any of the four languages (F/M/X, femme/homme, vrouw/man…); empty is "undisclosed". */
export function readGender(text: string): Read<(typeof genders)[number]> {
  if (!text) return { value: 'undisclosed' };
  const gender = genderByWord.get(normaliseHeader(text));
  return gender
    ? { value: gender as (typeof genders)[number] }
    : fail('invalid_gender', `"${text}" is not a gender (F, M or X)`);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar day (no 31 February), as YYYY-MM-DD; null when it is not one. */
function calendarDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A date in one of three formats: YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY (day first, as written in Morocco, France,
 * Belgium and the Netherlands), or an Excel serial day number from a numeric XLSX cell. Two-digit years and
 * impossible days (31/02/1980) are refused rather than guessed.
 * @param today YYYY-MM-DD: birth dates must be before it, and after 1900
 */
export function readBirthDate(cell: CellValue | undefined, today: string): Read<string | null> {
  let day: string | null = null;
  if (typeof cell === 'number') {
    // Excel's 1900 system counts 1900-02-29, which never was: from serial 61 on, day 0 is 1899-12-30.
    const serial = Math.floor(cell);
    if (serial > 60 && serial < 2_958_466) {
      day = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
    }
  } else {
    const text = cellText(cell);
    if (!text) return { value: null };
    let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
    if (match) day = calendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
    else if ((match = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})$/.exec(text))) {
      day = calendarDay(Number(match[4]), Number(match[3]), Number(match[1]));
    }
  }
  if (!day) {
    return fail('invalid_date', `"${cellText(cell)}" is not a date (YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY)`);
  }
  if (day >= today || day < '1900-01-01') return fail('invalid_date', `${day} is not a possible birth date`);
  return { value: day };
}

/** A telephone number as written, if it has the characters of one and at least six digits. */
export function readPhone(text: string): Read<string | null> {
  if (!text) return { value: null };
  const digits = text.replace(/\D/g, '').length;
  if (text.length > 40 || !/^[+\d\s().\-/]+$/.test(text) || digits < 6) {
    return fail('invalid_phone', `"${text}" is not a telephone number`);
  }
  return { value: text.replace(/\s+/g, ' ') };
}

/** Country codes by code and by their names in the four languages (normalised). */
const countryByName = new Map<string, string>();
for (const country of countries) {
  for (const name of [country.code, country.fr, country.en, country.nl, country.ar]) {
    countryByName.set(normaliseHeader(name), country.code);
  }
}
// Names people write that CLDR spells otherwise.
for (const [name, code] of [
  ['Pays-Bas', 'NL'],
  ['Holland', 'NL'],
  ['Nederland', 'NL'],
  ['UK', 'GB'],
  ['Angleterre', 'GB'],
  ['USA', 'US'],
] as const) {
  countryByName.set(normaliseHeader(name), code);
}

/** An ISO 3166-1 alpha-2 code, or a country's name in fr, en, nl or ar. */
export function readCountry(text: string): Read<string | null> {
  if (!text) return { value: null };
  const code = countryByName.get(normaliseHeader(text));
  return code ? { value: code } : fail('unknown_country', `"${text}" is not a country code or name`);
}

/** Several countries (nationalities), at most five. */
export function readCountries(text: string): Read<string[]> {
  const codes: string[] = [];
  for (const item of splitList(text)) {
    const read = readCountry(item);
    if ('code' in read) return read;
    if (read.value && !codes.includes(read.value)) codes.push(read.value);
  }
  return codes.length > 5 ? fail('too_many_values', 'At most five nationalities') : { value: codes };
}

/** An ISCO-08 unit group: its four digits, optionally followed by its label ("2211 Médecins généralistes"). */
export function readOccupation(text: string): Read<string | null> {
  if (!text) return { value: null };
  const code = /^(\d{4})\b/.exec(text)?.[1];
  return code && isReferenceCode('occupations', code)
    ? { value: code }
    : fail('unknown_occupation', `"${text}" is not an ISCO-08 unit group (4 digits)`);
}

/** OECD DAC 5-digit purpose codes, each optionally followed by its label; at most twenty. */
export function readSectors(text: string): Read<string[]> {
  const codes: string[] = [];
  for (const item of splitList(text)) {
    const code = /^(\d{5})\b/.exec(item)?.[1];
    if (!code || !isReferenceCode('sectors', code)) {
      return fail('unknown_sector', `"${item}" is not a DAC 5-digit sector code`);
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes.length > 20 ? fail('too_many_values', 'At most twenty sectors') : { value: codes };
}

/** Language codes by code and by name in the four languages. */
const languageByName = new Map<string, string>();
for (const language of languages) {
  for (const name of [language.code, language.fr, language.en, language.nl, language.ar]) {
    languageByName.set(normaliseHeader(name), language.code);
  }
}
for (const [name, code] of [
  ['Darija', 'ary'],
  ['Tamazight', 'zgh'],
  ['Amazigh', 'zgh'],
  ['Berbère', 'zgh'],
  ['Nederlands', 'nl'],
  ['Néerlandais', 'nl'],
] as const) {
  languageByName.set(normaliseHeader(name), code);
}

const nativeWords = new Set(
  ['native', 'mother tongue', 'maternelle', 'langue maternelle', 'moedertaal'].map(normaliseHeader),
);

/** The level a language listed without one is recorded at: independent use, neither under- nor over-stated. */
export const assumedLevel = 'B1';

type Level = (typeof cefrLevels)[number];

/** `fr:C2`, `fr = C2`, `Français (C1)`, `nl B2` or `ar` → the language and the level's text (maybe empty). */
function splitLanguageItem(item: string): { name: string; levelText: string } {
  const separator = /[:=(]/.exec(item);
  if (separator) {
    return {
      name: item.slice(0, separator.index).trim(),
      levelText: item
        .slice(separator.index + 1)
        .replace(/\)\s*$/, '')
        .trim(),
    };
  }
  const spaced = /^(.+?)\s+([A-Ca-c][12])$/.exec(item);
  return spaced ? { name: spaced[1]!, levelText: spaced[2]! } : { name: item, levelText: '' };
}

/**
 * Languages as `code[:level]` items, e.g. `fr:C2; nl:B1; ar`. A code is ISO 639 (`ary` Darija, `zgh` Tamazight) or
 * a language's name; a level is A1–C2 or "native" (C2); without a level, `assumedLevel` is recorded with a warning.
 */
export function readLanguages(text: string): Read<{ language: string; level: Level }[]> {
  const entries: { language: string; level: Level }[] = [];
  let assumed: string[] = [];
  for (const item of splitList(text)) {
    const { name, levelText } = splitLanguageItem(item);
    const language = languageByName.get(normaliseHeader(name));
    if (!language) return fail('unknown_language', `"${name}" is not a language code or name`);
    let level: Level | undefined;
    if (!levelText) {
      level = assumedLevel;
      assumed = [...assumed, language];
    } else if (nativeWords.has(normaliseHeader(levelText))) level = 'C2';
    else level = cefrLevels.find((code) => code === levelText.toUpperCase());
    if (!level) return fail('invalid_level', `"${levelText}" is not a CEFR level (A1 to C2)`);
    if (entries.some((entry) => entry.language === language)) {
      return fail('duplicate_value', `The language "${language}" is listed twice`);
    }
    entries.push({ language, level });
  }
  if (entries.length > 20) return fail('too_many_values', 'At most twenty languages');
  return assumed.length
    ? {
        value: entries,
        warning: { code: 'level_assumed', message: `No level for ${assumed.join(', ')}: recorded as ${assumedLevel}` },
      }
    : { value: entries };
}

/** Skills as free labels (the vocabulary match happens when they are written); at most a hundred. */
export function readSkills(text: string): Read<string[]> {
  const labels: string[] = [];
  for (const item of splitList(text)) {
    if (item.length > 120) return fail('too_long', `"${item.slice(0, 30)}…" is longer than 120 characters`);
    if (!labels.some((label) => label.toLowerCase() === item.toLowerCase())) labels.push(item.replace(/\s+/g, ' '));
  }
  return labels.length > 100 ? fail('too_many_values', 'At most a hundred skills') : { value: labels };
}

const localeByName = new Map<string, (typeof locales)[number]>();
for (const locale of locales) {
  const language = languages.find((entry) => entry.code === locale)!;
  for (const name of [locale, language.fr, language.en, language.nl, language.ar]) {
    localeByName.set(normaliseHeader(name), locale);
  }
}

/** The language of the person's account (fr, ar, en or nl, or its name); empty is French. */
export function readLocale(text: string): Read<(typeof locales)[number]> {
  if (!text) return { value: 'fr' };
  const locale = localeByName.get(normaliseHeader(text));
  return locale ? { value: locale } : fail('unknown_locale', `"${text}" is not fr, ar, en or nl`);
}
