/**
 * The score's components. Each has a value function (the hot path: numbers only, run for every expert that
 * passes the filters) and an explanation function (run only for the candidates returned). A value of NaN means
 * "not applicable": the ToR asks nothing the component could measure, and its weight goes to the others.
 */
import type { ComponentName, Explanation, OccupationLevel } from './codes.ts';
import { dayNumber } from './dates.ts';
import { cefrRank, type PreparedTor, type RankingContext } from './prepare.ts';
import type { ExpertCandidate } from './types.ts';

/** Years of experience at which the experience component reaches one half (then 3/4 at twice that, …). */
export const experienceHalfYears = 5;
/** Months after which a profile's freshness halves. */
export const freshnessHalfLifeMonths = 12;
/** The evaluations component when no host has evaluated the expert yet: neither a bonus nor a penalty. */
export const neutralEvaluation = 0.5;
/** Credit for a ToR sector the expert lacks but whose DAC category (first 3 digits) the expert works in. */
export const relatedSectorCredit = 0.5;

const daysPerYear = 365.2425;
const daysPerMonth = daysPerYear / 12;

/** Everything a component reads: the prepared ToR, the expert, and the window fit the filters computed. */
export interface Scoring {
  t: PreparedTor;
  e: ExpertCandidate;
  ctx: RankingContext;
  availableDays: number;
}

function skills({ t, e, ctx }: Scoring): number {
  if (t.skillKeys.length === 0) return NaN;
  const stamp = ++t.stamp;
  let matched = 0;
  for (const skill of e.skills) {
    const key = ctx.keys.of(skill);
    const i = key === null ? undefined : t.skillIndex.get(key);
    if (i !== undefined && t.skillSeen[i] !== stamp) {
      t.skillSeen[i] = stamp;
      matched += t.skillWeights[i]!;
    }
  }
  return matched / t.skillWeightTotal;
}

/** Whether two DAC purpose codes share their category (first three digits); no substring is made (hot path). */
function sameCategory(a: string, b: string): boolean {
  return (
    b.length >= 3 &&
    a.charCodeAt(0) === b.charCodeAt(0) &&
    a.charCodeAt(1) === b.charCodeAt(1) &&
    a.charCodeAt(2) === b.charCodeAt(2)
  );
}

function sectorCredit(required: string, expertSectors: readonly string[]): number {
  let credit = 0;
  for (const s of expertSectors) {
    if (s === required) return 1;
    if (s.length >= 3 && sameCategory(s, required)) credit = relatedSectorCredit;
  }
  return credit;
}

function sectors({ t, e }: Scoring): number {
  const required = t.tor.sectors;
  if (required.length === 0) return NaN;
  let total = 0;
  for (const s of required) total += sectorCredit(s, e.sectors);
  return total / required.length;
}

const occupationLevels: readonly OccupationLevel[] = ['none', 'major', 'sub_major', 'minor', 'unit'];

/** How deep two ISCO codes share their groups: 4 same unit group … 1 same major group, 0 none. */
function sharedIscoDigits(a: string, b: string): number {
  let n = 0;
  while (n < 4 && n < a.length && a[n] === b[n]) n++;
  return n;
}

function occupation({ t, e }: Scoring): number {
  if (t.tor.occupation === null) return NaN;
  if (e.occupation === null) return 0;
  return sharedIscoDigits(t.tor.occupation, e.occupation) / 4;
}

/** Fraction of the way from the minimum level to C2 (1 when the minimum is C2 itself). */
function languageHeadroom(level: string, minRank: number): number {
  const steps = cefrRank(level) - minRank;
  return minRank >= 5 ? 1 : Math.max(0, Math.min(1, steps / (5 - minRank)));
}

function languages({ t, e }: Scoring): number {
  if (t.languages.length === 0) return NaN;
  let total = 0;
  for (const required of t.languages) {
    for (const spoken of e.languages) {
      if (spoken.language === required.language) {
        total += languageHeadroom(spoken.level, required.minRank);
        break;
      }
    }
  }
  return total / t.languages.length;
}

function availability({ t, availableDays }: Scoring): number {
  return t.windowWorkingDays === 0 ? 1 : Math.min(1, availableDays / t.windowWorkingDays);
}

// Scratch for the positions' spans, reused across experts (ranking is synchronous): the hot path allocates nothing.
const spanStarts: number[] = [];
const spanEnds: number[] = [];

