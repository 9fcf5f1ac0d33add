import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultWeights,
  labelKey,
  rankCallsForExpert,
  rankCandidates,
  resolveWeights,
  skillPopulation,
  WeightsError,
  type ExpertCandidate,
} from './index.ts';
import { expertFixture, today, torFixture } from './ranking.test-helper.ts';

const typed = (...labels: string[]) => labels.map((label) => ({ label, conceptId: null }));

describe('skills across languages', () => {
  it('a French ToR asking "gestion hospitalière" finds experts who wrote it in Dutch, English or Arabic', () => {
    const tor = torFixture({ skills: typed('gestion hospitalière') });
    const experts = [
      expertFixture({ id: 'nl', skills: typed('ziekenhuismanagement') }),
      expertFixture({ id: 'en', skills: typed('Hospital Management') }),
      expertFixture({ id: 'ar', skills: typed('إدارة المستشفيات') }),
      expertFixture({ id: 'other', skills: typed('irrigation goutte à goutte') }),
    ];
    const { ranked } = rankCandidates(tor, experts, { today });
    const skills = Object.fromEntries(
      ranked.map((r) => [r.expertId, r.components.find((c) => c.name === 'skills')!] as const),
    );
    for (const id of ['nl', 'en', 'ar']) {
      expect(skills[id]).toMatchObject({
        value: 1,
        explanation: { code: 'skills.matched', matched: ['hospital-management'], missing: [] },
      });
    }
    expect(skills.other!.value).toBe(0);
    expect(ranked.at(-1)!.expertId).toBe('other');
  });

  it('reads French and English plurals as the singular the vocabulary holds', () => {
    expect(labelKey("Systèmes d'information sanitaire")).toBe('health-information-systems');
    expect(labelKey('ziekenhuismanagement')).toBe('hospital-management');
    expect(labelKey('jardins suspendus')).toBe('text:jardins suspendus');
    expect(labelKey(' — ')).toBeNull();
  });

  it('falls back to normalised-text equality for words no concept knows', () => {
    const tor = torFixture({ skills: typed('Basket-ball sous-marin') });
    const experts = [
      expertFixture({ id: 'same', skills: typed('basket ball  SOUS-MARIN') }),
      expertFixture({ id: 'near', skills: typed('basket-ball') }),
    ];
    const { ranked } = rankCandidates(tor, experts, { today });
    expect(ranked[0]!.explanation[0]).toEqual({
      code: 'skills.matched',
      matched: ['text:basket ball sous marin'],
      missing: [],
    });
    expect(ranked.map((r) => [r.expertId, r.components[0]!.value])).toEqual([
      ['same', 1],
      ['near', 0],
    ]);
  });

  it('counts holders per key for the rarity statistics, each expert once', () => {
    const population = skillPopulation([
      { skills: typed('ziekenhuismanagement', 'hospital management') },
      { skills: [{ label: 'x', conceptId: 'hospital-management' }, ...typed('jardinage')] },
    ]);
    expect(population.experts).toBe(2);
    expect(Object.fromEntries(population.holders)).toEqual({ 'hospital-management': 2, 'text:jardinage': 1 });
  });
});

