import { describe, expect, it } from 'vitest';
import { skillVocabulary } from './data/skills.ts';
import { locales } from './data/types.ts';
import { isReferenceCode } from './lists.ts';
import { normaliseText } from './normalise.ts';
import { indexVocabulary, matchSkillConcept, suggestSkills } from './skills.ts';

describe('normaliseText', () => {
  it('ignores case, accents, punctuation and spacing', () => {
    expect(normaliseText('  Gestion   Hospitalière ')).toBe('gestion hospitaliere');
    expect(normaliseText("Politique de l'Éducation.")).toBe('politique de l education');
    expect(normaliseText('Œuvre—sociale')).toBe('oeuvre sociale');
  });

  it('ignores Arabic diacritics and tatweel, and unifies hamza seats, alef variants and taa marbuta', () => {
    expect(normaliseText('إِدَارَة')).toBe(normaliseText('ادارة'));
    expect(normaliseText('إدارة المستشفيات')).toBe(normaliseText('اداره المستشفيات'));
    expect(normaliseText('آمن')).toBe(normaliseText('امن'));
    expect(normaliseText('التعلـــيم')).toBe(normaliseText('التعليم'));
    expect(normaliseText('مستشفى')).toBe(normaliseText('مستشفي'));
    expect(normaliseText('٢٠٢٤')).toBe('2024');
  });
});

describe('the vocabulary', () => {
  it('has at least 200 concepts with unique kebab-case keys', () => {
    expect(skillVocabulary.length).toBeGreaterThanOrEqual(200);
    const keys = skillVocabulary.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every concept four non-empty labels, Arabic in Arabic script, and valid DAC sectors', () => {
    for (const concept of skillVocabulary) {
      for (const locale of locales) expect(concept.labels[locale].trim(), `${concept.key} ${locale}`).not.toBe('');
      for (const term of [concept.labels.ar, ...(concept.synonyms.ar ?? [])])
        expect(term, concept.key).toMatch(/^[\u0600-\u06FF\s\-()A-Z]+$/);
      expect(concept.sectors.length, concept.key).toBeGreaterThan(0);
      for (const code of concept.sectors) expect(isReferenceCode('sectors', code), `${concept.key} ${code}`).toBe(true);
    }
  });

  it('covers the programmes’ fields', () => {
    const sectorsUsed = new Set(skillVocabulary.flatMap((c) => c.sectors.map((s) => s.slice(0, 2))));
    for (const prefix of [
      '11',
      '12',
      '13',
      '14',
      '15',
      '16',
      '21',
      '22',
      '23',
      '24',
      '25',
      '31',
      '32',
      '33',
      '41',
      '43',
    ])
      expect(sectorsUsed, prefix).toContain(prefix);
  });

  it('never lets two concepts share a term, so that an exact match is unambiguous', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const concept of skillVocabulary) {
      const terms = new Set(
        locales.flatMap((l) => [concept.labels[l], ...(concept.synonyms[l] ?? [])]).map(normaliseText),
      );
      for (const term of terms) {
        const other = owner.get(term);
        if (other && other !== concept.key) clashes.push(`${term}: ${other} / ${concept.key}`);
        owner.set(term, concept.key);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('matchSkillConcept', () => {
  it('finds a concept by any label or synonym after normalisation', () => {
    expect(matchSkillConcept('Gestion Hospitalière ')).toBe('hospital-management');
    expect(matchSkillConcept('ziekenhuismanagement')).toBe('hospital-management');
    expect(matchSkillConcept('HOSPITAL ADMINISTRATION')).toBe('hospital-management');
    expect(matchSkillConcept('اِدارة المستشفيات')).toBe('hospital-management');
    expect(matchSkillConcept('management hospitalier')).toBe('hospital-management');
  });

  it('returns null for words that are not in the vocabulary, or only part of a term', () => {
    expect(matchSkillConcept('gestion hosp')).toBeNull();
    expect(matchSkillConcept('basket-ball sous-marin')).toBeNull();
    expect(matchSkillConcept('   ')).toBeNull();
  });
});

describe('suggestSkills', () => {
  const cases: [string, 'fr' | 'en' | 'nl' | 'ar'][] = [
    ['gestion hosp', 'fr'],
    ['hospital man', 'en'],
    ['ziekenhuis', 'nl'],
    ['إدارة المستش', 'ar'],
  ];
  for (const [typed, locale] of cases) {
    it(`suggests hospital-management for "${typed}" in ${locale}, labelled in ${locale}`, () => {
      const found = suggestSkills(typed, locale, 10).find((s) => s.key === 'hospital-management');
      expect(found?.label).toBe(skillVocabulary.find((c) => c.key === 'hospital-management')!.labels[locale]);
      expect(found?.matched.length).toBeGreaterThan(0);
    });
  }

  it('ranks a prefix of the preferred label in the reader’s locale first', () => {
    expect(suggestSkills('gestion hosp', 'fr', 5)[0]?.key).toBe('hospital-management');
    expect(suggestSkills('translation', 'en', 5)[0]?.key).toBe('translation');
  });

  it('finds words typed in another language than the reader’s, and labels them in the reader’s', () => {
    const [first] = suggestSkills('ziekenhuismanagement', 'fr', 5);
    expect(first).toMatchObject({ key: 'hospital-management', label: 'gestion hospitalière' });
    expect(first?.matched).toEqual([{ locale: 'nl', text: 'ziekenhuismanagement' }]);
  });

  it('matches inside terms too, and respects the limit', () => {
    expect(suggestSkills('hospital', 'en', 50).map((s) => s.key)).toContain('patient-safety');
    expect(suggestSkills('e', 'fr', 7)).toHaveLength(7);
    expect(suggestSkills('!!!', 'fr', 7)).toEqual([]);
  });

  it('includes concepts from another index (staff-added)', () => {
    const staff = indexVocabulary([
      {
        key: 'port-management',
        labels: { fr: 'gestion portuaire', ar: 'تدبير الموانئ', en: 'port management', nl: 'havenbeheer' },
        synonyms: {},
        sectors: ['21040'],
      },
    ]);
    expect(suggestSkills('havenb', 'en', 5, staff)).toEqual([
      {
        key: 'port-management',
        label: 'port management',
        sectors: ['21040'],
        matched: [{ locale: 'nl', text: 'havenbeheer' }],
      },
    ]);
  });
});
