/**
 * Ranking at scale: 100,000 seeded synthetic experts (bench/ranking-data.ts) scored for one ToR in-process by
 * `rankCandidates`, p50/p95 over BENCH_RUNS runs — on the expert list as a feeder builds it, and on the same
 * roster prepared once (`prepareRoster`, its time printed) — against two references measured in the same run:
 * - naive: the same engine called expert by expert, re-preparing the ToR and re-normalising every skill label
 *   (concept ids ignored) each time — what scoring without pre-indexing costs; it must give the same top list;
 * - filters only: the hard filters over every expert with the ToR prepared once — the floor scoring sits on.
 * Then NDCG@10 on the labelled evaluation set (bench/ranking-eval/).
 *
 * `npm run bench:ranking`. Environment: BENCH_EXPERTS (default 100000), BENCH_RUNS (default 30), BENCH_LIMIT
 * (candidates returned, default 50, as one API page).
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { applyFilters } from '../src/matching/ranking/filters.ts';
import { prepareTor, rankingContext } from '../src/matching/ranking/prepare.ts';
import { prepareRoster, rankCandidates, skillPopulation, type RankingOptions } from '../src/matching/ranking/index.ts';
import type { ExpertCandidate, RankedExpert } from '../src/matching/ranking/types.ts';
import { benchToday, benchTor, syntheticExperts } from './ranking-data.ts';
import { evaluateRanking } from './ranking-eval/ndcg.ts';

const total = Number(process.env.BENCH_EXPERTS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const limit = Number(process.env.BENCH_LIMIT ?? 50);
const naiveRuns = Math.max(3, Math.round(runs / 6));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `task` `count` times after `warmUp` untimed runs; returns the durations in ms and the peak heap. */
function measure(count: number, warmUp: number, task: () => unknown): { times: number[]; peakHeap: number } {
  for (let i = 0; i < warmUp; i++) task();
  const times: number[] = [];
  let peakHeap = 0;
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  return { times, peakHeap };
}

/** The naive reference: one engine call per expert, labels re-normalised, then merged and sorted. */
function naiveRank(experts: readonly ExpertCandidate[], options: RankingOptions): RankedExpert[] {
  const ranked: RankedExpert[] = [];
  for (const expert of experts) {
    const words = { ...expert, skills: expert.skills.map((s) => ({ label: s.label, conceptId: null })) };
    ranked.push(...rankCandidates(benchTor, [words], { ...options, limit: undefined }).ranked);
  }
  ranked.sort((a, b) => b.score - a.score || (a.expertId < b.expertId ? -1 : 1));
  return ranked.slice(0, limit);
}

function filtersOnly(experts: readonly ExpertCandidate[], options: RankingOptions): number {
  const ctx = rankingContext(options);
  const t = prepareTor(benchTor, ctx);
  let passed = 0;
  for (const e of experts) if (applyFilters(t, e) === null) passed++;
  return passed;
}

const row = (label: string, times: number[]) =>
  `${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95)
    .toFixed(1)
    .padStart(7)} ms   (${times.length} runs)`;

const loadBefore = os.loadavg()[0]!;
console.log(
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${loadBefore.toFixed(1)}`,
);
const heapBefore = process.memoryUsage().heapUsed;
let start = performance.now();
const experts = syntheticExperts(total);
console.log(
  `Generated ${total.toLocaleString('en')} experts in ${((performance.now() - start) / 1000).toFixed(1)} s; ` +
    `heap +${mb(process.memoryUsage().heapUsed - heapBefore)}`,
);
start = performance.now();
const population = skillPopulation(experts);
console.log(
  `Skill statistics (${population.holders.size} keys) in ${(performance.now() - start).toFixed(0)} ms (input, not timed below)`,
);

const options: RankingOptions = { today: benchToday, population, limit, excludedLimit: limit };
const result = rankCandidates(benchTor, experts, options);
console.log(
  `Ranked ${total - result.excludedTotal}, excluded ${result.excludedTotal}; best ${result.ranked[0]?.score.toFixed(3)}; ` +
    `reasons: ${Object.entries(result.excludedByReason)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ')}`,
);

const preparations: number[] = [];
let roster = prepareRoster(experts);
for (let i = 0; i < 5; i++) {
  start = performance.now();
  roster = prepareRoster(experts);
  preparations.push(performance.now() - start);
}
const sameOnRoster =
  JSON.stringify(rankCandidates(benchTor, roster, options)) ===
  JSON.stringify(rankCandidates(benchTor, experts, options));

const heapBaseline = process.memoryUsage().heapUsed;
const engine = measure(runs, 3, () => rankCandidates(benchTor, roster, options));
const plain = measure(runs, 3, () => rankCandidates(benchTor, experts, options));
const everyone = measure(Math.max(5, Math.round(runs / 3)), 1, () =>
  rankCandidates(benchTor, roster, { ...options, limit: undefined, excludedLimit: undefined }),
);
const filters = measure(runs, 3, () => filtersOnly(experts, options));
let naiveTop: RankedExpert[] = [];
const naive = measure(naiveRuns, 1, () => (naiveTop = naiveRank(experts, options)));
const same =
  naiveTop.length === result.ranked.length &&
  naiveTop.every((r, i) => r.expertId === result.ranked[i]!.expertId && r.score === result.ranked[i]!.score);

console.log('');
console.log(row(`engine, prepared roster, top ${limit}`, engine.times));
console.log(row(`engine, expert list, top ${limit}`, plain.times));
console.log(row('engine, prepared, everyone listed', everyone.times));
console.log(
  row('prepareRoster (once per roster)', preparations) + ` — same result as the list: ${sameOnRoster ? 'yes' : 'NO'}`,
);
console.log(row('filters only (reference)', filters.times));
console.log(row('naive per-expert (baseline)', naive.times));
console.log(
  `engine (prepared) p50 ÷ naive p50: ${(percentile(engine.times, 50) / percentile(naive.times, 50)).toFixed(3)}; ` +
    `expert list p50 ÷ naive p50: ${(percentile(plain.times, 50) / percentile(naive.times, 50)).toFixed(3)}; ` +
    `naive gives the same top ${limit}: ${same ? 'yes' : 'NO'}`,
);
console.log(
  `Target p95 < 100 ms: prepared roster ${percentile(engine.times, 95) < 100 ? 'met' : 'MISSED'}, ` +
    `expert list ${percentile(plain.times, 95) < 100 ? 'met' : 'MISSED'}. ` +
    `Peak heap during engine runs ${mb(engine.peakHeap)} (+${mb(engine.peakHeap - heapBaseline)} over the data set); ` +
    `peak RSS of the process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);

const quality = evaluateRanking(10);
console.log('');
console.log(`NDCG@10 on the evaluation set (${quality.tors} ToRs, ${quality.candidates} labelled candidates):`);
console.log(
  `  engine ${quality.engine.mean.toFixed(3)} (worst ${quality.engine.worst.toFixed(3)}, ${quality.engine.worstTor})`,
);
console.log(`  exact words, no vocabulary ${quality.exactWords.mean.toFixed(3)}`);
console.log(`  random order ${quality.random.toFixed(3)}`);
console.log(`Load average (1 min): ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`);
