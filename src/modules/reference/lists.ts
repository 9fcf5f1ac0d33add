import { createHash } from 'node:crypto';
import { countries } from './data/countries.ts';
import { iscoArabic } from './data/isco-ar.ts';
import { iscoGroups } from './data/isco.ts';
import { languages } from './data/languages.ts';
import { provinces } from './data/provinces.ts';
import { regions } from './data/regions.ts';
import { sectorCategories } from './data/sector-categories.ts';
import { sectorTranslations } from './data/sector-translations.ts';
import { sectors } from './data/sectors.ts';
import type { Locale } from './data/types.ts';

/** One entry of a reference list as served: a code, its label in the reader's locale, its parent and children. */
export interface ReferenceItem {
  code: string;
  label: string;
  parent?: string;
  featured?: boolean;
  children?: ReferenceItem[];
}

/** A list ready to serve: the items for one locale and the ETag of their JSON. */
export interface ServedList {
  items: ReferenceItem[];
  etag: string;
}

/** Languages offered first, in this order, before the alphabetical rest (the programmes' working languages). */
export const featuredLanguages = ['ar', 'ary', 'zgh', 'fr', 'nl', 'en', 'de', 'es'] as const;

const collators = new Map<Locale, Intl.Collator>();
function collator(locale: Locale): Intl.Collator {
  let found = collators.get(locale);
  if (!found) collators.set(locale, (found = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return found;
}

/** Sorts items (and their children, recursively) by label in the reader's locale. */
function sortForDisplay(items: ReferenceItem[], locale: Locale): ReferenceItem[] {
  const compare = collator(locale).compare;
  for (const item of items) if (item.children) sortForDisplay(item.children, locale);
  return items.sort((a, b) => compare(a.label, b.label) || a.code.localeCompare(b.code));
}

/** HCP publishes region and province names in French and Arabic only: en and nl readers get the French names. */
function moroccanName(row: { fr: string; ar: string }, locale: Locale): string {
  return locale === 'ar' ? row.ar : row.fr;
}

/** An ISCO group's label; Arabic is authored here and falls back to French where a group has none yet. */
export function occupationLabel(row: { code: string; en: string; fr: string; nl: string }, locale: Locale): string {
  if (locale === 'ar') return iscoArabic[row.code] ?? row.fr;
  return row[locale];
}

/** A DAC sector or category label; Arabic and Dutch are authored here (fallbacks: French for ar, English for nl). */
export function sectorLabel(row: { code: string; en: string; fr: string }, locale: Locale): string {
  if (locale === 'fr' || locale === 'en') return row[locale];
  const authored = sectorTranslations[row.code]?.[locale];
  return authored ?? (locale === 'ar' ? row.fr : row.en);
}

const builders: Record<ReferenceListName, (locale: Locale) => ReferenceItem[]> = {
  countries: (locale) =>
    sortForDisplay(
      countries.map((c) => ({ code: c.code, label: c[locale] })),
      locale,
    ),
  regions: (locale) =>
    sortForDisplay(
      regions.map((r) => ({
        code: r.code,
        label: moroccanName(r, locale),
        children: provinces
          .filter((p) => p.region === r.code)
          .map((p) => ({ code: p.code, label: moroccanName(p, locale), parent: r.code })),
      })),
      locale,
    ),
  sectors: (locale) =>
    sortForDisplay(
      sectorCategories.map((c) => ({
        code: c.code,
        label: sectorLabel(c, locale),
        children: sectors
          .filter((s) => s.category === c.code)
          .map((s) => ({ code: s.code, label: sectorLabel(s, locale), parent: c.code })),
      })),
      locale,
    ),
  occupations: (locale) => {
    // ISCO codes nest by prefix: 2 → 25 → 251 → 2512.
    const nodes = new Map(iscoGroups.map((g) => [g.code, { code: g.code, label: occupationLabel(g, locale) }]));
    const roots: ReferenceItem[] = [];
    for (const group of iscoGroups) {
      const node: ReferenceItem = nodes.get(group.code)!;
      const parent = group.code.length > 1 ? nodes.get(group.code.slice(0, -1)) : undefined;
      if (!parent) {
        roots.push(node);
        continue;
      }
      node.parent = parent.code;
      ((parent as ReferenceItem).children ??= []).push(node);
    }
    return sortForDisplay(roots, locale);
  },
  languages: (locale) => {
    const featured = featuredLanguages.map((code) => languages.find((l) => l.code === code)!);
    const rest = languages.filter((l) => !(featuredLanguages as readonly string[]).includes(l.code));
    return [
      ...featured.map((l) => ({ code: l.code, label: l[locale], featured: true })),
      ...sortForDisplay(
        rest.map((l) => ({ code: l.code, label: l[locale] })),
        locale,
      ),
    ];
  },
};

export type ReferenceListName = 'countries' | 'regions' | 'sectors' | 'occupations' | 'languages';

const served = new Map<string, ServedList>();

/**
 * A reference list in one locale, built on first use and kept: the lists change only with a release, so the
 * ETag (a hash of the items) is stable for the life of the process and across app nodes of one release.
 */
export function referenceList(name: ReferenceListName, locale: Locale): ServedList {
  const key = `${name}:${locale}`;
  let list = served.get(key);
  if (!list) {
    const items = builders[name](locale);
    const hash = createHash('sha256').update(JSON.stringify(items)).digest('base64url').slice(0, 27);
    served.set(key, (list = { items, etag: `"${name}-${locale}-${hash}"` }));
  }
  return list;
}

const codeSets = {
  countries: new Set(countries.map((c) => c.code)),
  regions: new Set(regions.map((r) => r.code)),
  provinces: new Set(provinces.map((p) => p.code)),
  sectors: new Set(sectors.map((s) => s.code)),
  occupations: new Set(iscoGroups.map((g) => g.code)),
  languages: new Set(languages.map((l) => l.code)),
};

/**
 * Whether a code belongs to a reference list, for other modules' validation (e.g. an expert's sectors must be
 * active DAC 5-digit codes, residence a country code, preferred regions HCP region codes).
 */
export function isReferenceCode(list: keyof typeof codeSets, code: string): boolean {
  return codeSets[list].has(code);
}
