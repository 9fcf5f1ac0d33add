import { describe, expect, it } from 'vitest';
import { countries } from './data/countries.ts';
import { iscoArabic } from './data/isco-ar.ts';
import { iscoGroups } from './data/isco.ts';
import { languages } from './data/languages.ts';
import { provinces } from './data/provinces.ts';
import { regions } from './data/regions.ts';
import { sectorCategories } from './data/sector-categories.ts';
import { sectorTranslations } from './data/sector-translations.ts';
import { sectors } from './data/sectors.ts';
import { locales, type Locale } from './data/types.ts';
import { featuredLanguages, isReferenceCode, referenceList, type ReferenceItem } from './lists.ts';
import { readCodelist, readCsv, readJson } from './source-files.test-helper.ts';

const arabicScript = /^[\u0600-\u06FF\s\-–(),.'’0-9A-Z/]+$/;

function flatten(items: ReferenceItem[]): ReferenceItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children ?? [])]);
}

describe('copies equal their sources', () => {
  it('countries: the 249 ISO 3166-1 codes with the CLDR names in fr, ar, en and nl', () => {
    for (const locale of locales) {
      const source = readJson<Record<string, string>>(`countries/cldr-umpirsky/country.${locale}.json`);
      expect(Object.fromEntries(countries.map((c) => [c.code, c[locale]]))).toEqual(source);
    }
    expect(countries).toHaveLength(249);
  });

  it('regions: exactly the 12 HCP codes with the fr/ar names of regions.csv', () => {
    const source = readCsv('morocco/regions.csv');
    expect(regions.map((r) => r.code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '11',
      '12',
    ]);
    expect(regions.map((r) => [r.code, r.fr, r.ar])).toEqual(source.map((r) => [r.code, r.name_fr, r.name_ar]));
  });

  it('provinces: the HCP codes, names and regions of provinces.csv', () => {
    const source = readCsv('morocco/provinces.csv');
    expect(provinces.map((p) => [p.code, p.region, p.type, p.fr, p.ar])).toEqual(
      source.map((p) => [p.code, p.region_code, p.type, p.name_fr, p.name_ar]),
    );
  });

  it('ISCO-08: the 619 groups of ESCO with their en, fr and nl preferred labels', () => {
    for (const locale of ['en', 'fr', 'nl'] as const) {
      const source = readCsv(`esco/isco-08/ISCOGroups_${locale}.csv`);
      const expected = Object.fromEntries(source.map((row) => [row.code, row.preferredLabel!.trim()]));
      expect(Object.fromEntries(iscoGroups.map((g) => [g.code, g[locale]]))).toEqual(expected);
    }
    expect(iscoGroups.filter((g) => g.code.length === 1)).toHaveLength(10);
    expect(iscoGroups.filter((g) => g.code.length === 2)).toHaveLength(43);
  });

  it('DAC sectors and categories: the active codes of the IATI codelists with their en and fr names', () => {
    const source = readCodelist('Sector.xml').filter((s) => s.status !== 'withdrawn');
    expect(sectors.map((s) => [s.code, s.en, s.fr])).toEqual(source.map((s) => [s.code, s.names.en, s.names.fr]));
    const categories = readCodelist('SectorCategory.xml').filter((s) => s.status !== 'withdrawn');
    expect(sectorCategories.map((c) => [c.code, c.en, c.fr])).toEqual(
      categories.map((c) => [c.code, c.names.en, c.names.fr]),
    );
    for (const sector of sectors) expect(sectorCategories.map((c) => c.code)).toContain(sector.category);
  });

  it('DAC 15190 (migration) exists with its French and English names', () => {
    const migration = sectors.find((s) => s.code === '15190');
    expect(migration).toMatchObject({
      category: '151',
      en: 'Facilitation of orderly, safe, regular and responsible migration and mobility',
      fr: 'Faciliter la migration et la mobilité de façon ordonnée, sans danger, régulière et responsable',
    });
    expect(isReferenceCode('sectors', '15190')).toBe(true);
  });

  it('languages: the ISO 639-1 codes of the IATI Language codelist, plus ary and zgh', () => {
    const source = readCodelist('Language.xml').map((l) => l.code);
    expect(languages.map((l) => l.code)).toEqual([...source, 'ary', 'zgh']);
  });
});

