// The allocation core of the matching engine: plain data in, plain data out, no I/O.
import { solveGreedily } from './greedy.ts';
import { solveByCostScaling } from './cost-scaling.ts';
import { solveByShortestPaths } from './shortest-paths.ts';
import type { AllocationResult } from './types.ts';
import { indexRound, resultOf, type IndexedRound } from './validate.ts';

export * from './types.ts';

function withLocks(round: IndexedRound, chosenFree: number[]): AllocationResult {
  const chosen = [...round.lockedEdges];
  for (const k of chosenFree) chosen.push(round.edgeSource[k]!);
  return resultOf(round, chosen);
}

/**
 * Proposes an allocation round: the locked pairs plus the free pairs that first fill the most slots, then reach
 * the highest total score, within each expert's capacity and each assignment's slots; excluded pairs never
 * appear. Exact for scores compared in units of 1e-6 (docs/decisions/0010-allocation-algorithm.md).
 * Throws an {@link AllocationInputError} naming the offending entry when the input is invalid.
 */
export function allocate(input: unknown): AllocationResult {
  const round = indexRound(input);
  return withLocks(round, solveExactly(round));
}

/** Arcs the shortest-path searches may scan, per edge or node of the round, before handing over to cost scaling. */
export const SHORTEST_PATHS_WORK_LIMIT = 3;

/**
 * Shortest augmenting paths are fastest while candidates rarely compete, but their searches grow with the
 * competition; past a few times the round's size in scanned arcs, cost scaling (bounded in the worst case) takes
 * over. Both are exact. Measured in bench/allocation.ts; reasons in docs/decisions/0010-allocation-algorithm.md.
 */
export function solveExactly(round: IndexedRound): number[] {
  const size = round.edgeExpert.length + round.expertCount + round.assignmentCount;
  return solveByShortestPaths(round, SHORTEST_PATHS_WORK_LIMIT * size) ?? solveByCostScaling(round);
}

/** The greedy baseline (best score first), on the same input and with the same validation as {@link allocate}. */
export function allocateGreedily(input: unknown): AllocationResult {
  const round = indexRound(input);
  return withLocks(round, solveGreedily(round));
}
