// A binary min-heap of node ids keyed by a shared Float64Array, with decrease-key: Dijkstra's queue without
// allocating per push.

/** Indexed binary min-heap over the ids 0..capacity-1, ordered by `keys[id]` (ties: smaller id first). */
export class MinHeap {
  private readonly items: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly keys: Float64Array,
  ) {
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  private before(x: number, y: number): boolean {
    const kx = this.keys[x]!;
    const ky = this.keys[y]!;
    return kx < ky || (kx === ky && x < y);
  }

  private up(index: number): void {
    const { items, position } = this;
    const id = items[index]!;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = items[parentIndex]!;
      if (!this.before(id, parent)) break;
      items[index] = parent;
      position[parent] = index;
      index = parentIndex;
    }
    items[index] = id;
    position[id] = index;
  }

  private down(index: number): void {
    const { items, position, size } = this;
    const id = items[index]!;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= size) break;
      if (child + 1 < size && this.before(items[child + 1]!, items[child]!)) child++;
      const smallest = items[child]!;
      if (!this.before(smallest, id)) break;
      items[index] = smallest;
      position[smallest] = index;
      index = child;
    }
    items[index] = id;
    position[id] = index;
  }

  /** Adds `id` (not already queued) with its current key. */
  push(id: number): void {
    this.items[this.size] = id;
    this.up(this.size++);
  }

  /** Restores the order after `keys[id]` was lowered. */
  decrease(id: number): void {
    this.up(this.position[id]!);
  }

  /** Removes and returns the id with the smallest key. */
  pop(): number {
    const top = this.items[0]!;
    this.position[top] = -1;
    const last = this.items[--this.size]!;
    if (this.size > 0) {
      this.items[0] = last;
      this.down(0);
    }
    return top;
  }

  /** Empties the heap. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.items[i]!] = -1;
    this.size = 0;
  }
}