describe('weights', () => {
  it('default to weights that sum to 1, and normalise overrides', () => {
    expect(Object.values(defaultWeights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const weights = resolveWeights({
      skills: 3,
      sectors: 0,
      occupation: 0,
      languages: 0,
      availability: 0,
      experience: 0,
      evaluations: 0,
      freshness: 1,
    });
    expect(weights.skills).toBe(0.75);
    expect(weights.freshness).toBe(0.25);
  });

  it('refuse unknown components, negative or non-finite weights, and a zero sum', () => {
    const codeOf = (w: Record<string, number>) => {
      try {
        resolveWeights(w);
        return null;
      } catch (error) {
        return error instanceof WeightsError ? [error.code, error.component] : error;
      }
    };
    expect(codeOf({ charisma: 1 })).toEqual(['weights.unknown_component', 'charisma']);
    expect(codeOf({ skills: -1 })).toEqual(['weights.invalid', 'skills']);
    expect(codeOf({ skills: Number.NaN })).toEqual(['weights.invalid', 'skills']);
    expect(codeOf({ skills: Infinity })).toEqual(['weights.invalid', 'skills']);
    const zero = Object.fromEntries(Object.keys(defaultWeights).map((k) => [k, 0]));
    expect(codeOf(zero)).toEqual(['weights.zero_sum', null]);
    expect(() => rankCandidates(torFixture(), [], { today, weights: { skills: -2 } })).toThrow(WeightsError);
  });

  it('change the order when a programme weighs components differently', () => {
    const experts = [
      expertFixture({ id: 'skilled', evaluations: [2] }),
      expertFixture({ id: 'praised', skills: [], evaluations: [5, 5, 5] }),
    ];
    const order = (weights?: Record<string, number>) =>
      rankCandidates(torFixture(), experts, { today, weights }).ranked.map((r) => r.expertId);
    expect(order()).toEqual(['skilled', 'praised']);
    expect(order({ skills: 0.05, evaluations: 1 })).toEqual(['praised', 'skilled']);
    const [first] = rankCandidates(torFixture(), experts, { today, weights: { skills: 0.05, evaluations: 1 } }).ranked;
    const applied = Object.fromEntries(first!.components.map((c) => [c.name, c.weight]));
    expect(applied.evaluations! / applied.skills!).toBeCloseTo(20, 9);
  });
});

describe('ranking', () => {
  const pool = (n: number): ExpertCandidate[] =>
    Array.from({ length: n }, (_, i) =>
      expertFixture({
        id: `e${String(i).padStart(3, '0')}`,
        evaluations: i % 3 === 0 ? [] : [1 + (i % 5)],
        languages: [{ language: 'fr', level: (['B1', 'B2', 'C1', 'C2'] as const)[i % 4]! }],
        skills: i % 2 ? typed('ziekenhuismanagement') : typed('nursing'),
        busy: i % 7 === 0 ? [{ startsOn: '2027-03-10', endsOn: '2027-03-12' }] : [],
      }),
    );

  it('sorts by score, then by id; the same input in any order gives the same output', () => {
    const experts = pool(60);
    const reference = rankCandidates(torFixture(), experts, { today });
    expect(reference.ranked.length + reference.excluded.length).toBe(60);
    for (let i = 1; i < reference.ranked.length; i++) {
      const [a, b] = [reference.ranked[i - 1]!, reference.ranked[i]!];
      expect(a.score > b.score || (a.score === b.score && a.expertId < b.expertId)).toBe(true);
    }
    // Ties exist in this pool (same profile, same score), so the id order is exercised.
    expect(new Set(reference.ranked.map((r) => r.score)).size).toBeLessThan(reference.ranked.length);
    fc.assert(
      fc.property(fc.shuffledSubarray(experts, { minLength: 60, maxLength: 60 }), (shuffled) => {
        const again = rankCandidates(torFixture(), shuffled, { today });
        expect(again.ranked).toEqual(reference.ranked);
        expect(new Set(again.excluded.map((e) => e.expertId))).toEqual(
          new Set(reference.excluded.map((e) => e.expertId)),
        );
      }),
      { numRuns: 20 },
    );
  });

  it('returns the best `limit` and every excluded expert', () => {
    const all = rankCandidates(torFixture(), pool(60), { today });
    const top = rankCandidates(torFixture(), pool(60), { today, limit: 5 });
    expect(top.ranked).toEqual(all.ranked.slice(0, 5));
    expect(top.excluded).toEqual(all.excluded);
  });

  it('the best `limit` of any size are the head of the full order, ties broken by id', () => {
    const experts = pool(60);
    const all = rankCandidates(torFixture(), experts, { today });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70 }), fc.shuffledSubarray(experts, { minLength: 60 }), (limit, order) => {
        const top = rankCandidates(torFixture(), order, { today, limit });
        expect(top.ranked.map((r) => r.expertId)).toEqual(all.ranked.slice(0, limit).map((r) => r.expertId));
      }),
      { numRuns: 40 },
    );
  });

  it('counts every exclusion by reason, however few excluded experts it lists', () => {
    const experts = [
      ...pool(60),
      expertFixture({ id: 'gone', erased: true, consents: [] }),
      expertFixture({ id: 'withdrawn', consents: [{ purpose: 'processing', withdrawnAt: '2026-01-01T00:00:00Z' }] }),
    ];
    const all = rankCandidates(torFixture(), experts, { today });
    const counted: Record<string, number> = {};
    for (const entry of all.excluded) for (const r of entry.reasons) counted[r.code] = (counted[r.code] ?? 0) + 1;
    expect(all.excludedTotal).toBe(all.excluded.length);
    expect(all.excludedByReason).toEqual(counted);
    expect(counted['conflict.busy']).toBeGreaterThan(0);
    expect(counted['expert.erased']).toBe(1);
    expect(counted['consent.withdrawn']).toBe(1);

    const few = rankCandidates(torFixture(), experts, { today, excludedLimit: 2 });
    expect(few.excluded).toEqual(all.excluded.slice(0, 2));
    expect(few.excludedTotal).toBe(all.excludedTotal);
    expect(few.excludedByReason).toEqual(counted);
    const none = rankCandidates(torFixture(), experts, { today, excludedLimit: 0 });
    expect(none.excluded).toEqual([]);
    expect(none.excludedByReason).toEqual(counted);
  });

  it('ranks calls for an expert with the same filters and scores as candidates for a call', () => {
    const population = skillPopulation(pool(60));
    const tors = [
      torFixture({ id: 'hospital', skills: typed('gestion hospitalière') }),
      torFixture({ id: 'nursing', skills: typed('soins infirmiers'), sectors: ['12191'] }),
      torFixture({ id: 'dutch', languages: [{ language: 'nl', minLevel: 'C1' }], occupation: '2211' }),
      torFixture({ id: 'online', modality: 'online', workingDays: 5, eligibleResidenceCountries: [] }),
      torFixture({ id: 'far', languages: [{ language: 'de', minLevel: 'B2' }] }),
    ];
    let comparedScores = 0;
    for (const expert of pool(60).filter((_, i) => i % 5 === 0)) {
      const calls = rankCallsForExpert(expert, tors, { today, population });
      for (const tor of tors) {
        const candidates = rankCandidates(tor, pool(60), { today, population });
        const asCandidate = candidates.ranked.find((r) => r.expertId === expert.id);
        const asCall = calls.ranked.find((r) => r.torId === tor.id);
        expect(asCall?.score).toBe(asCandidate?.score);
        if (asCall) comparedScores++;
        expect(asCall?.components).toEqual(asCandidate?.components);
        expect(calls.excluded.find((x) => x.torId === tor.id)?.reasons).toEqual(
          candidates.excluded.find((x) => x.expertId === expert.id)?.reasons,
        );
      }
      const scores = calls.ranked.map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(calls.excluded.map((x) => x.torId)).toContain('far');
    }
    expect(comparedScores).toBeGreaterThan(20);
  });
});
