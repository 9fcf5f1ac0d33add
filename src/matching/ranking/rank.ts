/**
 * `rankCandidates` (experts for a ToR) and `rankCallsForExpert` (ToRs for an expert): one engine, two directions.
 * Scoring runs in two passes: every expert that passes the filters gets a score (numbers only), then only the
 * candidates returned get their components and explanations built.
 */
import { componentNames } from './codes.ts';
import { componentExplanations, componentValues, type Scoring } from './components.ts';
import { applyFilters } from './filters.ts';
import { applyRosterFilters, rosterView, type PreparedRoster } from './roster.ts';
import { prepareTor, rankingContext, type PreparedTor, type RankingContext } from './prepare.ts';
import { best, reserve, scratch } from './select.ts';
import type {
  CallRanking,
  CandidateRanking,
  ExpertCandidate,
  RankingOptions,
  ScoreComponent,
  TermsOfReference,
} from './types.ts';

const componentCount = componentNames.length;
const values = new Float64Array(componentCount);
const valueFunctions = componentNames.map((name) => componentValues[name]);

/**
 * The weighted mean of the applicable components (NaN values are not applicable), in [0, 1]; leaves the values in
 * `values`. 0 when no applicable component has weight.
 */
function scoreOf(s: Scoring): number {
  const weights = s.ctx.weights;
  let sum = 0;
  let weightSum = 0;
  for (let i = 0; i < componentCount; i++) {
    const v = valueFunctions[i]!(s);
    values[i] = v;
    if (v === v) {
      const w = weights[componentNames[i]!];
      sum += w * v;
      weightSum += w;
    }
  }
  return weightSum > 0 ? Math.min(1, Math.max(0, sum / weightSum)) : 0;
}

/** The components of a scored pair, with the weights actually applied and the explanations. */
function describe(s: Scoring): ScoreComponent[] {
  scoreOf(s);
  let weightSum = 0;
  for (let i = 0; i < componentCount; i++) if (values[i] === values[i]) weightSum += s.ctx.weights[componentNames[i]!];
  return componentNames.map((name, i) => {
    const v = values[i]!;
    const applicable = v === v;
    return {
      name,
      value: applicable ? v : 0,
      weight: applicable && weightSum > 0 ? s.ctx.weights[name] / weightSum : 0,
      explanation: componentExplanations[name](s),
    };
  });
}

/** The scoring of an expert who passed the filters just applied. */
function scoringOf(t: PreparedTor, e: ExpertCandidate, ctx: RankingContext): Scoring {
  return { t, e, ctx, availableDays: t.availableDays };
}

/**
 * Ranks experts for a ToR: the hard filters exclude (with every reason), the others are scored in [0, 1] and
 * sorted by score, then by expert id. `options.limit` bounds the ranked list and `options.excludedLimit` the
 * excluded list; the exclusion totals always count everyone.
 * `experts` may be a `prepareRoster` result, for a roster kept in memory across rankings: same result, faster.
 * Throws `WeightsError` for invalid weight overrides and `RangeError` for a malformed date.
 */
export function rankCandidates(
  tor: TermsOfReference,
  experts: readonly ExpertCandidate[] | PreparedRoster,
  options: RankingOptions,
): CandidateRanking {
  const ctx = rankingContext(options);
  const t = prepareTor(tor, ctx);
  const prepared = 'kind' in experts;
  const list = prepared ? experts.experts : experts;
  const view = prepared ? rosterView(t, experts) : null;
  const n = list.length;
  reserve(n);
  const { passed, scores, days } = scratch;
  const excludedLimit = options.excludedLimit ?? n;
  const excluded: CandidateRanking['excluded'] = [];
  // One scoring record, refilled per expert: the components only read it.
  const scoring = scoringOf(t, list[0]!, ctx);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const expert = list[i]!;
    const reasons = view ? applyRosterFilters(t, view, i) : applyFilters(t, expert);
    if (reasons) {
      if (excluded.length < excludedLimit) excluded.push({ expertId: expert.id, reasons });
      continue;
    }
    scoring.e = expert;
    scoring.availableDays = t.availableDays;
    passed[count] = i;
    days[count] = t.availableDays;
    scores[count] = scoreOf(scoring);
    count++;
  }
  const { total, byReason } = t.reasons.tally();
  const chosen = best(count, options.limit ?? count, (k) => list[passed[k]!]!.id);
  return {
    ranked: chosen.map((k) => {
      const expert = list[passed[k]!]!;
      const components = describe({ t, e: expert, ctx, availableDays: days[k]! });
      return { expertId: expert.id, score: scores[k]!, components, explanation: components.map((c) => c.explanation) };
    }),
    excluded,
    excludedTotal: total,
    excludedByReason: byReason,
  };
}

/** Higher score first, then the id in code-unit order: the same input always gives the same order. */
function byScoreThenId<T extends { score: number; id: string }>(a: T, b: T): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Ranks open calls for one expert ("calls for you", the daily alerts): the same filters and score as
 * `rankCandidates`, so a pair scores the same from either side given the same options.
 */
export function rankCallsForExpert(
  expert: ExpertCandidate,
  tors: readonly TermsOfReference[],
  options: RankingOptions,
): CallRanking {
  const ctx = rankingContext(options);
  const scored: { score: number; id: string; scoring: Scoring }[] = [];
  const excluded: CallRanking['excluded'] = [];
  for (const tor of tors) {
    const t = prepareTor(tor, ctx);
    const reasons = applyFilters(t, expert);
    if (reasons) excluded.push({ torId: tor.id, reasons });
    else {
      const scoring = scoringOf(t, expert, ctx);
      scored.push({ score: scoreOf(scoring), id: tor.id, scoring });
    }
  }
  scored.sort(byScoreThenId);
  const kept = options.limit === undefined ? scored : scored.slice(0, Math.max(0, options.limit));
  return {
    ranked: kept.map(({ score, id, scoring }) => {
      const components = describe(scoring);
      return { torId: id, score, components, explanation: components.map((c) => c.explanation) };
    }),
    excluded,
  };
}
