// Checks a round's input and turns it into indexed typed arrays for the solvers. Everything a solver may assume
// is established here, so each refusal names the entry at fault.
import {
  AllocationInputError,
  SCORE_UNITS,
  type AllocationInstance,
  type AllocationPairRef,
  type AllocationResult,
} from './types.ts';

/** A validated round: locks already taken out of the capacities, exclusions and locks out of the free edges. */
export interface IndexedRound {
  instance: AllocationInstance;
  expertCount: number;
  assignmentCount: number;
  /** Capacity left to each expert after the locks. */
  capacity: Float64Array;
  /** Slots left to each assignment after the locks. */
  slots: Float64Array;
  /** The edges the solver may choose: expert index, assignment index, score in integer units, input position. */
  edgeExpert: Int32Array;
  edgeAssignment: Int32Array;
  edgeWeight: Int32Array;
  edgeSource: Int32Array;
  /** Input positions (in `instance.edges`) of the locked pairs. */
  lockedEdges: number[];
  /** Expert and assignment index of every input edge, by input position. */
  inputExpert: Int32Array;
  inputAssignment: Int32Array;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(input: Record<string, unknown>, key: string, optional: boolean): unknown[] {
  const value = input[key];
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) throw new AllocationInputError(key, 'must be an array');
  return value;
}

function indexIds(list: unknown[], key: string): { ids: Map<string, number>; records: Record<string, unknown>[] } {
  const ids = new Map<string, number>();
  const records: Record<string, unknown>[] = [];
  list.forEach((item, position) => {
    const entry = `${key}[${position}]`;
    if (!isRecord(item)) throw new AllocationInputError(entry, 'must be an object');
    const id = item.id;
    if (typeof id !== 'string' || id === '') throw new AllocationInputError(entry, 'id must be a non-empty string');
    if (ids.has(id))
      throw new AllocationInputError(`${entry} ("${id}")`, `duplicate id (first at ${key}[${ids.get(id)}])`);
    ids.set(id, position);
    records.push(item);
  });
  return { ids, records };
}

function count(value: unknown, entry: string, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new AllocationInputError(entry, `${field} must be a non-negative integer (got ${JSON.stringify(value)})`);
  return value;
}

/** Resolves an edge, lock or exclusion to indices; the entry's label is only built for an error message. */
function pairOf(
  item: unknown,
  list: string,
  position: number,
  experts: Map<string, number>,
  assignments: Map<string, number>,
): { expert: number; assignment: number } {
  if (!isRecord(item)) throw new AllocationInputError(`${list}[${position}]`, 'must be an object');
  const { expert, assignment } = item;
  if (typeof expert !== 'string') throw new AllocationInputError(`${list}[${position}]`, 'expert must be a string');
  if (typeof assignment !== 'string')
    throw new AllocationInputError(`${list}[${position}]`, 'assignment must be a string');
  const e = experts.get(expert);
  if (e === undefined) throw new AllocationInputError(pairLabel(list, position, item), `unknown expert "${expert}"`);
  const a = assignments.get(assignment);
  if (a === undefined)
    throw new AllocationInputError(pairLabel(list, position, item), `unknown assignment "${assignment}"`);
  return { expert: e, assignment: a };
}

function pairLabel(list: string, position: number, item: unknown): string {
  const { expert, assignment } = item as AllocationPairRef;
  return `${list}[${position}] ("${expert}" → "${assignment}")`;
}

/** Refuses a second edge for the same pair: edges grouped by assignment, experts stamped with the last one seen. */
function refuseDuplicateEdges(
  edgeList: unknown[],
  edgeExpert: Int32Array,
  edgeAssignment: Int32Array,
  expertCount: number,
  assignmentCount: number,
): void {
  const start = new Int32Array(assignmentCount + 1);
  for (let k = 0; k < edgeAssignment.length; k++) start[edgeAssignment[k]! + 1]!++;
  for (let a = 0; a < assignmentCount; a++) start[a + 1]! += start[a]!;
  const byAssignment = new Int32Array(edgeAssignment.length);
  const next = start.slice(0, assignmentCount);
  for (let k = 0; k < edgeAssignment.length; k++) byAssignment[next[edgeAssignment[k]!]!++] = k;
  const seenFor = new Int32Array(expertCount).fill(-1);
  const seenAt = new Int32Array(expertCount);
  for (let a = 0; a < assignmentCount; a++)
    for (let i = start[a]!; i < start[a + 1]!; i++) {
      const k = byAssignment[i]!;
      const e = edgeExpert[k]!;
      if (seenFor[e] === a)
        throw new AllocationInputError(
          pairLabel('edges', k, edgeList[k]),
          `duplicate edge (first at edges[${seenAt[e]}])`,
        );
      seenFor[e] = a;
      seenAt[e] = k;
    }
}

/**
 * Validates a round and indexes it. Throws an {@link AllocationInputError} naming the first offending entry:
 * malformed or duplicate ids, a negative or fractional capacity or slot count, a score that is not a finite number
 * in [0, 1], an unknown id, a duplicate edge, lock or exclusion, a lock without an edge, a pair both locked and
 * excluded, or locks that exceed an expert's capacity or an assignment's slots.
 */
