// Seeded synthetic allocation rounds for the benchmarks: (a) a large ordinary round, (b) heavy competition.
import type { AllocationEdge, AllocationInstance } from '../src/matching/allocation/index.ts';

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct integers from [from, from + range), by rejection (count is small beside range). */
function distinct(random: () => number, count: number, from: number, range: number, taken: Set<number>): number[] {
  const picked: number[] = [];
  while (picked.length < count) {
    const value = from + Math.floor(random() * range);
    if (taken.has(value)) continue;
    taken.add(value);
    picked.push(value);
  }
  return picked;
}

/** Scores with 4 decimals, as a ranking would round them: ties happen. */
function score(random: () => number, low: number, high: number): number {
  return Math.round((low + random() * (high - low)) * 10_000) / 10_000;
}

/**
 * Instance (a): 10,000 experts (capacity 1, one in ten 2), 1,000 ToRs with 1–3 slots and 50 candidate experts each
 * drawn uniformly (50,000 edges), scores uniform in [0, 1].
 */
export function ordinaryRound(seed = 1): AllocationInstance {
  const random = seededRandom(seed);
  const experts = Array.from({ length: 10_000 }, (_, e) => ({ id: `e${e}`, capacity: random() < 0.1 ? 2 : 1 }));
  const assignments = Array.from({ length: 1_000 }, (_, a) => ({ id: `a${a}`, slots: 1 + Math.floor(random() * 3) }));
  const edges: AllocationEdge[] = [];
  for (let a = 0; a < assignments.length; a++)
    for (const e of distinct(random, 50, 0, experts.length, new Set()))
      edges.push({ expert: `e${e}`, assignment: `a${a}`, score: score(random, 0, 1) });
  return { experts, assignments, edges, locked: [], excluded: [] };
}

/**
 * Instance (b), heavy competition: 10,000 experts of whom 1,500 are sought after, 10,000 single-slot ToRs with 50
 * candidates each: 45 among the sought-after (scores 0.5–1) and 5 among the others (scores 0–0.7); 500,000 edges.
 */
export function competitiveRound(seed = 2): AllocationInstance {
  const random = seededRandom(seed);
  const sought = 1_500;
  const experts = Array.from({ length: 10_000 }, (_, e) => ({ id: `e${e}`, capacity: 1 }));
  const assignments = Array.from({ length: 10_000 }, (_, a) => ({ id: `a${a}`, slots: 1 }));
  const edges: AllocationEdge[] = [];
  for (let a = 0; a < assignments.length; a++) {
    const taken = new Set<number>();
    for (const e of distinct(random, 45, 0, sought, taken))
      edges.push({ expert: `e${e}`, assignment: `a${a}`, score: score(random, 0.5, 1) });
    for (const e of distinct(random, 5, sought, experts.length - sought, taken))
      edges.push({ expert: `e${e}`, assignment: `a${a}`, score: score(random, 0, 0.7) });
  }
  return { experts, assignments, edges, locked: [], excluded: [] };
}
