/**
 * Synthetic experts and a ToR for the ranking benchmark: seeded, so every run scores the same roster. Skills are
 * drawn from the built-in vocabulary with a skewed popularity (a few skills are common, most are rare); most carry
 * their concept key (as expert_skills rows do once matched), the others are the words typed in one of the four
 * languages, or words no concept knows, so the ranking's label mapping is exercised.
 */
import { builtInSkillConcepts } from '../src/modules/reference/skills.ts';
import type { CefrLevel, ExpertCandidate, SkillInput, TermsOfReference } from '../src/matching/ranking/index.ts';
import { random } from './roster-data.ts';

const levels: CefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const residences = ['NL', 'NL', 'NL', 'NL', 'BE', 'BE', 'FR', 'FR', 'DE', 'CA', 'ES', 'IT'];
const occupations = [
  '1342',
  '1343',
  '1349',
  '1211',
  '1213',
  '2211',
  '2212',
  '2221',
  '2310',
  '2320',
  '2421',
  '2422',
  '2423',
  '2431',
  '2511',
  '2512',
  '2522',
  '2529',
  '2142',
  '2143',
  '2144',
  '2151',
  '2131',
  '2132',
  '2133',
  '2413',
  '2411',
  '2611',
  '2631',
  '2632',
  '2634',
  '2263',
  '3343',
  '1223',
];
const sectors = [
  '12110',
  '12191',
  '12220',
  '12261',
  '11420',
  '11330',
  '11110',
  '15110',
  '15111',
  '15112',
  '22040',
  '31120',
  '31140',
  '14020',
  '14030',
  '23210',
  '23230',
  '25010',
  '25030',
  '24030',
  '32130',
  '33210',
  '15190',
  '16020',
  '41010',
  '43010',
  '16010',
  '15130',
];
const employers = Array.from({ length: 300 }, (_, i) => `Organisation ${i} B.V.`);
const unknownSkills = ['tuinieren', 'échecs', 'photographie de paysage', 'marathon', 'origami', 'chant choral'];

/** The ToR scored in the benchmark: hospital management in Morocco, asked in French words without concepts. */
export const benchTor: TermsOfReference = {
  id: 'CD4D-2027-001',
  skills: [
    { label: 'gestion hospitalière', conceptId: null },
    { label: "systèmes d'information sanitaire", conceptId: null },
    { label: 'qualité des soins', conceptId: null },
  ],
  sectors: ['12110', '12191'],
  occupation: '1342',
  languages: [
    { language: 'fr', minLevel: 'B2' },
    { language: 'ar', minLevel: 'B1' },
  ],
  modality: 'hybrid',
  windowStartsOn: '2027-03-01',
  windowEndsOn: '2027-05-31',
  workingDays: 15,
  eligibleResidenceCountries: ['NL', 'BE', 'FR', 'DE'],
  host: { institutionId: 'host-chu', names: ['CHU Ibn Rochd', 'Organisation 7 B.V.'] },
};

export const benchToday = '2027-01-15';

function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const day2027 = Date.parse('2027-01-01T00:00:00Z') / 86_400_000;

/** `count` experts, generated from `seed`. */
export function syntheticExperts(count: number, seed = 20270101): ExpertCandidate[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const concepts = builtInSkillConcepts();
  const locales = ['fr', 'en', 'nl', 'ar'] as const;
  // Skewed popularity: rnd()² leans to the vocabulary's first concepts.
  const skill = (): SkillInput => {
    const concept = concepts[Math.floor(rnd() ** 2 * concepts.length)]!;
    const r = rnd();
    if (r < 0.75) return { label: concept.labels.fr, conceptId: concept.key };
    if (r < 0.95) {
      const locale = pick(locales);
      return { label: pick([concept.labels[locale], ...(concept.synonyms[locale] ?? [])]), conceptId: null };
    }
    return { label: pick(unknownSkills), conceptId: null };
  };
  const experts: ExpertCandidate[] = [];
  for (let i = 0; i < count; i++) {
    const languages: ExpertCandidate['languages'][number][] = [
      { language: 'fr', level: levels[1 + Math.floor(rnd() * 5)]! },
    ];
    if (rnd() < 0.8) languages.push({ language: 'ar', level: pick(levels) });
    if (rnd() < 0.6) languages.push({ language: 'nl', level: pick(levels) });
    if (rnd() < 0.7) languages.push({ language: 'en', level: pick(levels) });
    const availability = Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => {
      const start = day2027 + Math.floor(rnd() * 330);
      return {
        startsOn: isoDate(start),
        endsOn: isoDate(start + 7 + Math.floor(rnd() * 90)),
        onSite: rnd() < 0.7,
        online: rnd() < 0.8,
      };
    });
    const busyStart = day2027 + Math.floor(rnd() * 330);
    const careerStart = 1985 + Math.floor(rnd() * 38);
    const r = rnd();
    experts.push({
      id: `exp-${String(i).padStart(6, '0')}`,
      erased: rnd() < 0.01,
      residenceCountry: rnd() < 0.03 ? null : pick(residences),
      occupation: rnd() < 0.1 ? null : pick(occupations),
      sectors: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(sectors)),
      languages,
      skills: Array.from({ length: 3 + Math.floor(rnd() * 6) }, skill),
      availability,
      busy: rnd() < 0.1 ? [{ startsOn: isoDate(busyStart), endsOn: isoDate(busyStart + 14) }] : [],
      employers: [{ institutionId: null, name: pick(employers) }],
      consents: [{ purpose: 'processing', withdrawnAt: r < 0.02 ? '2026-06-01T09:00:00Z' : null }],
      experience: [
        { startsOn: `${careerStart}-09-01`, endsOn: `${Math.min(careerStart + 6, 2026)}-08-31` },
        { startsOn: `${Math.min(careerStart + 5, 2026)}-09-01`, endsOn: null },
      ],
      evaluations:
        rnd() < 0.3 ? Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => 1 + Math.floor(rnd() * 5)) : [],
      profileUpdatedOn: isoDate(day2027 - Math.floor(rnd() * 1000)),
    });
  }
  return experts;
}
