// The baseline the exact solver is measured against: take pairs best score first while capacities allow.
import type { IndexedRound } from './validate.ts';

/**
 * Greedy allocation over a validated round's free edges (locks are already counted in its capacities): pairs in
 * decreasing score, ties in input order, each taken if its expert and assignment still have room. Returns the
 * indices of the chosen free edges. Neither the most filled slots nor the best total is guaranteed.
 */
export function solveGreedily(round: IndexedRound): number[] {
  const { edgeExpert, edgeAssignment, edgeWeight } = round;
  const order = Array.from({ length: edgeExpert.length }, (_, k) => k);
  order.sort((x, y) => edgeWeight[y]! - edgeWeight[x]! || x - y);
  const capacity = Float64Array.from(round.capacity);
  const slots = Float64Array.from(round.slots);
  const chosen: number[] = [];
  for (const k of order) {
    const e = edgeExpert[k]!;
    const a = edgeAssignment[k]!;
    if (capacity[e]! > 0 && slots[a]! > 0) {
      capacity[e]!--;
      slots[a]!--;
      chosen.push(k);
    }
  }
  return chosen;
}
