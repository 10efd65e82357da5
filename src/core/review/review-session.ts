/**
 * The state of one review session: where the reviewer is in the queue, what they decided, and the undo
 * stack. It knows nothing of storage: each decision carries a receipt (what the caller stored), and
 * undo hands the receipt back so the caller can delete exactly that.
 */
import type { ReviewItem } from './review-item.js';

/** accept/reject: a proposal; none: an uncoded unit needs no code; add: codes added by hand. */
export type DecisionKind = 'accept' | 'reject' | 'none' | 'add';

/** One decision of this session, as kept on the undo stack. */
export interface SessionDecision<R> {
  /** Index of the item in the queue. */
  index: number;
  kind: DecisionKind;
  /** The codes added (add only). */
  codes: readonly string[];
  receipt: R;
}

/** Counts for the progress line and the closing summary. */
export interface SessionCounts {
  accepted: number;
  rejected: number;
  noCode: number;
  /** Codes added by hand. */
  added: number;
  /** Items settled this session. */
  decided: number;
  skipped: number;
  /** Items of the queue not settled (skipped ones included). */
  remaining: number;
}

/** A review session over a fixed queue. */
export class ReviewSession<R> {
  private position = 0;
  private readonly settledBy = new Map<number, DecisionKind>();
  private readonly added = new Map<number, string[]>();
  private readonly skipped = new Set<number>();
  private readonly history: SessionDecision<R>[] = [];

  constructor(readonly items: readonly ReviewItem[]) {
    this.position = this.nextOpen(0);
  }

  /** The item on screen, or undefined when the end of the queue is reached. */
  current(): ReviewItem | undefined {
    return this.items[this.position];
  }

  /** 0-based index of the item on screen (items.length at the end). */
  index(): number {
    return this.position;
  }

  /** Whether the current item accepts this decision: accept/reject need a proposal, none an uncoded unit. */
  allows(kind: DecisionKind): boolean {
    const item = this.current();
    if (!item) return false;
    if (kind === 'accept' || kind === 'reject') return item.kind === 'proposal';
    if (kind === 'none') return item.kind === 'uncoded';
    return true;
  }

  /**
   * Records a decision on the current item. Accept, reject and none settle it and move on; adding codes
   * settles an uncoded unit (it is coded now) but stays on a proposal, which still wants a decision.
   */
  record(kind: DecisionKind, receipt: R, codes: readonly string[] = []): void {
    if (!this.allows(kind)) throw new Error(`a ${kind} decision does not fit the current item`);
    const index = this.position;
    const item = this.items[index]!;
    this.history.push({ index, kind, codes: [...codes], receipt });
    if (kind === 'add') this.added.set(index, [...(this.added.get(index) ?? []), ...codes]);
    if (kind === 'add' && item.kind === 'proposal') return;
    this.settledBy.set(index, kind);
    this.skipped.delete(index);
    this.position = this.nextOpen(index + 1);
  }

  /** Moves on without deciding; the item stays in the queue for the next session. */
  skip(): void {
    if (!this.current()) return;
    this.skipped.add(this.position);
    this.position = this.nextOpen(this.position + 1);
  }

  /** Goes back to the first item skipped and not settled since; false when there is none. */
  revisitSkipped(): boolean {
    const first = [...this.skipped].filter((i) => !this.settledBy.has(i)).sort((a, b) => a - b)[0];
    if (first === undefined) return false;
    this.position = first;
    return true;
  }

  /** Takes back the last decision of the session and returns to its item; undefined when there is none. */
  undo(): SessionDecision<R> | undefined {
    const last = this.history.pop();
    if (!last) return undefined;
    if (last.kind === 'add') {
      const codes = this.added.get(last.index)!.slice(0, -last.codes.length);
      if (codes.length) this.added.set(last.index, codes);
      else this.added.delete(last.index);
    }
    if (this.settledBy.get(last.index) === last.kind) this.settledBy.delete(last.index);
    this.position = last.index;
    return last;
  }

  /** Codes added by hand to the item at `index` in this session. */
  addedCodes(index: number = this.position): readonly string[] {
    return this.added.get(index) ?? [];
  }

  /** How many decisions the undo stack holds. */
  undoDepth(): number {
    return this.history.length;
  }

  /** Tallies of this session's standing decisions. */
  counts(): SessionCounts {
    const tally = (kind: DecisionKind): number => this.history.filter((d) => d.kind === kind).length;
    const skipped = [...this.skipped].filter((i) => !this.settledBy.has(i)).length;
    return {
      accepted: tally('accept'),
      rejected: tally('reject'),
      noCode: tally('none'),
      added: this.history.reduce((n, d) => n + (d.kind === 'add' ? d.codes.length : 0), 0),
      decided: this.settledBy.size,
      skipped,
      remaining: this.items.length - this.settledBy.size,
    };
  }

  private nextOpen(from: number): number {
    let i = from;
    while (i < this.items.length && this.settledBy.has(i)) i += 1;
    return i;
  }
}
