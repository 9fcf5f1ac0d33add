import { describe, expect, it } from 'vitest';
import { competitiveRound, seededRandom } from '../../../bench/allocation-instances.ts';
import { solveByCostScaling } from './cost-scaling.ts';
import {
  allocate,
  allocateGreedily,
  AllocationInputError,
  type AllocationInstance,
  type AllocationResult,
} from './index.ts';
import { solveWithHighs } from './lp-reference.test-helper.ts';
import { solveByShortestPaths } from './shortest-paths.ts';
import { indexRound, resultOf } from './validate.ts';

/**
 * A small random round. Scores have at most 6 decimals (so the engine's 1e-6 units are exact) and, in one round
 * out of two, only a few distinct values (ties). Some experts have no capacity, some ToRs more slots than
 * candidates (unfillable), and staff locks and exclusions are drawn among the edges.
 */
function randomRound(seed: number): AllocationInstance {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const expertCount = 1 + pick(12);
  const assignmentCount = 1 + pick(10);
  const experts = Array.from({ length: expertCount }, (_, e) => ({
    id: `e${e}`,
    capacity: pick(4) === 0 ? 0 : 1 + pick(2),
  }));
  const assignments = Array.from({ length: assignmentCount }, (_, a) => ({ id: `a${a}`, slots: pick(4) }));
  const density = 0.15 + random() * 0.6;
  const ties = random() < 0.5;
  const edges = [];
  for (let a = 0; a < assignmentCount; a++)
    for (let e = 0; e < expertCount; e++)
      if (random() < density) {
        const score = ties ? pick(5) / 4 : pick(1_000_001) / 1_000_000;
        edges.push({ expert: `e${e}`, assignment: `a${a}`, score });
      }
  // Locks within the capacities, exclusions among the other edges.
  const capacityLeft = experts.map((e) => e.capacity);
  const slotsLeft = assignments.map((a) => a.slots);
  const locked = [];
  const excluded = [];
  for (const edge of edges) {
    const e = Number(edge.expert.slice(1));
    const a = Number(edge.assignment.slice(1));
    const draw = random();
    if (draw < 0.08 && capacityLeft[e]! > 0 && slotsLeft[a]! > 0) {
      capacityLeft[e]!--;
      slotsLeft[a]!--;
      locked.push({ expert: edge.expert, assignment: edge.assignment });
    } else if (draw > 0.9) excluded.push({ expert: edge.expert, assignment: edge.assignment });
  }
  return { experts, assignments, edges, locked, excluded };
}

/** Throws unless `result` is a feasible allocation of `instance` whose counts and total add up. */
function expectFeasible(instance: AllocationInstance, result: AllocationResult): void {
  const key = (p: { expert: string; assignment: string }) => `${p.expert}|${p.assignment}`;
  const scoreOf = new Map(instance.edges.map((edge) => [key(edge), edge.score]));
  const excluded = new Set((instance.excluded ?? []).map(key));
  const chosen = new Set(result.pairs.map(key));
  expect(chosen.size).toBe(result.pairs.length);
  const perExpert = new Map<string, number>();
  const perAssignment = new Map<string, number>();
  let total = 0;
  for (const pair of result.pairs) {
    expect(scoreOf.get(key(pair))).toBe(pair.score);
    expect(excluded.has(key(pair))).toBe(false);
    perExpert.set(pair.expert, (perExpert.get(pair.expert) ?? 0) + 1);
    perAssignment.set(pair.assignment, (perAssignment.get(pair.assignment) ?? 0) + 1);
    total += pair.score;
  }
  for (const lock of instance.locked ?? []) expect(chosen.has(key(lock))).toBe(true);
  for (const e of instance.experts) expect(perExpert.get(e.id) ?? 0).toBeLessThanOrEqual(e.capacity ?? 1);
  for (const a of instance.assignments) expect(perAssignment.get(a.id) ?? 0).toBeLessThanOrEqual(a.slots);
  expect(result.filled).toBe(result.pairs.length);
  expect(result.total).toBeCloseTo(total, 6);
}

