/**
 * Builds set.json, the labelled evaluation set of the ranking (README.md): for each hand-written ToR (tors.ts),
 * 30 candidate experts drawn from five profiles, and a graded relevance 0–3 given by the rubric below. The
 * rubric reads the generator's ground truth (which concepts an expert *has*, whatever words they used; which hard
 * criterion they fail), never the scorer's output or its vocabulary look-ups.
 *
 * `npx tsx bench/ranking-eval/build.ts && npx prettier --write bench/ranking-eval/set.json` (seeded: the same
 * file every time).
 */
import fs from 'node:fs';
import { iscoGroups } from '../../src/modules/reference/data/isco.ts';
import { sectors as dacSectors } from '../../src/modules/reference/data/sectors.ts';
import { findSkillConcept } from '../../src/modules/reference/skills.ts';
import type { CefrLevel, ExpertCandidate, TermsOfReference } from '../../src/matching/ranking/index.ts';
import { random } from '../roster-data.ts';
import { evalTors, genericSkills, type EvalTorSpec } from './tors.ts';

const today = '2027-01-15';
const levels: CefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const eligible = ['NL', 'BE', 'FR', 'DE', 'ES'];
const rnd = random(5150);
const dacCodes = dacSectors.map((s) => s.code);
const iscoUnits = iscoGroups.map((g) => g.code).filter((c) => c.length === 4);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const between = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));

/** What the generator knows about a candidate, which the rubric judges. */
interface Facts {
  profile: 'A' | 'B' | 'C' | 'D' | 'E';
  coreHeld: number;
  coreTotal: number;
  relatedHeld: number;
  sameSector: boolean;
  sameSectorCategory: boolean;
  years: number;
  blocked: string | null;
}

/**
 * The rubric, as a programme officer would grade a CV against the ToR: 0 when the expert cannot take the
 * mission (a hard criterion fails) or works in another field; 3 when they have every core skill, in the ToR's
 * sector, with at least 5 years of experience; 2 with at least half the core skills (or all of them without the
 * sector or the years); 1 with one core skill, or the neighbouring skills of the field in its sector category.
 */
function judge(f: Facts): { relevance: number; rule: string } {
  if (f.blocked) return { relevance: 0, rule: `cannot take the mission: ${f.blocked}` };
  const share = f.coreHeld / f.coreTotal;
  if (share === 1 && f.sameSector && f.years >= 5)
    return { relevance: 3, rule: 'all core skills, same sector, ≥ 5 years' };
  if (share >= 0.5)
    return {
      relevance: 2,
      rule: share === 1 ? 'all core skills, sector or years short' : 'half the core skills or more',
    };
  if (share > 0) return { relevance: 1, rule: 'one core skill' };
  if (f.relatedHeld > 0 && f.sameSectorCategory) return { relevance: 1, rule: 'neighbouring skills of the field' };
  return { relevance: 0, rule: 'another field' };
}

