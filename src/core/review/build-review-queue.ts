import { NO_CODE, type DecidedKey, type ProposedCoding, type ReviewItem, type ReviewUnit } from './review-item.js';

/** What the queue is built from: everything proposed, the units nobody coded, and what is already settled. */
export interface ReviewQueueInput {
  proposals: readonly ProposedCoding[];
  /** Units without any coding (only when the reviewer asked for them). */
  uncoded?: readonly ReviewUnit[];
  /** The reviewer's decisions and own codings; these are not asked again. */
  decided: readonly DecidedKey[];
  /** Code ids in codebook order: proposals on one unit follow it (unknown codes go last). */
  codeOrder?: readonly string[];
}

const ORIGIN_RANK = { auto: 0, suggested: 1 } as const;

/**
 * The items still to review, by source name then segment (a unit's proposals in codebook order). A code
 * proposed on one unit by both the auto-coder and the suggester is asked once, as the auto coding.
 */
export function buildReviewQueue(input: ReviewQueueInput): ReviewItem[] {
  const settled = new Set(input.decided.map((d) => keyOf(d.segmentId, d.code)));
  const position = new Map((input.codeOrder ?? []).map((id, i) => [id, i]));
  const proposals = new Map<string, ProposedCoding>();
  for (const p of input.proposals) {
    const key = keyOf(p.segmentId, p.code);
    if (settled.has(key)) continue;
    const held = proposals.get(key);
    if (!held || ORIGIN_RANK[p.origin] < ORIGIN_RANK[held.origin]) proposals.set(key, p);
  }
  const items: ReviewItem[] = [...proposals.values()].map((p) => ({ kind: 'proposal', ...p }));
  for (const unit of input.uncoded ?? []) {
    if (!settled.has(keyOf(unit.segmentId, NO_CODE))) items.push({ kind: 'uncoded', ...unit });
  }
  const rank = (item: ReviewItem): number => (item.kind === 'uncoded' ? -1 : (position.get(item.code) ?? Number.MAX_SAFE_INTEGER));
  return items.sort(
    (a, b) =>
      compareText(a.source, b.source) ||
      a.segmentId - b.segmentId ||
      rank(a) - rank(b) ||
      compareText(a.kind === 'proposal' ? a.code : '', b.kind === 'proposal' ? b.code : ''),
  );
}

function keyOf(segmentId: number, code: string): string {
  return `${segmentId}\u0000${code}`;
}

/** Code-unit order, as SQLite's ORDER BY on text (so the queue lists sources as `sources list` does). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