describe('every item has a label in every locale', () => {
  const lists = ['countries', 'regions', 'sectors', 'occupations', 'languages'] as const;
  for (const name of lists) {
    it(`${name}`, () => {
      for (const locale of locales) {
        const items = flatten(referenceList(name, locale).items);
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) expect(item.label.trim(), `${name} ${item.code} ${locale}`).not.toBe('');
      }
    });
  }

  it('Arabic labels are in Arabic script where they are authored or sourced', () => {
    for (const c of countries) expect(c.ar, c.code).toMatch(arabicScript);
    for (const r of [...regions, ...provinces]) expect(r.ar, r.code).toMatch(arabicScript);
    for (const [code, labels] of Object.entries(sectorTranslations)) expect(labels.ar, code).toMatch(arabicScript);
    for (const [code, label] of Object.entries(iscoArabic)) expect(label, code).toMatch(arabicScript);
    for (const l of languages) expect(l.ar, l.code).toMatch(/[\u0600-\u06FF]/);
  });

  it('every DAC category and sector has authored ar and nl labels, and every ISCO group an Arabic one', () => {
    for (const row of [...sectorCategories, ...sectors]) {
      expect(sectorTranslations[row.code]?.ar, row.code).toBeTruthy();
      expect(sectorTranslations[row.code]?.nl, row.code).toBeTruthy();
    }
    for (const group of iscoGroups) expect(iscoArabic[group.code], group.code).toBeTruthy();
  });

  it('regions are served in French to en and nl readers, never the English names', () => {
    const en = referenceList('regions', 'en').items.find((r) => r.code === '12');
    expect(en?.label).toBe('Dakhla-Oued Ed-Dahab');
    expect(referenceList('regions', 'ar').items.find((r) => r.code === '01')?.label).toBe('طنجة-تطوان-الحسيمة');
  });
});

describe('display order', () => {
  it('sorts with the collator of the locale (accents do not push Égypte to the end in French)', () => {
    const labels = referenceList('countries', 'fr').items.map((i) => i.label);
    const collator = new Intl.Collator('fr');
    expect([...labels].sort(collator.compare)).toEqual(labels);
    expect(labels.indexOf('Égypte')).toBeLessThan(labels.indexOf('Espagne'));
  });

  it('offers the working languages first, in the agreed order, then the rest alphabetically', () => {
    for (const locale of locales) {
      const items = referenceList('languages', locale).items;
      expect(items.slice(0, 8).map((i) => i.code)).toEqual([...featuredLanguages]);
      const rest = items.slice(8).map((i) => i.label);
      expect([...rest].sort(new Intl.Collator(locale, { sensitivity: 'base' }).compare)).toEqual(rest);
    }
  });

  it('nests ISCO major → sub-major → minor → unit and sectors under their category', () => {
    const tree = referenceList('occupations', 'en').items;
    expect(tree).toHaveLength(10);
    const professionals = tree.find((g) => g.code === '2')!;
    const unit = flatten([professionals]).find((g) => g.code === '2512');
    expect(unit).toMatchObject({ label: 'Software developers', parent: '251' });
    expect(flatten(tree)).toHaveLength(619);
    const governance = referenceList('sectors', 'nl').items.find((c) => c.code === '151')!;
    expect(governance.children?.map((s) => s.code)).toContain('15190');
  });

  it('keeps one ETag per list and locale', () => {
    const a = referenceList('countries', 'fr');
    expect(referenceList('countries', 'fr').etag).toBe(a.etag);
    expect(referenceList('countries', 'ar' as Locale).etag).not.toBe(a.etag);
  });
});
