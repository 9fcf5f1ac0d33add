/**
 * Keeps a ranking's per-expert results in typed arrays reused from one ranking to the next, and picks the best
 * few without sorting everyone. Ranking 100,000 experts made one small object per expert (a score, an exclusion),
 * and that garbage, promoted while the ranking ran, is what forced the long full collections behind the slow tail
 * (docs/performance.md, "Ranking"). Rankings run one at a time (the core is synchronous), so one set of buffers
 * serves them all.
 */
/** Per-ranking scratch, grown to the largest roster seen. */
export const scratch = {
  /** Input positions of the experts who passed, their scores and their working days in the window. */
  passed: new Int32Array(0),
  scores: new Float64Array(0),
  days: new Int32Array(0),
  heap: new Int32Array(0),
};

/** Makes the scratch arrays hold at least `n` entries. */
export function reserve(n: number): void {
  if (scratch.passed.length >= n) return;
  const size = Math.max(n, scratch.passed.length * 2);
  scratch.passed = new Int32Array(size);
  scratch.scores = new Float64Array(size);
  scratch.days = new Int32Array(size);
  scratch.heap = new Int32Array(size);
}

/**
 * The positions (into the scratch arrays, 0 … count − 1) of the best `limit` entries, best first: higher score, then
 * the lower id in code-unit order, so that the same input always gives the same order.
 */
export function best(count: number, limit: number, idOf: (k: number) => string): number[] {
  const { scores } = scratch;
  // `a` ranks before `b`.
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && idOf(a) < idOf(b));
  const order = (a: number, b: number) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
  const k = Math.max(0, Math.min(limit, count));
  if (k === count) return Array.from({ length: count }, (_, i) => i).sort(order);
  // A heap of the k best so far whose root is the worst of them: one comparison for most experts.
  const heap = scratch.heap;
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= k) return;
      const r = l + 1;
      const worse = r < k && before(heap[l]!, heap[r]!) ? r : l;
      if (!before(heap[i]!, heap[worse]!)) return;
      const swap = heap[i]!;
      heap[i] = heap[worse]!;
      heap[worse] = swap;
      i = worse;
    }
  };
  for (let i = 0; i < k; i++) heap[i] = i;
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(i);
  for (let i = k; i < count; i++) {
    if (k > 0 && before(i, heap[0]!)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return Array.from(heap.subarray(0, k)).sort(order);
}
