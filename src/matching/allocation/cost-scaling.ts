// The exact solver used by `allocate`: the most filled slots by a maximum flow (Dinic), then the best total score
// among allocations of that size by cost-scaling push-relabel (Goldberg), over typed arrays. Why:
// docs/decisions/0010-allocation-algorithm.md.
//
// Network: source → assignment (capacity: slots) → expert (capacity 1 per candidate edge, cost −weight) → sink
// (capacity: the expert's capacity). Weights are integers (score × 1e6) and costs are multiplied by the node count
// plus one, so a flow that is 1-optimal on the scaled costs is optimal; every price stays an integer far below
// 2^53 and is held exactly in a float64.
import type { FlowRound } from './shortest-paths.ts';

/** Divides ε at each phase. Measured on the benchmark instances: 4–8 best, 16 and above several times slower. */
const SCALING_FACTOR = 8;

interface Network {
  nodeCount: number;
  source: number;
  sink: number;
  /** Arcs grouped by tail: `start[u]..start[u+1]`; each arc has a partner arc in the opposite direction. */
  start: Int32Array;
  head: Int32Array;
  residual: Int32Array;
  cost: Float64Array;
  partner: Int32Array;
  /** For an assignment → expert arc, the round's edge index; −1 otherwise. */
  edgeOfArc: Int32Array;
}

function buildNetwork(round: FlowRound): Network {
  const { expertCount: nE, assignmentCount: nA, edgeExpert, edgeAssignment, edgeWeight } = round;
  const m = edgeExpert.length;
  const source = nA + nE;
  const sink = source + 1;
  const nodeCount = sink + 1;
  const costScale = nodeCount + 1;

  const assignmentDegree = new Int32Array(nA);
  const expertDegree = new Int32Array(nE);
  for (let k = 0; k < m; k++) {
    assignmentDegree[edgeAssignment[k]!]!++;
    expertDegree[edgeExpert[k]!]!++;
  }
  // Slots beyond an assignment's degree (or capacity beyond an expert's) can never be used.
  const slots = new Int32Array(nA);
  const capacity = new Int32Array(nE);
  for (let a = 0; a < nA; a++) slots[a] = Math.min(round.slots[a]!, assignmentDegree[a]!);
  for (let e = 0; e < nE; e++) capacity[e] = Math.min(round.capacity[e]!, expertDegree[e]!);

  const degree = new Int32Array(nodeCount);
  for (let a = 0; a < nA; a++)
    if (slots[a]! > 0) {
      degree[source]!++;
      degree[a]!++;
    }
  for (let k = 0; k < m; k++) {
    degree[edgeAssignment[k]!]!++;
    degree[nA + edgeExpert[k]!]!++;
  }
  for (let e = 0; e < nE; e++)
    if (capacity[e]! > 0) {
      degree[nA + e]!++;
      degree[sink]!++;
    }
  const start = new Int32Array(nodeCount + 1);
  for (let u = 0; u < nodeCount; u++) start[u + 1] = start[u]! + degree[u]!;
  const arcCount = start[nodeCount]!;
  const head = new Int32Array(arcCount);
  const residual = new Int32Array(arcCount);
  const cost = new Float64Array(arcCount);
  const partner = new Int32Array(arcCount);
  const edgeOfArc = new Int32Array(arcCount).fill(-1);
  const next = start.slice(0, nodeCount);
  const addArc = (u: number, v: number, capacity: number, arcCost: number): number => {
    const forward = next[u]!++;
    const backward = next[v]!++;
    head[forward] = v;
    head[backward] = u;
    residual[forward] = capacity;
    cost[forward] = arcCost;
    cost[backward] = -arcCost;
    partner[forward] = backward;
    partner[backward] = forward;
    return forward;
  };
  for (let a = 0; a < nA; a++) if (slots[a]! > 0) addArc(source, a, slots[a]!, 0);
  for (let k = 0; k < m; k++)
    edgeOfArc[addArc(edgeAssignment[k]!, nA + edgeExpert[k]!, 1, -edgeWeight[k]! * costScale)] = k;
  for (let e = 0; e < nE; e++) if (capacity[e]! > 0) addArc(nA + e, sink, capacity[e]!, 0);
  return { nodeCount, source, sink, start, head, residual, cost, partner, edgeOfArc };
}

