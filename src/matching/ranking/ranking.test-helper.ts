/** A ToR and an expert who passes every filter of it, for tests to vary one field at a time. */
import type { ExpertCandidate, TermsOfReference } from './types.ts';

export const today = '2027-01-15';

/** March 2027: Monday 1st to Wednesday 31st, 23 working days; the mission needs 10. */
export function torFixture(overrides: Partial<TermsOfReference> = {}): TermsOfReference {
  return {
    id: 'tor-1',
    skills: [{ label: 'gestion hospitalière', conceptId: 'hospital-management' }],
    sectors: ['12110'],
    occupation: '1342',
    languages: [{ language: 'fr', minLevel: 'B2' }],
    modality: 'on_site',
    windowStartsOn: '2027-03-01',
    windowEndsOn: '2027-03-31',
    workingDays: 10,
    eligibleResidenceCountries: ['NL', 'BE'],
    host: { institutionId: 'inst-chu', names: ['CHU Ibn Rochd', 'المركز الاستشفائي الجامعي ابن رشد'] },
    ...overrides,
  };
}

export function expertFixture(overrides: Partial<ExpertCandidate> = {}): ExpertCandidate {
  return {
    id: 'exp-1',
    erased: false,
    residenceCountry: 'NL',
    occupation: '1342',
    sectors: ['12110'],
    languages: [
      { language: 'fr', level: 'B2' },
      { language: 'nl', level: 'C2' },
    ],
    skills: [{ label: 'hospital management', conceptId: 'hospital-management' }],
    availability: [{ startsOn: '2027-03-01', endsOn: '2027-03-31', onSite: true, online: true }],
    busy: [],
    employers: [{ institutionId: null, name: 'Erasmus MC' }],
    consents: [{ purpose: 'processing', withdrawnAt: null }],
    experience: [{ startsOn: '2015-01-15', endsOn: null }],
    evaluations: [],
    profileUpdatedOn: today,
    ...overrides,
  };
}