/** How an expert writes a skill they have: a vocabulary term in some language (as picked from suggestions), or a paraphrase. */
function written(key: string, paraphrases: readonly string[] = []): string {
  const concept = findSkillConcept(key);
  if (!concept) throw new Error(`Unknown concept ${key}`);
  if (paraphrases.length > 0 && rnd() < 0.3) return pick(paraphrases);
  const locale = pick(['fr', 'en', 'nl', 'ar'] as const);
  return pick([concept.labels[locale], ...(concept.synonyms[locale] ?? [])]);
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const raise = (level: CefrLevel, steps: number) => levels[Math.max(0, Math.min(5, levels.indexOf(level) + steps))]!;

function torOf(spec: EvalTorSpec, index: number): TermsOfReference {
  const start = dayOf('2027-02-01') + index * 14;
  return {
    id: spec.id,
    skills: Object.keys(spec.core).map((key) => ({ label: findSkillConcept(key)!.labels.fr, conceptId: null })),
    sectors: spec.sectors,
    occupation: spec.occupation,
    languages: spec.languages,
    modality: spec.modality,
    windowStartsOn: iso(start),
    windowEndsOn: iso(start + 59),
    workingDays: 15,
    eligibleResidenceCountries: eligible,
    host: { institutionId: `host-${spec.id}`, names: [`Hôte ${spec.id}`] },
  };
}

const blockers = ['language', 'availability', 'residence', 'host', 'consent', 'busy'] as const;

function candidate(
  spec: EvalTorSpec,
  tor: TermsOfReference,
  n: number,
  profile: Facts['profile'],
  others: EvalTorSpec[],
) {
  const coreKeys = Object.keys(spec.core);
  const base = profile === 'E' ? pick(['A', 'B'] as const) : profile;
  const core = base === 'A' ? coreKeys : base === 'B' ? coreKeys.slice(0, between(1, coreKeys.length - 1)) : [];
  const related = base === 'D' ? [] : spec.related.filter(() => rnd() < (base === 'C' ? 0.7 : 0.4));
  if (base === 'C' && related.length === 0) related.push(spec.related[0]!);
  const other = pick(others.filter((o) => o.id !== spec.id));
  const foreign = base === 'D' ? Object.keys(other.core).filter(() => rnd() < 0.7) : [];
  const skills = [
    ...core.map((k) => written(k, spec.core[k])),
    ...related.map((k) => written(k)),
    ...foreign.map((k) => written(k, other.core[k])),
    ...genericSkills.filter(() => rnd() < 0.3).map((k) => written(k)),
  ];
  // Another code of the ToR's DAC category: the same field, not the same sector.
  const neighbours = dacCodes.filter((c) => c.startsWith(spec.sectors[0]!.slice(0, 3)) && !spec.sectors.includes(c));
  const sector =
    base === 'D'
      ? pick(other.sectors)
      : (base === 'C' || rnd() < 0.2) && neighbours.length > 0
        ? pick(neighbours)
        : spec.sectors[0]!;
  const sectors = [sector];
  // A: the ToR's occupation; B: another unit group of its minor group when there is one; C: of its sub-major group.
  const near = (digits: number) => {
    const group = iscoUnits.filter((c) => c.startsWith(spec.occupation.slice(0, digits)) && c !== spec.occupation);
    return group.length > 0 ? pick(group) : spec.occupation;
  };
  const occupation =
    base === 'A' ? spec.occupation : base === 'B' ? near(3) : base === 'C' ? near(2) : other.occupation;
  const years = base === 'D' ? between(8, 30) : base === 'A' ? between(3, 25) : between(2, 20);
  const blocked = profile === 'E' ? pick(blockers) : null;
  const languages = spec.languages.map((l) => ({
    language: l.language,
    level: blocked === 'language' ? raise(l.minLevel, -1) : raise(l.minLevel, between(0, 2)),
  }));
  languages.push({ language: 'nl', level: pick(levels) });
  const windowStart = dayOf(tor.windowStartsOn);
  const availability =
    blocked === 'availability'
      ? [{ startsOn: iso(windowStart + 70), endsOn: iso(windowStart + 150), onSite: true, online: true }]
      : [
          {
            startsOn: iso(windowStart - between(0, 30)),
            endsOn: iso(windowStart + between(30, 90)),
            onSite: true,
            online: true,
          },
        ];
  const expert: ExpertCandidate = {
    id: `${spec.id}-c${String(n).padStart(2, '0')}`,
    erased: false,
    residenceCountry: blocked === 'residence' ? pick(['US', 'MA', 'CA']) : pick(eligible),
    occupation,
    sectors,
    languages,
    skills: skills.map((label) => ({ label, conceptId: null })),
    availability,
    busy: blocked === 'busy' ? [{ startsOn: iso(windowStart + 10), endsOn: iso(windowStart + 40) }] : [],
    employers: [{ institutionId: null, name: blocked === 'host' ? `Hôte ${spec.id}` : `Employeur ${between(1, 40)}` }],
    consents: [{ purpose: 'processing', withdrawnAt: blocked === 'consent' ? '2026-10-01T08:00:00Z' : null }],
    experience: [{ startsOn: `${2027 - years}-01-10`, endsOn: null }],
    evaluations: rnd() < 0.3 ? [between(2, 5)] : [],
    profileUpdatedOn: iso(dayOf(today) - between(0, base === 'D' ? 200 : 900)),
  };
  const facts: Facts = {
    profile,
    coreHeld: core.length,
    coreTotal: coreKeys.length,
    relatedHeld: related.length,
    sameSector: spec.sectors.includes(sectors[0]!),
    sameSectorCategory: spec.sectors.some((s) => s.slice(0, 3) === sectors[0]!.slice(0, 3)),
    years,
    blocked,
  };
  return { ...judge(facts), profile, expert };
}

const profiles: Facts['profile'][] = [
  ...Array<'A'>(5).fill('A'),
  ...Array<'B'>(7).fill('B'),
  ...Array<'C'>(6).fill('C'),
  ...Array<'D'>(7).fill('D'),
  ...Array<'E'>(5).fill('E'),
];

const set = {
  description: 'Labelled evaluation set of the ranking; see README.md. Built by build.ts (seeded).',
  today,
  tors: evalTors.map((spec, i) => {
    const tor = torOf(spec, i);
    return {
      title: spec.title,
      tor,
      candidates: profiles.map((profile, n) => candidate(spec, tor, n, profile, evalTors)),
    };
  }),
};
fs.writeFileSync(new URL('./set.json', import.meta.url), JSON.stringify(set) + '\n');
const grades = set.tors.flatMap((t) => t.candidates.map((c) => c.relevance));
console.log(
  `${set.tors.length} ToRs, ${grades.length} candidates; relevance ${[0, 1, 2, 3].map((g) => `${g}: ${grades.filter((x) => x === g).length}`).join(', ')}`,
);