/** Dinic's maximum flow from source to sink, left in `residual`: the most slots that can be filled. */
function maximiseFlow(net: Network): void {
  const { nodeCount, source, sink, start, head, residual, partner } = net;
  const level = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const current = new Int32Array(nodeCount);
  const stack = new Int32Array(nodeCount);
  const stackArc = new Int32Array(nodeCount);
  // First fit, source → assignment → free expert → sink: most of the flow at once, leaving Dinic's phases only
  // the augmenting paths that reassign someone (fewer phases under heavy competition).
  for (let i = start[source]!; i < start[source + 1]!; i++) {
    const a = head[i]!;
    for (let j = start[a]!; j < start[a + 1]! && residual[i]! > 0; j++) {
      const e = head[j]!;
      if (e === source || residual[j] === 0) continue;
      const toSink = start[e + 1]! - 1;
      if (head[toSink] !== sink || residual[toSink] === 0) continue;
      for (const arc of [i, j, toSink]) {
        residual[arc]!--;
        residual[partner[arc]!]!++;
      }
    }
  }
  for (;;) {
    level.fill(-1);
    level[source] = 0;
    let tail = 0;
    queue[tail++] = source;
    for (let qi = 0; qi < tail; qi++) {
      const u = queue[qi]!;
      for (let i = start[u]!; i < start[u + 1]!; i++) {
        const v = head[i]!;
        if (residual[i]! > 0 && level[v] === -1) {
          level[v] = level[u]! + 1;
          queue[tail++] = v;
        }
      }
    }
    if (level[sink] === -1) return;
    current.set(start.subarray(0, nodeCount));
    // Depth-first search for unit augmenting paths in the level graph (every path carries at least one unit;
    // a unit at a time is enough here: each edge carries at most one).
    let depth = 0;
    stack[0] = source;
    while (depth >= 0) {
      const u = stack[depth]!;
      if (u === sink) {
        for (let d = 0; d < depth; d++) {
          const arc = stackArc[d]!;
          residual[arc]!--;
          residual[partner[arc]!]!++;
        }
        depth = 0;
        continue;
      }
      let advanced = false;
      for (let i = current[u]!; i < start[u + 1]!; i++) {
        const v = head[i]!;
        if (residual[i]! > 0 && level[v] === level[u]! + 1) {
          current[u] = i;
          stackArc[depth] = i;
          stack[++depth] = v;
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        // Dead end: no path to the sink from here in this level graph.
        current[u] = start[u + 1]!;
        level[u] = -1;
        depth--;
      }
    }
  }
}

/**
 * Goldberg's cost scaling: ε-optimal flows for decreasing ε, each repaired by FIFO push-relabel. Each node keeps
 * the list of its arcs with residual capacity (in place, inside its own range of arcs), compacted when it is
 * relabelled: a sought-after expert has hundreds of candidate arcs but only a few carry flow, and scanning the
 * others at every relabel was most of the time on the heavy-competition benchmark.
 */
function minimiseCost(net: Network): void {
  const { nodeCount, start, head, residual, cost, partner } = net;
  const arcCount = head.length;
  const price = new Float64Array(nodeCount);
  const excess = new Float64Array(nodeCount);
  const current = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const queued = new Uint8Array(nodeCount);
  const open = new Int32Array(arcCount);
  const openCount = new Int32Array(nodeCount);
  const listed = new Uint8Array(arcCount);
  let maxCost = 0;
  for (let i = 0; i < arcCount; i++) maxCost = Math.max(maxCost, Math.abs(cost[i]!));
  for (let u = 0; u < nodeCount; u++)
    for (let i = start[u]!; i < start[u + 1]!; i++)
      if (residual[i]! > 0) {
        open[start[u]! + openCount[u]!++] = i;
        listed[i] = 1;
      }
  /** Lists `arc` with its tail once it has residual capacity again (stale entries are dropped at relabel). */
  const reopen = (arc: number) => {
    if (listed[arc]) return;
    const tail = head[partner[arc]!]!;
    open[start[tail]! + openCount[tail]!++] = arc;
    listed[arc] = 1;
  };

  /** Relabel: the highest price that makes some residual arc admissible (reduced cost −ε); drops stale arcs. */
  const relabel = (u: number, epsilon: number) => {
    const base = start[u]!;
    let best = -Infinity;
    let kept = 0;
    for (let j = 0; j < openCount[u]!; j++) {
      const arc = open[base + j]!;
      if (residual[arc]! > 0) {
        open[base + kept++] = arc;
        best = Math.max(best, price[head[arc]!]! - cost[arc]!);
      } else listed[arc] = 0;
    }
    openCount[u] = kept;
    if (kept > 0) price[u] = best - epsilon;
    current[u] = 0;
  };
  /** Whether `u` has an admissible arc from its current one on (which it then points at). */
  const hasAdmissibleArc = (u: number): boolean => {
    const base = start[u]!;
    const pu = price[u]!;
    for (let j = current[u]!; j < openCount[u]!; j++) {
      const arc = open[base + j]!;
      if (residual[arc]! > 0 && cost[arc]! + pu - price[head[arc]!]! < 0) {
        current[u] = j;
        return true;
      }
    }
    current[u] = openCount[u]!;
    return false;
  };

  let epsilon = maxCost;
  while (epsilon > 1) {
    // The flow is usually optimal well before ε reaches 1 (on the heavy-competition benchmark, at ε ≈ 30 score
    // units): stop as soon as a certificate is found. Not tried in the first phases, where it would only fail.
    if (epsilon <= maxCost / 1000 && isOptimal(net, price)) return;
    epsilon = Math.max(1, Math.ceil(epsilon / SCALING_FACTOR));
    // Saturate every residual arc of negative reduced cost: the pseudoflow is then 0-optimal.
    for (let u = 0; u < nodeCount; u++) {
      const pu = price[u]!;
      for (let i = start[u]!; i < start[u + 1]!; i++) {
        const r = residual[i]!;
        if (r > 0 && cost[i]! + pu - price[head[i]!]! < 0) {
          residual[i] = 0;
          residual[partner[i]!]! += r;
          reopen(partner[i]!);
          excess[u]! -= r;
          excess[head[i]!]! += r;
        }
      }
    }
    let first = 0;
    let count = 0;
    for (let u = 0; u < nodeCount; u++) {
      current[u] = 0;
      if (excess[u]! > 0) {
        queue[(first + count++) % nodeCount] = u;
        queued[u] = 1;
      }
    }
    // Discharge active nodes: push along admissible arcs (reduced cost < 0), relabel when there is none.
    while (count > 0) {
      const u = queue[first]!;
      first = (first + 1) % nodeCount;
      count--;
      queued[u] = 0;
      const base = start[u]!;
      while (excess[u]! > 0) {
        let i = current[u]!;
        const pu = price[u]!;
        for (; i < openCount[u]!; i++) {
          const arc = open[base + i]!;
          if (residual[arc]! === 0) continue;
          const v = head[arc]!;
          if (cost[arc]! + pu - price[v]! >= 0) continue;
          // Look-ahead: rather than push into a node that could not pass the flow on, relabel it first.
          if (excess[v]! >= 0 && !hasAdmissibleArc(v)) {
            relabel(v, epsilon);
            if (cost[arc]! + pu - price[v]! >= 0) continue;
          }
          const amount = Math.min(excess[u]!, residual[arc]!);
          residual[arc]! -= amount;
          residual[partner[arc]!]! += amount;
          reopen(partner[arc]!);
          excess[u]! -= amount;
          excess[v]! += amount;
          if (excess[v]! > 0 && queued[v] === 0) {
            queue[(first + count++) % nodeCount] = v;
            queued[v] = 1;
          }
          if (excess[u] === 0) break;
        }
        current[u] = i;
        if (excess[u]! > 0) relabel(u, epsilon);
      }
    }
  }
}

/**
 * Looks for prices under which no residual arc has a negative reduced cost (label-correcting shortest paths from
 * every node at once); if they exist, the flow has no negative cycle, so it is optimal. Gives up after a few passes'
 * worth of relaxations, since with a negative cycle the search would not end.
 */
function isOptimal(net: Network, price: Float64Array): boolean {
  const { nodeCount, start, head, residual, cost } = net;
  const shift = new Float64Array(nodeCount);
  const queue = new Int32Array(nodeCount);
  const queued = new Uint8Array(nodeCount).fill(1);
  for (let u = 0; u < nodeCount; u++) queue[u] = u;
  let first = 0;
  let count = nodeCount;
  let budget = 4 * head.length;
  while (count > 0) {
    const u = queue[first]!;
    first = (first + 1) % nodeCount;
    count--;
    queued[u] = 0;
    const pu = price[u]! + shift[u]!;
    budget -= start[u + 1]! - start[u]!;
    if (budget < 0) return false;
    for (let i = start[u]!; i < start[u + 1]!; i++) {
      if (residual[i] === 0) continue;
      const v = head[i]!;
      const reduced = cost[i]! + pu - price[v]! - shift[v]!;
      if (reduced < 0) {
        shift[v]! += reduced;
        if (!queued[v]) {
          queued[v] = 1;
          queue[(first + count++) % nodeCount] = v;
        }
      }
    }
  }
  for (let u = 0; u < nodeCount; u++) price[u]! += shift[u]!;
  return true;
}

/**
 * Returns the indices (into the round's edges) of an allocation that fills the most slots and, among those, has
 * the highest total weight (exactly, weights being integers).
 */
export function solveByCostScaling(round: FlowRound): number[] {
  const net = buildNetwork(round);
  maximiseFlow(net);
  minimiseCost(net);
  const chosen: number[] = [];
  for (let i = 0; i < net.edgeOfArc.length; i++) {
    const k = net.edgeOfArc[i]!;
    if (k >= 0 && net.residual[i] === 0) chosen.push(k);
  }
  return chosen.sort((x, y) => x - y);
}
