import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, workingDaysBetween } from './dates.ts';
import { exclusionReasonCodes, rankCandidates, type ExclusionReason, type ExpertCandidate } from './index.ts';
import { expertFixture, today, torFixture } from './ranking.test-helper.ts';
import type { TermsOfReference } from './types.ts';

/** The reasons the ToR (default fixture) excludes the expert for; [] when the expert is ranked. */
function reasonsFor(expert: Partial<ExpertCandidate>, tor: Partial<TermsOfReference> = {}): readonly ExclusionReason[] {
  const result = rankCandidates(torFixture(tor), [expertFixture(expert)], { today });
  return result.excluded[0]?.reasons ?? [];
}

describe('calendar arithmetic', () => {
  it('numbers days like Date.parse does, leap years included', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(dayNumber(iso)).toBe(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
      }),
    );
    expect(dayNumber('2027-03-01T10:00:00Z')).toBe(dayNumber('2027-03-01'));
    expect(() => dayNumber('1 March 2027')).toThrow(RangeError);
  });

  it('counts working days Monday to Friday, both ends included', () => {
    const count = (a: string, b: string) => workingDaysBetween(dayNumber(a), dayNumber(b));
    expect(count('2027-03-01', '2027-03-31')).toBe(23);
    expect(count('2027-03-06', '2027-03-07')).toBe(0); // a weekend
    expect(count('2027-03-05', '2027-03-08')).toBe(2); // Friday to Monday
    expect(count('2027-03-02', '2027-03-01')).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 60_000 }), fc.integer({ min: 0, max: 400 }), (a, len) => {
        let slow = 0;
        for (let d = a; d <= a + len; d++) {
          const weekday = new Date(d * 86_400_000).getUTCDay();
          if (weekday !== 0 && weekday !== 6) slow++;
        }
        expect(workingDaysBetween(a, a + len)).toBe(slow);
      }),
    );
  });
});