describe('allocate', () => {
  it('matches the HiGHS optimum (most slots filled, then best total) on 200 random rounds, with both solvers', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const instance = randomRound(seed);
      const reference = await solveWithHighs(instance);
      expect(reference.status).toBe('optimal');
      const round = indexRound(instance);
      const withLocks = (free: number[]) =>
        resultOf(round, [...round.lockedEdges, ...free.map((k) => round.edgeSource[k]!)]);
      const results = [
        allocate(instance),
        withLocks(solveByCostScaling(round)),
        withLocks(solveByShortestPaths(round)!),
      ];
      for (const result of results) {
        expectFeasible(instance, result);
        expect({ seed, filled: result.filled }).toEqual({ seed, filled: reference.filled });
        expect(Math.abs(result.total - reference.total), `seed ${seed}`).toBeLessThan(1e-6);
      }
      const greedy = allocateGreedily(instance);
      expectFeasible(instance, greedy);
      expect(greedy.filled).toBeLessThanOrEqual(reference.filled);
      if (greedy.filled === reference.filled) expect(greedy.total).toBeLessThanOrEqual(reference.total + 1e-6);
    }
  });

  it('is exact under heavy competition, where shortest paths give up and cost scaling takes over', async () => {
    // The first 400 ToRs of benchmark (b): their candidates are mostly the same 1,500 experts.
    const full = competitiveRound(7);
    const keep = new Set(Array.from({ length: 400 }, (_, a) => `a${a}`));
    const instance: AllocationInstance = {
      experts: full.experts,
      assignments: full.assignments.filter((a) => keep.has(a.id)),
      edges: full.edges.filter((edge) => keep.has(edge.assignment)),
    };
    const round = indexRound(instance);
    expect(solveByShortestPaths(round, 1_000)).toBeNull();
    const reference = await solveWithHighs(instance);
    for (const free of [solveByCostScaling(round), solveByShortestPaths(round)!]) {
      const result = resultOf(
        round,
        free.map((k) => round.edgeSource[k]!),
      );
      expectFeasible(instance, result);
      expect(result.filled).toBe(reference.filled);
      expect(Math.abs(result.total - reference.total)).toBeLessThan(1e-6);
    }
  });

  it('fills one more slot rather than keep a better score, and reports pairs in input order', () => {
    const result = allocate({
      experts: [{ id: 'star' }, { id: 'junior' }],
      assignments: [
        { id: 'hospital', slots: 1 },
        { id: 'school', slots: 1 },
      ],
      edges: [
        { expert: 'star', assignment: 'hospital', score: 0.95 },
        { expert: 'star', assignment: 'school', score: 0.5 },
        { expert: 'junior', assignment: 'hospital', score: 0.1 },
      ],
    });
    expect(result).toEqual({
      pairs: [
        { expert: 'junior', assignment: 'hospital', score: 0.1 },
        { expert: 'star', assignment: 'school', score: 0.5 },
      ],
      filled: 2,
      total: 0.6,
    });
    // The greedy baseline takes the best pair first and fills one slot only.
    expect(allocateGreedily({ ...structuredClone(exampleInput()) }).filled).toBe(1);
  });

  it('keeps locked pairs and leaves excluded ones out, even against the score', () => {
    const input = exampleInput();
    input.locked = [{ expert: 'star', assignment: 'school' }];
    input.excluded = [{ expert: 'junior', assignment: 'hospital' }];
    expect(allocate(input)).toEqual({
      pairs: [{ expert: 'star', assignment: 'school', score: 0.5 }],
      filled: 1,
      total: 0.5,
    });
  });

  it('rounds the total to 6 decimals and accepts an empty round', () => {
    const result = allocate({
      experts: [{ id: 'x', capacity: 3 }],
      assignments: [
        { id: 'p', slots: 1 },
        { id: 'q', slots: 1 },
        { id: 'r', slots: 1 },
      ],
      edges: ['p', 'q', 'r'].map((assignment) => ({ expert: 'x', assignment, score: 0.1 })),
    });
    expect(result.total).toBe(0.3);
    expect(allocate({ experts: [], assignments: [], edges: [] })).toEqual({ pairs: [], filled: 0, total: 0 });
  });
});

