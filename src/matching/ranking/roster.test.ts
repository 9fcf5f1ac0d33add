import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exclusionReasonCodes,
  prepareRoster,
  rankCandidates,
  type ExpertCandidate,
  type TermsOfReference,
} from './index.ts';
import { expertFixture, today, torFixture } from './ranking.test-helper.ts';

const day = (n: number) => new Date(Date.UTC(2027, 1, 1) + n * 86_400_000).toISOString().slice(0, 10);
const span = fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 40 })).map(([from, length]) => ({
  startsOn: day(from),
  endsOn: day(from + length),
}));
const level = fc.constantFrom('A2', 'B1', 'B2', 'C1', 'C2' as const);

/** Experts that differ in every field a filter reads. */
const expert = fc.record({
  erased: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  residenceCountry: fc.constantFrom('NL', 'BE', 'FR', null),
  languages: fc
    .subarray(['fr', 'ar', 'nl'])
    .chain((codes) =>
      fc
        .tuple(...codes.map(() => level))
        .map((levels) => codes.map((language, i) => ({ language, level: levels[i]! }))),
    ),
  availability: fc.array(
    fc
      .record({ span, onSite: fc.boolean(), online: fc.boolean() })
      .map((w) => ({ ...w.span, onSite: w.onSite, online: w.online })),
    { maxLength: 3 },
  ),
  busy: fc.array(span, { maxLength: 2 }),
  employers: fc.subarray([
    { institutionId: 'inst-chu', name: 'Centre hospitalier' },
    { institutionId: null, name: 'chu ibn-rochd' },
    { institutionId: null, name: 'Erasmus MC' },
  ]),
  consents: fc.subarray([
    { purpose: 'processing', withdrawnAt: null },
    { purpose: 'processing', withdrawnAt: '2026-04-01T10:00:00Z' },
    { purpose: 'directory', withdrawnAt: null },
  ]),
});

const tor = fc.record({
  modality: fc.constantFrom('on_site', 'online', 'hybrid' as const),
  languages: fc.subarray([
    { language: 'fr', minLevel: 'B2' as const },
    { language: 'ar', minLevel: 'B1' as const },
    { language: 'de', minLevel: 'A2' as const },
  ]),
  eligibleResidenceCountries: fc.constantFrom([], ['NL', 'BE']),
  workingDays: fc.integer({ min: 0, max: 25 }),
  windowStartsOn: fc.constantFrom('2027-02-15', '2027-03-01'),
});

describe('a prepared roster', () => {
  it('ranks and excludes exactly like the expert list, reason for reason', () => {
    const seen = new Set<string>();
    let ranked = 0;
    fc.assert(
      fc.property(fc.array(expert, { minLength: 1, maxLength: 40 }), tor, (variations, torVariation) => {
        const experts: ExpertCandidate[] = variations.map((v, i) => expertFixture({ ...v, id: `e${i}` }));
        const t: TermsOfReference = torFixture(torVariation);
        const plain = rankCandidates(t, experts, { today });
        const prepared = rankCandidates(t, prepareRoster(experts), { today });
        expect(prepared).toEqual(plain);
        for (const x of plain.excluded) for (const r of x.reasons) seen.add(r.code);
        ranked += plain.ranked.length;
      }),
      { numRuns: 300 },
    );
    // The pools exercised every filter, and some experts passed them all.
    expect([...seen].sort()).toEqual([...exclusionReasonCodes].sort());
    expect(ranked).toBeGreaterThan(0);
  });

  it('can be ranked for many ToRs once prepared', () => {
    const roster = prepareRoster([expertFixture({ id: 'a' }), expertFixture({ id: 'b', residenceCountry: 'FR' })]);
    expect(rankCandidates(torFixture(), roster, { today }).ranked.map((r) => r.expertId)).toEqual(['a']);
    const anywhere = torFixture({ eligibleResidenceCountries: [] });
    expect(rankCandidates(anywhere, roster, { today }).ranked.map((r) => r.expertId)).toEqual(['a', 'b']);
  });
});