describe('hard filters', () => {
  it('ranks the fixture expert: it passes every filter', () => {
    expect(reasonsFor({})).toEqual([]);
  });

  it('excludes erased experts', () => {
    expect(reasonsFor({ erased: true })).toEqual([{ code: 'expert.erased' }]);
  });

  it('needs a processing consent that is not withdrawn', () => {
    expect(reasonsFor({ consents: [] })).toEqual([{ code: 'consent.missing' }]);
    expect(reasonsFor({ consents: [{ purpose: 'directory', withdrawnAt: null }] })).toEqual([
      { code: 'consent.missing' },
    ]);
    const withdrawn = [
      { purpose: 'processing', withdrawnAt: '2026-05-01T10:00:00Z' },
      { purpose: 'processing', withdrawnAt: '2026-09-01T10:00:00Z' },
    ];
    expect(reasonsFor({ consents: withdrawn })).toEqual([
      { code: 'consent.withdrawn', withdrawnAt: '2026-09-01T10:00:00Z' },
    ]);
    // Granted again after a withdrawal: a live consent exists.
    expect(reasonsFor({ consents: [...withdrawn, { purpose: 'processing', withdrawnAt: null }] })).toEqual([]);
  });

  it("keeps to the programme's eligible residence countries; none listed means anywhere", () => {
    expect(reasonsFor({ residenceCountry: 'FR' })).toEqual([
      { code: 'residence.not_eligible', country: 'FR', eligible: ['NL', 'BE'] },
    ]);
    expect(reasonsFor({ residenceCountry: null })).toEqual([{ code: 'residence.unknown', eligible: ['NL', 'BE'] }]);
    expect(reasonsFor({ residenceCountry: 'FR' }, { eligibleResidenceCountries: [] })).toEqual([]);
  });

  it('needs every required language at its minimum CEFR level', () => {
    const tor = {
      languages: [
        { language: 'fr', minLevel: 'B2' as const },
        { language: 'ar', minLevel: 'B1' as const },
      ],
    };
    expect(reasonsFor({ languages: [{ language: 'fr', level: 'B1' }] }, tor)).toEqual([
      { code: 'language.below_minimum', language: 'fr', level: 'B1', minLevel: 'B2' },
      { code: 'language.missing', language: 'ar', minLevel: 'B1' },
    ]);
    const atMinimum = [
      { language: 'fr', level: 'B2' as const },
      { language: 'ar', level: 'B1' as const },
    ];
    expect(reasonsFor({ languages: atMinimum }, tor)).toEqual([]);
  });

  it('needs on-site availability for on-site and hybrid missions, online availability for online ones', () => {
    const onlineOnly = [{ startsOn: '2027-03-01', endsOn: '2027-03-31', onSite: false, online: true }];
    const onSiteOnly = [{ startsOn: '2027-03-01', endsOn: '2027-03-31', onSite: true, online: false }];
    expect(reasonsFor({ availability: onlineOnly })).toEqual([
      { code: 'modality.no_on_site_availability', modality: 'on_site' },
    ]);
    expect(reasonsFor({ availability: onlineOnly }, { modality: 'hybrid' })).toEqual([
      { code: 'modality.no_on_site_availability', modality: 'hybrid' },
    ]);
    expect(reasonsFor({ availability: onSiteOnly }, { modality: 'online' })).toEqual([
      { code: 'modality.no_online_availability', modality: 'online' },
    ]);
    expect(reasonsFor({ availability: onlineOnly }, { modality: 'online' })).toEqual([]);
  });

  it('needs the required working days inside the window, weekends and overlaps not counted twice', () => {
    // Thursday 25 to Wednesday 31 March: 5 working days; the mission needs 10.
    const late = { startsOn: '2027-03-25', endsOn: '2027-04-30', onSite: true, online: false };
    expect(reasonsFor({ availability: [late] })).toEqual([
      { code: 'availability.insufficient', availableDays: 5, requiredDays: 10 },
    ]);
    // Two overlapping windows of 1–12 March (10 working days) count 10, not more.
    const twice = [
      { startsOn: '2027-03-01', endsOn: '2027-03-12', onSite: true, online: false },
      { startsOn: '2027-03-08', endsOn: '2027-03-12', onSite: true, online: true },
    ];
    expect(reasonsFor({ availability: twice })).toEqual([]);
    expect(reasonsFor({ availability: twice }, { workingDays: 11 })).toEqual([
      { code: 'availability.insufficient', availableDays: 10, requiredDays: 11 },
    ]);
    // Adjacent windows join; a window outside the ToR's gives nothing.
    const adjacent = [
      { startsOn: '2027-03-01', endsOn: '2027-03-05', onSite: true, online: false },
      { startsOn: '2027-03-06', endsOn: '2027-03-12', onSite: true, online: false },
      { startsOn: '2027-06-01', endsOn: '2027-06-30', onSite: true, online: false },
    ];
    expect(reasonsFor({ availability: adjacent })).toEqual([]);
    expect(reasonsFor({ availability: [] })).toEqual([
      { code: 'availability.insufficient', availableDays: 0, requiredDays: 10 },
    ]);
  });

  it('excludes experts who work for the host institution, by id or by name in any spelling', () => {
    const byId = [{ institutionId: 'inst-chu', name: 'Centre hospitalier' }];
    expect(reasonsFor({ employers: byId })).toEqual([
      { code: 'conflict.host_employer', institutionId: 'inst-chu', employer: 'Centre hospitalier' },
    ]);
    const byName = [{ institutionId: null, name: '  chu IBN-ROCHD ' }];
    expect(reasonsFor({ employers: byName })).toEqual([
      { code: 'conflict.host_employer', institutionId: 'inst-chu', employer: '  chu IBN-ROCHD ' },
    ]);
    const arabic = [{ institutionId: null, name: 'المركز الاستشفائي الجامعي إبن رشد' }];
    expect(reasonsFor({ employers: arabic })[0]?.code).toBe('conflict.host_employer');
    expect(reasonsFor({ employers: [{ institutionId: 'other', name: 'CHU Mohammed VI' }] })).toEqual([]);
  });

  it('excludes experts already on a mission overlapping the window, one reason per mission', () => {
    const busy = [
      { startsOn: '2027-02-15', endsOn: '2027-03-02' },
      { startsOn: '2027-03-31', endsOn: '2027-04-10' },
      { startsOn: '2027-04-11', endsOn: '2027-04-20' },
    ];
    expect(reasonsFor({ busy })).toEqual([
      { code: 'conflict.busy', startsOn: '2027-02-15', endsOn: '2027-03-02' },
      { code: 'conflict.busy', startsOn: '2027-03-31', endsOn: '2027-04-10' },
    ]);
    expect(reasonsFor({ busy: [{ startsOn: '2027-02-01', endsOn: '2027-02-28' }] })).toEqual([]);
  });

  it('reports every failing filter at once, each with a listed code', () => {
    const reasons = reasonsFor({
      erased: true,
      consents: [],
      residenceCountry: 'US',
      languages: [],
      availability: [],
      busy: [{ startsOn: '2027-03-10', endsOn: '2027-03-20' }],
      employers: [{ institutionId: 'inst-chu', name: 'CHU' }],
    });
    expect(reasons.map((r) => r.code)).toEqual([
      'expert.erased',
      'consent.missing',
      'residence.not_eligible',
      'language.missing',
      'availability.insufficient',
      'conflict.host_employer',
      'conflict.busy',
    ]);
    for (const r of reasons) expect(exclusionReasonCodes).toContain(r.code);
  });

  it('hands experts with the same shared reasons one frozen list, and experts with their own reasons their own', () => {
    const experts = [
      expertFixture({ id: 'a', residenceCountry: 'FR', languages: [] }),
      expertFixture({ id: 'b', residenceCountry: 'FR', languages: [] }),
      expertFixture({
        id: 'c',
        residenceCountry: 'FR',
        languages: [],
        busy: [{ startsOn: '2027-03-02', endsOn: '2027-03-03' }],
      }),
    ];
    const [a, b, c] = rankCandidates(torFixture(), experts, { today }).excluded;
    expect(a!.reasons).toBe(b!.reasons);
    expect(Object.isFrozen(a!.reasons)).toBe(true);
    expect(c!.reasons).toEqual([
      ...a!.reasons,
      { code: 'conflict.busy', startsOn: '2027-03-02', endsOn: '2027-03-03' },
    ]);
    expect(a!.reasons).toHaveLength(2);
  });
});
