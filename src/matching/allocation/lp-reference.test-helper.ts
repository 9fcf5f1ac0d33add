// An independent exact solver for the tests and the benchmark: the allocation as a linear programme solved by
// HiGHS. The constraint matrix is that of a bipartite graph (totally unimodular), so the LP optimum is integral
// and equals the best allocation. The lexicographic objective takes two solves: the most pairs, then the best
// total score with that many pairs.
import loadHighs from 'highs';
import type { AllocationInstance } from './types.ts';

export interface ReferenceOptimum {
  /** 'optimal', or HiGHS's status when it stopped early (e.g. at the time limit). */
  status: 'optimal' | 'stopped';
  filled: number;
  total: number;
  /** Time spent in HiGHS, model building included. */
  milliseconds: number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsLoading: Promise<Highs> | undefined;

/** Solves `instance` (assumed valid) with HiGHS; `timeLimitSeconds` caps each of the two solves. */
export async function solveWithHighs(
  instance: AllocationInstance,
  timeLimitSeconds = Infinity,
): Promise<ReferenceOptimum> {
  const highs = await (highsLoading ??= loadHighs());
  const startedAt = performance.now();
  const experts = new Map(instance.experts.map((e, i) => [e.id, i]));
  const assignments = new Map(instance.assignments.map((a, i) => [a.id, i]));
  const key = (expert: string, assignment: string) => `${expert}\u0000${assignment}`;
  const locked = new Set((instance.locked ?? []).map((p) => key(p.expert, p.assignment)));
  const excluded = new Set((instance.excluded ?? []).map((p) => key(p.expert, p.assignment)));
  const edges = instance.edges.filter((edge) => !excluded.has(key(edge.expert, edge.assignment)));
  const nE = instance.experts.length;
  const nA = instance.assignments.length;
  const n = edges.length;

  const solve = (objective: 'pairs' | 'score', pairs: number): { optimal: boolean; value: number } => {
    const withCount = objective === 'score';
    const numRows = nE + nA + (withCount ? 1 : 0);
    const starts = new Int32Array(n + 1);
    const indices = new Int32Array(n * (withCount ? 3 : 2));
    const values = new Float64Array(indices.length).fill(1);
    let at = 0;
    edges.forEach((edge, j) => {
      indices[at++] = experts.get(edge.expert)!;
      indices[at++] = nE + assignments.get(edge.assignment)!;
      if (withCount) indices[at++] = nE + nA;
      starts[j + 1] = at;
    });
    const rowUpper = new Float64Array(numRows);
    instance.experts.forEach((e, i) => (rowUpper[i] = e.capacity ?? 1));
    instance.assignments.forEach((a, i) => (rowUpper[nE + i] = a.slots));
    const rowLower = new Float64Array(numRows);
    if (withCount) rowLower[nE + nA] = rowUpper[nE + nA] = pairs;
    const model = highs.createModel({
      numCols: n,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: Float64Array.from(edges, (edge) => (withCount ? edge.score : 1)),
      colLower: Float64Array.from(edges, (edge) => (locked.has(key(edge.expert, edge.assignment)) ? 1 : 0)),
      colUpper: new Float64Array(n).fill(1),
      rowLower,
      rowUpper,
      matrix: { format: 'csc', numRows, numCols: n, starts, indices, values },
    });
    try {
      model.options.set({
        output_flag: false,
        ...(Number.isFinite(timeLimitSeconds) ? { time_limit: timeLimitSeconds } : {}),
      });
      model.run();
      const status = model.getModelStatus();
      // A round without candidate edges is an empty model: nothing to allocate, optimum 0.
      if (status === highs.constants.modelStatus.empty) return { optimal: true, value: 0 };
      const optimal = status === highs.constants.modelStatus.optimal;
      return { optimal, value: optimal ? model.getObjectiveValue() : NaN };
    } finally {
      model.dispose();
    }
  };

  const most = solve('pairs', 0);
  if (!most.optimal) return { status: 'stopped', filled: NaN, total: NaN, milliseconds: performance.now() - startedAt };
  const filled = Math.round(most.value);
  const best = solve('score', filled);
  return {
    status: best.optimal ? 'optimal' : 'stopped',
    filled,
    total: best.value,
    milliseconds: performance.now() - startedAt,
  };
}
