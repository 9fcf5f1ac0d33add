/**
 * The ranking context (settings resolved once per ranking) and the pre-indexed ToR: everything about the ToR that
 * does not depend on the expert is computed here once, so the per-expert work is look-ups and integer arithmetic.
 */
import { normaliseText } from '../../modules/reference/normalise.ts';
import type { ExclusionReason } from './codes.ts';
import { ReasonCollector, type SharedReason } from './reasons.ts';
import { dayNumber, workingDaysBetween } from './dates.ts';
import { rarityWeight, SkillKeys } from './skills.ts';
import type { CefrLevel, RankingOptions, SkillPopulation, TermsOfReference, Weights } from './types.ts';
import { resolveWeights } from './weights.ts';

/** CEFR levels in order: a level's index is its rank. */
export const cefrOrder: readonly CefrLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** The rank of a CEFR level (A1 = 0 … C2 = 5), -1 for anything else. Arithmetic on the two characters: hot path. */
export function cefrRank(level: string): number {
  const letter = level.charCodeAt(0) - 65; // A, B, C → 0, 1, 2
  const digit = level.charCodeAt(1) - 49; // 1, 2 → 0, 1
  return level.length === 2 && letter >= 0 && letter <= 2 && (digit === 0 || digit === 1) ? letter * 2 + digit : -1;
}

/** Settings shared by every ToR and expert of one ranking, and the caches that make repeated words cheap. */
export interface RankingContext {
  weights: Weights;
  population: SkillPopulation | undefined;
  keys: SkillKeys;
  today: number;
}

/** Resolves the options of one ranking. Throws `WeightsError` for invalid weights, `RangeError` for a bad date. */
export function rankingContext(options: RankingOptions): RankingContext {
  return {
    weights: resolveWeights(options.weights),
    population: options.population,
    keys: new SkillKeys(options.vocabulary),
    today: dayNumber(options.today),
  };
}

/** A ToR pre-indexed for scoring many experts. */
export interface PreparedTor {
  tor: TermsOfReference;
  /** Required skill keys with their rarity weights; `skillIndex` maps a key to its position. */
  skillKeys: string[];
  skillWeights: Float64Array;
  skillWeightTotal: number;
  skillIndex: Map<string, number>;
  /** Per required skill, the last expert (stamp) that matched it, so a skill written twice counts once. */
  skillSeen: Int32Array;
  stamp: number;
  languages: { language: string; minLevel: CefrLevel; minRank: number }[];
  first: number;
  last: number;
  windowWorkingDays: number;
  /** On-site and hybrid missions need the expert to travel: only on-site windows count for them. */
  onSite: boolean;
  eligible: Set<string> | null;
  hostNames: Set<string>;
  /** Working days the last expert filtered can give in the window (read by the availability component). */
  availableDays: number;
  /** Reasons that depend only on the ToR and a few values, built once and shared by every expert they exclude. */
  shared: SharedReasons;
  reasons: ReasonCollector;
}

/**
 * Most experts a ToR excludes fail for the same few reasons (language below the minimum, too few days, residence
 * outside the programme's countries): one frozen object per distinct reason, rather than one per expert, keeps
 * the allocation of a 100,000-expert ranking small.
 */
export interface SharedReasons {
  erased: SharedReason;
  consentMissing: SharedReason;
  residenceUnknown: SharedReason;
  residence: Map<string, SharedReason>;
  /** The programme's countries, as the residence reasons list them. */
  eligible: readonly string[];
  /** Per required language: missing, then below the minimum by level rank. */
  languageMissing: SharedReason[];
  languageBelow: SharedReason[][];
  modality: SharedReason;
  /** By available days, 0 … required − 1. */
  insufficient: SharedReason[];
}

function sharedReasons(
  tor: TermsOfReference,
  languages: PreparedTor['languages'],
  onSite: boolean,
  collector: ReasonCollector,
): SharedReasons {
  const eligible = Object.freeze([...tor.eligibleResidenceCountries]) as string[];
  const make = (reason: ExclusionReason) => collector.make(reason);
  return {
    erased: make({ code: 'expert.erased' }),
    consentMissing: make({ code: 'consent.missing' }),
    residenceUnknown: make({ code: 'residence.unknown', eligible }),
    residence: new Map(),
    eligible,
    languageMissing: languages.map((l) =>
      make({ code: 'language.missing', language: l.language, minLevel: l.minLevel }),
    ),
    languageBelow: languages.map((l) =>
      cefrOrder.map((level) =>
        make({ code: 'language.below_minimum', language: l.language, level, minLevel: l.minLevel }),
      ),
    ),
    modality: make({
      code: onSite ? 'modality.no_on_site_availability' : 'modality.no_online_availability',
      modality: tor.modality,
    }),
    insufficient: Array.from({ length: Math.max(0, tor.workingDays) }, (_, days) =>
      make({ code: 'availability.insufficient', availableDays: days, requiredDays: tor.workingDays }),
    ),
  };
}

/** The shared `residence.not_eligible` reason for a country. */
export function residenceReason(t: PreparedTor, country: string): SharedReason {
  let reason = t.shared.residence.get(country);
  if (!reason) {
    reason = t.reasons.make({ code: 'residence.not_eligible', country, eligible: t.shared.eligible as string[] });
    t.shared.residence.set(country, reason);
  }
  return reason;
}

/** Pre-indexes a ToR for one ranking. */
export function prepareTor(tor: TermsOfReference, ctx: RankingContext): PreparedTor {
  const skillKeys = ctx.keys.all(tor.skills);
  const skillWeights = Float64Array.from(skillKeys, (key) => rarityWeight(key, ctx.population));
  const first = dayNumber(tor.windowStartsOn);
  const last = dayNumber(tor.windowEndsOn);
  const languages = tor.languages.map((l) => ({
    language: l.language,
    minLevel: l.minLevel,
    minRank: cefrRank(l.minLevel),
  }));
  const onSite = tor.modality !== 'online';
  const reasons = new ReasonCollector();
  return {
    tor,
    skillKeys,
    skillWeights,
    skillWeightTotal: skillWeights.reduce((a, b) => a + b, 0),
    skillIndex: new Map(skillKeys.map((key, i) => [key, i])),
    skillSeen: new Int32Array(skillKeys.length).fill(-1),
    stamp: 0,
    languages,
    first,
    last,
    windowWorkingDays: workingDaysBetween(first, last),
    onSite,
    eligible: tor.eligibleResidenceCountries.length > 0 ? new Set(tor.eligibleResidenceCountries) : null,
    hostNames: new Set(tor.host.names.map(normaliseText).filter(Boolean)),
    availableDays: 0,
    shared: sharedReasons(tor, languages, onSite, reasons),
    reasons,
  };
}

/** Employer names remembered before the memo starts again: bounds its memory. */
const employerMemoLimit = 200_000;
// Shared by every ranking of the process: normalising is pure, and the same employers recur across requests.
const employerNames = new Map<string, string>();

/** The normalised form of an employer's name, remembered. */
export function employerKey(name: string): string {
  let key = employerNames.get(name);
  if (key === undefined) {
    key = normaliseText(name);
    if (employerNames.size >= employerMemoLimit) employerNames.clear();
    employerNames.set(name, key);
  }
  return key;
}