export function indexRound(raw: unknown): IndexedRound {
  if (!isRecord(raw)) throw new AllocationInputError('input', 'must be an object');
  const expertList = indexIds(listOf(raw, 'experts', false), 'experts');
  const assignmentList = indexIds(listOf(raw, 'assignments', false), 'assignments');
  const edgeList = listOf(raw, 'edges', false);
  const lockList = listOf(raw, 'locked', true);
  const exclusionList = listOf(raw, 'excluded', true);
  const expertCount = expertList.records.length;
  const assignmentCount = assignmentList.records.length;

  const capacity = new Float64Array(expertCount);
  expertList.records.forEach((expert, e) => {
    capacity[e] =
      expert.capacity === undefined ? 1 : count(expert.capacity, `experts[${e}] ("${expert.id}")`, 'capacity');
  });
  const slots = new Float64Array(assignmentCount);
  assignmentList.records.forEach((assignment, a) => {
    slots[a] = count(assignment.slots, `assignments[${a}] ("${assignment.id}")`, 'slots');
  });

  const edgeExpertAll = new Int32Array(edgeList.length);
  const edgeAssignmentAll = new Int32Array(edgeList.length);
  const edgeWeightAll = new Int32Array(edgeList.length);
  edgeList.forEach((item, position) => {
    const pair = pairOf(item, 'edges', position, expertList.ids, assignmentList.ids);
    const score = (item as Record<string, unknown>).score;
    if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1)
      throw new AllocationInputError(
        pairLabel('edges', position, item),
        `score must be a number in [0, 1] (got ${JSON.stringify(score)})`,
      );
    edgeExpertAll[position] = pair.expert;
    edgeAssignmentAll[position] = pair.assignment;
    edgeWeightAll[position] = Math.round(score * SCORE_UNITS);
  });
  refuseDuplicateEdges(edgeList, edgeExpertAll, edgeAssignmentAll, expertCount, assignmentCount);

  // Pairs are keyed by expert * assignmentCount + assignment: exact below 2^53. Only the pairs staff named are
  // looked up, so the edges need no map of their own.
  const locked = new Map<number, number>();
  const lockPairs = lockList.map((item, position) => {
    const pair = pairOf(item, 'locked', position, expertList.ids, assignmentList.ids);
    const key = pair.expert * assignmentCount + pair.assignment;
    if (locked.has(key))
      throw new AllocationInputError(
        pairLabel('locked', position, item),
        `duplicate lock (first at locked[${locked.get(key)}])`,
      );
    locked.set(key, position);
    return { ...pair, key };
  });
  const excluded = new Set<number>();
  exclusionList.forEach((item, position) => {
    const pair = pairOf(item, 'excluded', position, expertList.ids, assignmentList.ids);
    const key = pair.expert * assignmentCount + pair.assignment;
    if (locked.has(key))
      throw new AllocationInputError(
        pairLabel('excluded', position, item),
        `pair is also locked (locked[${locked.get(key)}])`,
      );
    // A repeated exclusion is harmless, and an exclusion without an edge simply has nothing to remove.
    excluded.add(key);
  });
  const edgeOfLock = new Map<number, number>();
  const keep = new Uint8Array(edgeList.length);
  let freeCount = 0;
  for (let k = 0; k < edgeList.length; k++) {
    if (locked.size > 0 || excluded.size > 0) {
      const key = edgeExpertAll[k]! * assignmentCount + edgeAssignmentAll[k]!;
      if (locked.has(key)) {
        edgeOfLock.set(key, k);
        continue;
      }
      if (excluded.has(key)) continue;
    }
    keep[k] = 1;
    freeCount++;
  }
  const lockedEdges: number[] = [];
  lockPairs.forEach((pair, position) => {
    const label = pairLabel('locked', position, lockList[position]);
    const edge = edgeOfLock.get(pair.key);
    if (edge === undefined)
      throw new AllocationInputError(label, 'locked pair has no edge (it did not pass the filters)');
    if (--capacity[pair.expert]! < 0) {
      const id = expertList.records[pair.expert]!.id as string;
      throw new AllocationInputError(label, `locks exceed the capacity of expert "${id}"`);
    }
    if (--slots[pair.assignment]! < 0) {
      const id = assignmentList.records[pair.assignment]!.id as string;
      throw new AllocationInputError(label, `locks exceed the slots of assignment "${id}"`);
    }
    lockedEdges.push(edge);
  });

  const edgeExpert = new Int32Array(freeCount);
  const edgeAssignment = new Int32Array(freeCount);
  const edgeWeight = new Int32Array(freeCount);
  const edgeSource = new Int32Array(freeCount);
  for (let k = 0, j = 0; k < edgeList.length; k++) {
    if (!keep[k]) continue;
    edgeExpert[j] = edgeExpertAll[k]!;
    edgeAssignment[j] = edgeAssignmentAll[k]!;
    edgeWeight[j] = edgeWeightAll[k]!;
    edgeSource[j++] = k;
  }
  return {
    instance: raw as unknown as AllocationInstance,
    expertCount,
    assignmentCount,
    capacity,
    slots,
    edgeExpert,
    edgeAssignment,
    edgeWeight,
    edgeSource,
    lockedEdges,
    inputExpert: edgeExpertAll,
    inputAssignment: edgeAssignmentAll,
  };
}

/** Builds the result from chosen input edge positions: stable order, filled count, total rounded to 6 decimals. */
export function resultOf(round: IndexedRound, chosen: number[]): AllocationResult {
  const order = [...chosen].sort(
    (x, y) => round.inputAssignment[x]! - round.inputAssignment[y]! || round.inputExpert[x]! - round.inputExpert[y]!,
  );
  let total = 0;
  const pairs = order.map((k) => {
    const { expert, assignment, score } = round.instance.edges[k]!;
    total += score;
    return { expert, assignment, score };
  });
  return { pairs, filled: pairs.length, total: Math.round(total * SCORE_UNITS) / SCORE_UNITS };
}