/** Years covered by the positions, overlaps counted once, current positions up to today. */
export function experienceYears(e: ExpertCandidate, today: number): number {
  let n = 0;
  for (const p of e.experience) {
    const from = dayNumber(p.startsOn);
    const to = Math.min(p.endsOn === null ? today : dayNumber(p.endsOn), today);
    if (to < from) continue;
    // Insertion by start: an expert lists a handful of positions.
    let j = n - 1;
    while (j >= 0 && spanStarts[j]! > from) {
      spanStarts[j + 1] = spanStarts[j]!;
      spanEnds[j + 1] = spanEnds[j]!;
      j--;
    }
    spanStarts[j + 1] = from;
    spanEnds[j + 1] = to;
    n++;
  }
  let days = 0;
  let reached = -Infinity;
  for (let i = 0; i < n; i++) {
    const to = spanEnds[i]!;
    if (to <= reached) continue;
    days += to - Math.max(spanStarts[i]! - 1, reached);
    reached = to;
  }
  return days / daysPerYear;
}

function experience({ e, ctx }: Scoring): number {
  return 1 - 2 ** (-experienceYears(e, ctx.today) / experienceHalfYears);
}

function meanEvaluation(e: ExpertCandidate): number | null {
  if (e.evaluations.length === 0) return null;
  let sum = 0;
  for (const v of e.evaluations) sum += Math.max(1, Math.min(5, v));
  return sum / e.evaluations.length;
}

function evaluations({ e }: Scoring): number {
  const mean = meanEvaluation(e);
  return mean === null ? neutralEvaluation : (mean - 1) / 4;
}

function monthsSinceUpdate(e: ExpertCandidate, today: number): number {
  return Math.max(0, today - dayNumber(e.profileUpdatedOn)) / daysPerMonth;
}

function freshness({ e, ctx }: Scoring): number {
  return 2 ** (-monthsSinceUpdate(e, ctx.today) / freshnessHalfLifeMonths);
}

/** The value functions, by component name (in `componentNames` order). */
export const componentValues: Record<ComponentName, (s: Scoring) => number> = {
  skills,
  sectors,
  occupation,
  languages,
  availability,
  experience,
  evaluations,
  freshness,
};

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** What each component found, as codes and parameters. */
export const componentExplanations: Record<ComponentName, (s: Scoring) => Explanation> = {
  skills({ t, e, ctx }) {
    if (t.skillKeys.length === 0) return { code: 'skills.not_required' };
    const held = new Set(ctx.keys.all(e.skills));
    return {
      code: 'skills.matched',
      matched: t.skillKeys.filter((k) => held.has(k)),
      missing: t.skillKeys.filter((k) => !held.has(k)),
    };
  },
  sectors({ t, e }) {
    if (t.tor.sectors.length === 0) return { code: 'sectors.not_required' };
    const credit = t.tor.sectors.map((s) => [s, sectorCredit(s, e.sectors)] as const);
    return {
      code: 'sectors.matched',
      matched: credit.filter(([, c]) => c === 1).map(([s]) => s),
      related: credit.filter(([, c]) => c > 0 && c < 1).map(([s]) => s),
      missing: credit.filter(([, c]) => c === 0).map(([s]) => s),
    };
  },
  occupation({ t, e }) {
    const required = t.tor.occupation;
    if (required === null) return { code: 'occupation.not_required' };
    if (e.occupation === null) return { code: 'occupation.unknown', required };
    const level = occupationLevels[sharedIscoDigits(required, e.occupation)]!;
    return { code: 'occupation.match', level, required, occupation: e.occupation };
  },
  languages({ t, e }) {
    if (t.languages.length === 0) return { code: 'languages.not_required' };
    return {
      code: 'languages.levels',
      languages: t.languages.map((required) => {
        const level = e.languages.find((l) => l.language === required.language)?.level ?? '';
        const stepsAbove = level ? cefrRank(level) - required.minRank : 0;
        return { language: required.language, level, minLevel: required.minLevel, stepsAbove };
      }),
    };
  },
  availability: ({ t, availableDays }) => ({
    code: 'availability.overlap',
    availableDays,
    windowDays: t.windowWorkingDays,
  }),
  experience: ({ e, ctx }) => ({ code: 'experience.years', years: round(experienceYears(e, ctx.today), 1) }),
  evaluations({ e }) {
    const mean = meanEvaluation(e);
    return mean === null
      ? { code: 'evaluations.none' }
      : { code: 'evaluations.mean', mean: round(mean, 2), count: e.evaluations.length };
  },
  freshness: ({ e, ctx }) => ({ code: 'freshness.months', months: Math.floor(monthsSinceUpdate(e, ctx.today)) }),
};
