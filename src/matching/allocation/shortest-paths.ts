// The exact solver tried first: min-cost flow by successive shortest augmenting paths (Dijkstra on reduced costs),
// one assignment slot at a time, over typed arrays. When it runs: docs/decisions/0010-allocation-algorithm.md.
//
// Network: each assignment slot sends one unit either to an expert through a candidate edge (cost −weight) or to
// "unfilled" (at a cost larger than any total weight, so that filling one more slot always beats any gain in
// score); experts absorb up to their capacity. Adding slots one by one, each along a cheapest augmenting path, keeps
// the flow of minimum cost for the slots added so far (no negative residual cycle), so the final flow fills the
// most slots and, among those allocations, has the highest total weight. Weights are integers (score × 1e6), so
// every reduced cost and potential is an integer held exactly in a float64.
import { MinHeap } from './min-heap.ts';

/** The free part of a round, indexed: what the shortest-path solver needs. */
export interface FlowRound {
  expertCount: number;
  assignmentCount: number;
  /** Capacity (experts) and slots (assignments) left after the locks. */
  capacity: ArrayLike<number>;
  slots: ArrayLike<number>;
  edgeExpert: Int32Array;
  edgeAssignment: Int32Array;
  /** Integer weights, 0..1e6. */
  edgeWeight: Int32Array;
}

/**
 * Returns the indices (into the round's edges) of an allocation that fills the most slots and, among those, has
 * the highest total weight; or null once the searches have scanned more than `workLimit` arcs in all (the cue to
 * switch to cost scaling, whose worst case is bounded: docs/decisions/0010-allocation-algorithm.md).
 */