function exampleInput(): AllocationInstance {
  return {
    experts: [{ id: 'star' }, { id: 'junior' }],
    assignments: [
      { id: 'hospital', slots: 1 },
      { id: 'school', slots: 1 },
    ],
    edges: [
      { expert: 'star', assignment: 'hospital', score: 0.95 },
      { expert: 'star', assignment: 'school', score: 0.5 },
      { expert: 'junior', assignment: 'hospital', score: 0.1 },
    ],
  };
}

describe('allocate refuses invalid input, naming the entry', () => {
  const cases: [string, (input: AllocationInstance) => unknown, string, RegExp][] = [
    [
      'an unknown expert',
      (i) => i.edges.push({ expert: 'ghost', assignment: 'school', score: 0.5 }),
      'edges[3] ("ghost" → "school")',
      /unknown expert "ghost"/,
    ],
    [
      'an unknown assignment',
      (i) => (i.locked = [{ expert: 'star', assignment: 'moon' }]),
      'locked[0] ("star" → "moon")',
      /unknown assignment/,
    ],
    ['a duplicate expert id', (i) => i.experts.push({ id: 'star' }), 'experts[2] ("star")', /duplicate id/],
    [
      'a duplicate assignment id',
      (i) => i.assignments.push({ id: 'school', slots: 1 }),
      'assignments[2] ("school")',
      /duplicate id/,
    ],
    [
      'a negative capacity',
      (i) => (i.experts[1]!.capacity = -1),
      'experts[1] ("junior")',
      /capacity must be a non-negative integer/,
    ],
    [
      'a fractional slot count',
      (i) => (i.assignments[0]!.slots = 1.5),
      'assignments[0] ("hospital")',
      /slots must be a non-negative integer/,
    ],
    [
      'a score above 1',
      (i) => (i.edges[1]!.score = 1.2),
      'edges[1] ("star" → "school")',
      /score must be a number in \[0, 1\]/,
    ],
    [
      'a score that is not a number',
      (i) => (i.edges[0]!.score = Number.NaN),
      'edges[0] ("star" → "hospital")',
      /score/,
    ],
    [
      'a duplicate edge',
      (i) => i.edges.push({ expert: 'star', assignment: 'school', score: 0.2 }),
      'edges[3] ("star" → "school")',
      /duplicate edge \(first at edges\[1\]\)/,
    ],
    [
      'a lock without an edge',
      (i) => (i.locked = [{ expert: 'junior', assignment: 'school' }]),
      'locked[0] ("junior" → "school")',
      /no edge/,
    ],
    [
      'locks beyond a capacity',
      (i) =>
        (i.locked = [
          { expert: 'star', assignment: 'hospital' },
          { expert: 'star', assignment: 'school' },
        ]),
      'locked[1] ("star" → "school")',
      /capacity of expert "star"/,
    ],
    [
      'locks beyond the slots',
      (i) =>
        (i.locked = [
          { expert: 'star', assignment: 'hospital' },
          { expert: 'junior', assignment: 'hospital' },
        ]),
      'locked[1] ("junior" → "hospital")',
      /slots of assignment "hospital"/,
    ],
    [
      'a pair both locked and excluded',
      (i) => {
        i.locked = [{ expert: 'star', assignment: 'school' }];
        i.excluded = [{ expert: 'star', assignment: 'school' }];
      },
      'excluded[0] ("star" → "school")',
      /also locked/,
    ],
    [
      'edges that are not a list',
      (i) => ((i as unknown as Record<string, unknown>).edges = 'none'),
      'edges',
      /must be an array/,
    ],
  ];
  it.each(cases)('%s', (_, spoil, entry, problem) => {
    const input = exampleInput();
    spoil(input);
    const error = (() => {
      try {
        allocate(input);
      } catch (caught) {
        return caught;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(AllocationInputError);
    expect((error as AllocationInputError).entry).toBe(entry);
    expect((error as Error).message).toMatch(problem);
  });
});
