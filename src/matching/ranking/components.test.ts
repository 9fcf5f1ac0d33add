import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  componentNames,
  explanationCodes,
  rankCandidates,
  type ComponentName,
  type ExpertCandidate,
  type RankingOptions,
  type TermsOfReference,
} from './index.ts';
import { expertFixture, today, torFixture } from './ranking.test-helper.ts';

/** The ranked result of one expert (who must pass the filters) for a ToR. */
function rankedOne(
  expert: Partial<ExpertCandidate>,
  tor: Partial<TermsOfReference> = {},
  options?: Partial<RankingOptions>,
) {
  const result = rankCandidates(torFixture(tor), [expertFixture(expert)], { today, ...options });
  expect(result.excluded).toEqual([]);
  return result.ranked[0]!;
}

function component(name: ComponentName, expert: Partial<ExpertCandidate>, tor: Partial<TermsOfReference> = {}) {
  return rankedOne(expert, tor).components.find((c) => c.name === name)!;
}

const value = (name: ComponentName, expert: Partial<ExpertCandidate>, tor: Partial<TermsOfReference> = {}) =>
  component(name, expert, tor).value;

describe('score components', () => {
  it('keep every value and the score in [0, 1], with listed codes, on arbitrary experts', () => {
    const level = fc.constantFrom('B2', 'C1', 'C2' as const);
    const expert = fc.record({
      occupation: fc.option(fc.constantFrom('1342', '1349', '1311', '2211', '7111')),
      sectors: fc.subarray(['12110', '12191', '12220', '11420', '31120']),
      languages: fc.tuple(level, level).map(([fr, ar]) => [
        { language: 'fr', level: fr },
        { language: 'ar', level: ar },
      ]),
      skills: fc
        .subarray(['hospital-management', 'health-policy', 'nursing', 'irrigation'])
        .map((keys) => keys.map((k) => ({ label: k, conceptId: k }))),
      experience: fc.array(
        fc.tuple(fc.integer({ min: 1980, max: 2026 }), fc.integer({ min: 0, max: 20 })).map(([y, n]) => ({
          startsOn: `${y}-01-01`,
          endsOn: n === 0 ? null : `${Math.min(y + n, 2030)}-06-30`,
        })),
        { maxLength: 4 },
      ),
      evaluations: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 5 }),
      profileUpdatedOn: fc.constantFrom('2019-05-01', '2026-12-31', '2027-01-15', '2027-06-01'),
    });
    const tor = {
      languages: [
        { language: 'fr', minLevel: 'B2' as const },
        { language: 'ar', minLevel: 'B2' as const },
      ],
    };
    fc.assert(
      fc.property(expert, (e) => {
        const ranked = rankedOne(e, tor);
        expect(ranked.score).toBeGreaterThanOrEqual(0);
        expect(ranked.score).toBeLessThanOrEqual(1);
        expect(ranked.components.map((c) => c.name)).toEqual(componentNames);
        for (const c of ranked.components) {
          expect(c.value).toBeGreaterThanOrEqual(0);
          expect(c.value).toBeLessThanOrEqual(1);
          expect(explanationCodes).toContain(c.explanation.code);
        }
        const weighted = ranked.components.reduce((sum, c) => sum + c.weight * c.value, 0);
        expect(ranked.score).toBeCloseTo(weighted, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('skills: rarer skills weigh more, and the explanation lists matched and missing keys', () => {
    const tor = {
      skills: [
        { label: 'gestion hospitalière', conceptId: 'hospital-management' },
        { label: 'télémédecine', conceptId: 'telemedicine' },
      ],
    };
    const population = {
      experts: 1000,
      holders: new Map([
        ['hospital-management', 400],
        ['telemedicine', 10],
      ]),
    };
    const skills = (keys: string[]) => keys.map((k) => ({ label: k, conceptId: k }));
    const score = (keys: string[]) =>
      rankedOne({ skills: skills(keys) }, tor, { population }).components.find((c) => c.name === 'skills')!;
    expect(score([]).value).toBe(0);
    expect(score(['hospital-management', 'telemedicine']).value).toBe(1);
    expect(score(['telemedicine']).value).toBeGreaterThan(score(['hospital-management']).value);
    expect(score(['telemedicine']).value).toBeCloseTo(
      (1 + Math.log(1001 / 11)) / (1 + Math.log(1001 / 11) + 1 + Math.log(1001 / 401)),
      12,
    );
    expect(score(['telemedicine', 'irrigation']).explanation).toEqual({
      code: 'skills.matched',
      matched: ['telemedicine'],
      missing: ['hospital-management'],
    });
    // Without statistics, every skill weighs the same; a skill written twice counts once.
    expect(value('skills', { skills: skills(['telemedicine', 'telemedicine']) }, tor)).toBe(0.5);
  });

  it('sectors: the same code beats the same DAC category, which beats nothing', () => {
    const tor = { sectors: ['12110', '12191'] };
    expect(value('sectors', { sectors: ['12110', '12191'] }, tor)).toBe(1);
    expect(value('sectors', { sectors: ['12110'] }, tor)).toBe(0.75); // 12191 is in 121 too
    expect(value('sectors', { sectors: ['12181'] }, tor)).toBe(0.5);
    expect(value('sectors', { sectors: ['11420'] }, tor)).toBe(0);
    expect(component('sectors', { sectors: ['12110', '12181'] }, tor).explanation).toEqual({
      code: 'sectors.matched',
      matched: ['12110'],
      related: ['12191'],
      missing: [],
    });
  });

  it('occupation: same unit group > same minor > same sub-major > same major > other', () => {
    const tor = { occupation: '1342' };
    const order = ['1342', '1349', '1311', '1211', '2211'].map((occupation) =>
      value('occupation', { occupation }, tor),
    );
    expect(order).toEqual([1, 0.75, 0.5, 0.25, 0]);
    expect(component('occupation', { occupation: '1349' }, tor).explanation).toEqual({
      code: 'occupation.match',
      level: 'minor',
      required: '1342',
      occupation: '1349',
    });
    expect(component('occupation', { occupation: null }, tor).explanation).toEqual({
      code: 'occupation.unknown',
      required: '1342',
    });
  });

  it('languages: C1 beats B2 when B2 is the minimum, C2 is the top', () => {
    const at = (level: 'B2' | 'C1' | 'C2') => value('languages', { languages: [{ language: 'fr', level }] });
    expect(at('B2')).toBe(0);
    expect(at('C1')).toBeGreaterThan(at('B2'));
    expect(at('C2')).toBe(1);
    expect(
      value(
        'languages',
        { languages: [{ language: 'fr', level: 'C2' }] },
        { languages: [{ language: 'fr', minLevel: 'C2' }] },
      ),
    ).toBe(1);
    expect(component('languages', { languages: [{ language: 'fr', level: 'C1' }] }).explanation).toEqual({
      code: 'languages.levels',
      languages: [{ language: 'fr', level: 'C1', minLevel: 'B2', stepsAbove: 1 }],
    });
  });

  it('availability: the share of the window’s working days the expert can give', () => {
    const window = (endsOn: string) => [{ startsOn: '2027-03-01', endsOn, onSite: true, online: false }];
    expect(value('availability', {})).toBe(1);
    expect(value('availability', { availability: window('2027-03-19') })).toBeCloseTo(15 / 23, 12);
    expect(component('availability', { availability: window('2027-03-12') }).explanation).toEqual({
      code: 'availability.overlap',
      availableDays: 10,
      windowDays: 23,
    });
  });

  it('experience: grows with the years, saturates below 1, counts overlapping positions once', () => {
    const years = (n: number) => value('experience', { experience: [{ startsOn: `${2027 - n}-01-15`, endsOn: null }] });
    expect(years(0)).toBeCloseTo(0, 2);
    expect(years(5)).toBeCloseTo(0.5, 2);
    expect(years(10)).toBeCloseTo(0.75, 2);
    expect(years(10)).toBeGreaterThan(years(5));
    expect(years(40)).toBeLessThan(1);
    const overlapping = [
      { startsOn: '2017-01-15', endsOn: '2022-01-14' },
      { startsOn: '2020-01-15', endsOn: null },
      { startsOn: '2030-01-01', endsOn: null }, // starts after today: nothing yet
    ];
    expect(component('experience', { experience: overlapping }).explanation).toEqual({
      code: 'experience.years',
      years: 10,
    });
  });

  it('evaluations: mean of 1–5 mapped to [0, 1], neutral when none', () => {
    expect(value('evaluations', { evaluations: [] })).toBe(0.5);
    expect(value('evaluations', { evaluations: [5, 5] })).toBe(1);
    expect(value('evaluations', { evaluations: [1] })).toBe(0);
    expect(value('evaluations', { evaluations: [4, 5] })).toBeGreaterThan(value('evaluations', { evaluations: [4] }));
    expect(component('evaluations', { evaluations: [4, 5] }).explanation).toEqual({
      code: 'evaluations.mean',
      mean: 4.5,
      count: 2,
    });
    expect(component('evaluations', {}).explanation).toEqual({ code: 'evaluations.none' });
  });

  it('freshness: 1 when updated today, halves every 12 months', () => {
    expect(value('freshness', { profileUpdatedOn: today })).toBe(1);
    expect(value('freshness', { profileUpdatedOn: '2026-01-15' })).toBeCloseTo(0.5, 2);
    expect(value('freshness', { profileUpdatedOn: '2025-01-15T08:00:00Z' })).toBeCloseTo(0.25, 2);
    expect(component('freshness', { profileUpdatedOn: '2026-07-01' }).explanation).toEqual({
      code: 'freshness.months',
      months: 6,
    });
  });

  it('gives no weight to what the ToR does not ask, and the others share it', () => {
    const ranked = rankedOne({}, { skills: [], sectors: [], occupation: null, languages: [] });
    const byName = Object.fromEntries(ranked.components.map((c) => [c.name, c]));
    for (const name of ['skills', 'sectors', 'occupation', 'languages'] as const) {
      expect(byName[name]).toMatchObject({ value: 0, weight: 0, explanation: { code: `${name}.not_required` } });
    }
    const weights = ranked.components.reduce((sum, c) => sum + c.weight, 0);
    expect(weights).toBeCloseTo(1, 12);
  });
});
