/**
 * Ranking quality on the labelled evaluation set (set.json, built by build.ts; see README.md): NDCG@10 of the
 * engine, beside two baselines scored on the same set — a random order, and exact word matching of skills (the
 * ToR's words against the expert's, no vocabulary, no filters).
 */
import fs from 'node:fs';
import { normaliseText } from '../../src/modules/reference/normalise.ts';
import { rankCandidates, type ExpertCandidate, type TermsOfReference } from '../../src/matching/ranking/index.ts';
import { random } from '../roster-data.ts';

export interface EvaluationSet {
  today: string;
  tors: { tor: TermsOfReference; candidates: { relevance: number; rule: string; expert: ExpertCandidate }[] }[];
}

export function loadEvaluationSet(): EvaluationSet {
  return JSON.parse(fs.readFileSync(new URL('./set.json', import.meta.url), 'utf8')) as EvaluationSet;
}

/** Discounted cumulative gain of the first `k` relevances, gain 2^rel − 1. */
function dcg(relevances: readonly number[], k: number): number {
  return relevances.slice(0, k).reduce((sum, rel, i) => sum + (2 ** rel - 1) / Math.log2(i + 2), 0);
}

/** NDCG@k of an order (relevances in ranked order) against the ideal order of the same labels. */
export function ndcg(ranked: readonly number[], k: number): number {
  const ideal = dcg(
    [...ranked].sort((a, b) => b - a),
    k,
  );
  return ideal === 0 ? 1 : dcg(ranked, k) / ideal;
}

type Orderer = (tor: TermsOfReference, experts: ExpertCandidate[], today: string) => string[];

/** The engine's order: the ranked, then the excluded (in input order). */
const engine: Orderer = (tor, experts, today) => {
  const { ranked, excluded } = rankCandidates(tor, experts, { today });
  return [...ranked.map((r) => r.expertId), ...excluded.map((x) => x.expertId)];
};

/** Exact words: how many of the ToR's skill labels an expert wrote identically (after normalisation). */
const exactWords: Orderer = (tor, experts) => {
  const wanted = new Set(tor.skills.map((s) => normaliseText(s.label)));
  const hits = (e: ExpertCandidate) => e.skills.filter((s) => wanted.has(normaliseText(s.label))).length;
  return [...experts].sort((a, b) => hits(b) - hits(a) || (a.id < b.id ? -1 : 1)).map((e) => e.id);
};

function randomOrder(seed: number): Orderer {
  return (_tor, experts) => {
    const rnd = random(seed);
    const ids = experts.map((e) => e.id);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    return ids;
  };
}

/** Mean NDCG@k over the set's ToRs for one way of ordering, with the worst ToR. */
function meanNdcg(set: EvaluationSet, order: Orderer, k: number): { mean: number; worst: number; worstTor: string } {
  let sum = 0;
  let worst = Infinity;
  let worstTor = '';
  for (const { tor, candidates } of set.tors) {
    const relevance = new Map(candidates.map((c) => [c.expert.id, c.relevance]));
    const value = ndcg(
      order(
        tor,
        candidates.map((c) => c.expert),
        set.today,
      ).map((id) => relevance.get(id)!),
      k,
    );
    sum += value;
    if (value < worst) [worst, worstTor] = [value, tor.id];
  }
  return { mean: sum / set.tors.length, worst, worstTor };
}

/** NDCG@k of the engine and of the baselines on the evaluation set. */
export function evaluateRanking(k = 10) {
  const set = loadEvaluationSet();
  const randoms = Array.from({ length: 20 }, (_, i) => meanNdcg(set, randomOrder(1000 + i), k).mean);
  return {
    tors: set.tors.length,
    candidates: set.tors.reduce((n, t) => n + t.candidates.length, 0),
    engine: meanNdcg(set, engine, k),
    exactWords: meanNdcg(set, exactWords, k),
    random: randoms.reduce((a, b) => a + b, 0) / randoms.length,
  };
}
