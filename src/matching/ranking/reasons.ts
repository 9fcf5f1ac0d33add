/**
 * Collects an expert's exclusion reasons without allocating a list per expert: most excluded experts fail the
 * same few combinations of shared reasons (see `SharedReasons`), so each combination's list is built once, frozen,
 * and handed to every expert with that combination. A reason made for one expert (a conflict's dates, a
 * withdrawal's date) switches to a list of the expert's own.
 *
 * The collector also counts what it handed out, by reason code: a page that lists a few excluded experts still
 * shows how many fail each filter, and counting combinations (one increment per expert) is far cheaper than
 * counting each expert's reasons.
 */
import type { ExclusionCode, ExclusionReason } from './codes.ts';

/** A reason shared between experts, with its slot in the collector (an array index is cheaper than a map key). */
export interface SharedReason {
  readonly reason: ExclusionReason;
  readonly slot: number;
}

interface ListNode {
  list: readonly ExclusionReason[];
  /** The combinations one reason longer, by the added reason's slot. */
  next: (ListNode | undefined)[] | null;
  /** Experts excluded with exactly this combination. */
  hits: number;
}

export class ReasonCollector {
  private readonly root: ListNode = { list: Object.freeze([]), next: null, hits: 0 };
  private readonly nodes: ListNode[] = [];
  private node: ListNode = this.root;
  private own: ExclusionReason[] | null = null;
  private slots = 0;
  private ownTotal = 0;
  private readonly ownCounts: Partial<Record<ExclusionCode, number>> = {};

  /** Registers a reason to be shared (frozen). */
  make(reason: ExclusionReason): SharedReason {
    return { reason: Object.freeze(reason), slot: this.slots++ };
  }

  /** Starts the next expert. */
  reset(): void {
    this.node = this.root;
    this.own = null;
  }

  /** Adds a reason shared between experts. */
  shared(shared: SharedReason): void {
    if (this.own) {
      this.own.push(shared.reason);
      return;
    }
    const from = this.node;
    let next = from.next?.[shared.slot];
    if (!next) {
      next = { list: Object.freeze([...from.list, shared.reason]), next: null, hits: 0 };
      (from.next ??= [])[shared.slot] = next;
      this.nodes.push(next);
    }
    this.node = next;
  }

  /** Adds a reason made for this expert. */
  single(reason: ExclusionReason): void {
    (this.own ??= [...this.node.list]).push(reason);
  }

  /**
   * The reasons collected, or null when there are none (and the expert is counted as excluded). Shared lists are
   * frozen: treat every list as read-only.
   */
  result(): readonly ExclusionReason[] | null {
    const own = this.own;
    if (own) {
      this.ownTotal++;
      for (let i = 0; i < own.length; i++) {
        const code = own[i]!.code;
        this.ownCounts[code] = (this.ownCounts[code] ?? 0) + 1;
      }
      return own;
    }
    if (this.node === this.root) return null;
    this.node.hits++;
    return this.node.list;
  }

  /** How many experts were excluded since the collector was made, and how many failed each filter. */
  tally(): { total: number; byReason: Partial<Record<ExclusionCode, number>> } {
    const byReason = { ...this.ownCounts };
    let total = this.ownTotal;
    for (const node of this.nodes) {
      if (node.hits === 0) continue;
      total += node.hits;
      for (let i = 0; i < node.list.length; i++) {
        const code = node.list[i]!.code;
        byReason[code] = (byReason[code] ?? 0) + node.hits;
      }
    }
    return { total, byReason };
  }
}
