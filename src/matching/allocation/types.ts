// The allocation core's plain-data shapes: what a round gives the engine and what it gets back.

/** An expert who can take up to `capacity` assignments in this round (default 1). */
export interface AllocationExpert {
  id: string;
  capacity?: number;
}

/** A Terms of Reference open in this round, with the number of experts it needs. */
export interface AllocationAssignment {
  id: string;
  slots: number;
}

/** A candidate pair that passed the hard filters, with its ranking score in [0, 1]. */
export interface AllocationEdge {
  expert: string;
  assignment: string;
  score: number;
}

/** A pair named by staff: locked in, or excluded. */
export interface AllocationPairRef {
  expert: string;
  assignment: string;
}

/** One allocation round, as staff set it up. */
export interface AllocationInstance {
  experts: AllocationExpert[];
  assignments: AllocationAssignment[];
  edges: AllocationEdge[];
  locked?: AllocationPairRef[];
  excluded?: AllocationPairRef[];
}

/** The proposal: the chosen pairs, how many slots they fill and their total score. */
export interface AllocationResult {
  /** Ordered by the assignment's position in the input, then the expert's. */
  pairs: AllocationEdge[];
  filled: number;
  /** Sum of the chosen pairs' scores, rounded to 6 decimals. */
  total: number;
}

/** Scores are compared in integer units of 1e-6 (see docs/decisions/0010-allocation-algorithm.md). */
export const SCORE_UNITS = 1_000_000;

/** Input the engine refuses; `entry` names the offending entry, e.g. `edges[12]`. */
export class AllocationInputError extends Error {
  constructor(
    readonly entry: string,
    problem: string,
  ) {
    super(`${entry}: ${problem}`);
    this.name = 'AllocationInputError';
  }
}