export function solveByShortestPaths(round: FlowRound, workLimit = Infinity): number[] | null {
  const { expertCount: nE, assignmentCount: nA, edgeExpert, edgeAssignment, edgeWeight } = round;
  const m = edgeExpert.length;
  const sink = nA + nE;
  const nodeCount = sink + 1;

  // Edges grouped by assignment (CSR); `byAssignment[i]` is an edge index.
  const assignmentStart = new Int32Array(nA + 1);
  const expertDegree = new Int32Array(nE);
  for (let k = 0; k < m; k++) {
    assignmentStart[edgeAssignment[k]! + 1]!++;
    expertDegree[edgeExpert[k]!]!++;
  }
  for (let a = 0; a < nA; a++) assignmentStart[a + 1]! += assignmentStart[a]!;
  const byAssignment = new Int32Array(m);
  const cursor = assignmentStart.slice(0, nA);
  for (let k = 0; k < m; k++) byAssignment[cursor[edgeAssignment[k]!]!++] = k;

  // Capacities beyond an expert's degree (or slots beyond an assignment's) can never be used.
  const capacity = new Int32Array(nE);
  const usedStart = new Int32Array(nE + 1);
  for (let e = 0; e < nE; e++) {
    capacity[e] = Math.min(round.capacity[e]!, expertDegree[e]!);
    usedStart[e + 1] = usedStart[e]! + capacity[e]!;
  }
  const slots = new Int32Array(nA);
  let slotTotal = 0;
  let capacityTotal = 0;
  for (let a = 0; a < nA; a++) {
    slots[a] = Math.min(round.slots[a]!, assignmentStart[a + 1]! - assignmentStart[a]!);
    slotTotal += slots[a]!;
  }
  for (let e = 0; e < nE; e++) capacityTotal += capacity[e]!;
  // Any allocation's total weight is below (most pairs possible + 1) × 1e6.
  const unfilledCost = (Math.min(slotTotal, capacityTotal) + 1) * 1_000_000;

  // Flow state: which edges are used, each expert's used edges (a small list), each assignment's unfilled count.
  const used = new Uint8Array(m);
  const usedEdges = new Int32Array(usedStart[nE]!);
  const usedCount = new Int32Array(nE);
  const unfilled = new Int32Array(nA);

  const potential = new Float64Array(nodeCount);
  const distance = new Float64Array(nodeCount);
  const reachedIn = new Int32Array(nodeCount).fill(-1);
  const settledIn = new Int32Array(nodeCount).fill(-1);
  const predecessor = new Int32Array(nodeCount);
  const settled = new Int32Array(nodeCount);
  const heap = new MinHeap(nodeCount, distance);
  let search = 0;
  let work = 0;

  const reach = (v: number, d: number, via: number) => {
    if (reachedIn[v] !== search) {
      reachedIn[v] = search;
      distance[v] = d;
      predecessor[v] = via;
      heap.push(v);
    } else if (d < distance[v]! && settledIn[v] !== search) {
      distance[v] = d;
      predecessor[v] = via;
      heap.decrease(v);
    }
  };

  for (let source = 0; source < nA; source++) {
    if (slots[source] === 0) continue;
    // A fresh assignment has no incoming residual arc: give it the lowest potential that keeps its own arcs'
    // reduced costs non-negative.
    let start = potential[sink]! - unfilledCost;
    for (let i = assignmentStart[source]!; i < assignmentStart[source + 1]!; i++) {
      const k = byAssignment[i]!;
      start = Math.max(start, potential[nA + edgeExpert[k]!]! + edgeWeight[k]!);
    }
    potential[source] = start;

    for (let unit = 0; unit < slots[source]!; unit++) {
      search++;
      let settledCount = 0;
      reach(source, 0, -1);
      while (heap.size > 0) {
        const u = heap.pop();
        settledIn[u] = search;
        settled[settledCount++] = u;
        if (u === sink) break;
        const du = distance[u]! + potential[u]!;
        if (u < nA) {
          work += assignmentStart[u + 1]! - assignmentStart[u]!;
          for (let i = assignmentStart[u]!; i < assignmentStart[u + 1]!; i++) {
            const k = byAssignment[i]!;
            if (used[k]) continue;
            const v = nA + edgeExpert[k]!;
            reach(v, du - edgeWeight[k]! - potential[v]!, k);
          }
          if (unfilled[u]! < slots[u]!) reach(sink, du + unfilledCost - potential[sink]!, -1 - u);
        } else {
          const e = u - nA;
          const base = usedStart[e]!;
          work += usedCount[e]!;
          for (let i = base; i < base + usedCount[e]!; i++) {
            const k = usedEdges[i]!;
            const v = edgeAssignment[k]!;
            reach(v, du + edgeWeight[k]! - potential[v]!, k);
          }
          if (usedCount[e]! < capacity[e]!) reach(sink, du - potential[sink]!, -1 - u);
        }
      }
      heap.clear();
      if (work > workLimit) return null;

      // Augment along the path back from the sink.
      let v = -1 - predecessor[sink]!;
      if (v < nA) unfilled[v]!++;
      while (v !== source) {
        const k = predecessor[v]!;
        if (v >= nA) {
          // Reached this expert through edge k from its assignment: the edge joins the allocation.
          const e = v - nA;
          used[k] = 1;
          usedEdges[usedStart[e]! + usedCount[e]!++] = k;
          v = edgeAssignment[k]!;
        } else {
          // Reached this assignment back through edge k from its expert: the edge leaves the allocation.
          const e = edgeExpert[k]!;
          used[k] = 0;
          const base = usedStart[e]!;
          const end = base + --usedCount[e]!;
          for (let i = base; i <= end; i++)
            if (usedEdges[i] === k) {
              usedEdges[i] = usedEdges[end]!;
              break;
            }
          v = nA + e;
        }
      }
      // Potentials: settled nodes move by their distance minus the sink's; the others keep theirs (the usual
      // early-stopping update, shifted by a constant), so reduced costs stay non-negative.
      const toSink = distance[sink]!;
      for (let i = 0; i < settledCount; i++) {
        const s = settled[i]!;
        potential[s]! += distance[s]! - toSink;
      }
    }
  }

  const chosen: number[] = [];
  for (let k = 0; k < m; k++) if (used[k]) chosen.push(k);
  return chosen;
}
