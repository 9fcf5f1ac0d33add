/**
 * Collects an expert's exclusion reasons without allocating a list per expert: most excluded experts fail the
 * same few combinations of shared reasons (see `SharedReasons`), so each combination's list is built once, frozen,
 * and handed to every expert with that combination. A reason made for one expert (a conflict's dates, a
 * withdrawal's date) switches to a list of the expert's own.
 */
import type { ExclusionReason } from './codes.ts';

interface ListNode {
  list: readonly ExclusionReason[];
  next: Map<ExclusionReason, ListNode> | null;
}

export class ReasonCollector {
  private readonly root: ListNode = { list: Object.freeze([]), next: null };
  private node: ListNode = this.root;
  private own: ExclusionReason[] | null = null;

  /** Starts the next expert. */
  reset(): void {
    this.node = this.root;
    this.own = null;
  }

  /** Adds a reason shared between experts (the same object every time). */
  shared(reason: ExclusionReason): void {
    if (this.own) {
      this.own.push(reason);
      return;
    }
    let next = this.node.next?.get(reason);
    if (!next) {
      next = { list: Object.freeze([...this.node.list, reason]), next: null };
      (this.node.next ??= new Map()).set(reason, next);
    }
    this.node = next;
  }

  /** Adds a reason made for this expert. */
  single(reason: ExclusionReason): void {
    (this.own ??= [...this.node.list]).push(reason);
  }

  /** The reasons collected, or null when there are none. Shared lists are frozen: treat every list as read-only. */
  result(): readonly ExclusionReason[] | null {
    if (this.own) return this.own;
    return this.node === this.root ? null : this.node.list;
  }
}
