/**
 * Human work on a source — codings made by hand, accepted or imported, every review decision, and the
 * memos on the source and its segments — read before the source's text is replaced and written back
 * onto the segments that kept their text. Auto and suggested codings are not carried: `code auto` and
 * `suggest` make them again. A memo is never lost: one whose segment changed goes to the source.
 */
import { reanchor, type LaidOutSource } from '../core/transcript/reanchor.js';
import { formatSegment } from '../core/segment-address.js';
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { Db } from './open.js';
import { rangeSegmentsSql } from './segment-rows.js';

const HUMAN_ORIGINS = "('manual', 'accepted', 'imported')";
/** How much of a segment's old text a report quotes. */
const QUOTE_POINTS = 60;

interface CodingRow {
  segment_id: number;
  code: string;
  coder: string;
  origin: string;
  start: number;
  end: number;
  codebook_id: number | null;
  confidence: number | null;
  memo: string | null;
  created_at: string;
}

interface DecisionRow {
  segment_id: number;
  code: string;
  coder: string;
  decision: string;
  decided_at: string;
}

/** A memo on the source (segment_id null) or on one of its segments. */
interface MemoRow {
  id: number;
  segment_id: number | null;
  author: string;
  text: string;
  created_at: string;
  updated_at: string;
}

/** What a replaced source held, read before its segments go. */
export interface HumanWork {
  source: LaidOutSource;
  firstSegment: number;
  codings: CodingRow[];
  decisions: DecisionRow[];
  memos: MemoRow[];
  /** Auto and suggested codings, which go with the old text. */
  proposals: number;
}

/** One piece of human work that could not be placed on the new text. */
export interface NotKept {
  kind: 'coding' | 'decision' | 'memo';
  /** The old segment's address, `T` or `T.S`. */
  segment: string;
  /** The code; '' for a memo. */
  code: string;
  /** The coder, or the memo's author. */
  coder: string;
  /** The coding's origin, the decision (accepted, rejected, none), or `memo N` (kept on the source). */
  detail: string;
  /** The start of the old segment's text. */
  text: string;
  reason: 'segment-changed' | 'evidence-changed';
}

/** What happened to a replaced source's human work. */
export interface CarryReport {
  keptCodings: number;
  keptDecisions: number;
  /** Memos on the source and on segments that kept their text (a memo not kept here is on the source now). */
  keptMemos: number;
  notKept: NotKept[];
  /** Auto and suggested codings removed with the old text. */
  removedProposals: number;
}

/** Reads the human work on the source with this id (its segments are `firstSegment..lastSegment`). */
export function readHumanWork(db: Db, source: { id: number; first_segment: number; last_segment: number }): HumanWork {
  const { text } = db.prepare<[number], { text: string }>('SELECT text FROM sources WHERE id = ?').get(source.id)!;
  const segments = db
    .prepare<[{ first: number; last: number }], { turn: number; sentence: number; start: number; end: number }>(rangeSegmentsSql(['id', 'turn', 'sentence', 'start', 'end']))
    .all({ first: source.first_segment, last: source.last_segment });
  const codings = db
    .prepare<[number, number], CodingRow>(
      `SELECT segment_id, code, coder, origin, start, end, codebook_id, confidence, memo, created_at
         FROM codings WHERE segment_id BETWEEN ? AND ? AND origin IN ${HUMAN_ORIGINS} ORDER BY segment_id, code, coder`,
    )
    .all(source.first_segment, source.last_segment);
  const decisions = db
    .prepare<[number, number], DecisionRow>(
      'SELECT segment_id, code, coder, decision, decided_at FROM review_decisions WHERE segment_id BETWEEN ? AND ? ORDER BY segment_id, code, coder',
    )
    .all(source.first_segment, source.last_segment);
  const memos = db
    .prepare<[number, number, number], MemoRow>(
      'SELECT id, segment_id, author, text, created_at, updated_at FROM memos WHERE source_id = ? OR segment_id BETWEEN ? AND ? ORDER BY id',
    )
    .all(source.id, source.first_segment, source.last_segment);
  const { n } = db
    .prepare<[number, number], { n: number }>(`SELECT COUNT(*) AS n FROM codings WHERE segment_id BETWEEN ? AND ? AND origin NOT IN ${HUMAN_ORIGINS}`)
    .get(source.first_segment, source.last_segment)!;
  return { source: { text, segments }, firstSegment: source.first_segment, codings, decisions, memos, proposals: n };
}

/**
 * Writes the human work back onto the new source (`sourceId`, segment ids `firstSegment…` in
 * `next.segments` order) wherever its segment kept its text, and reports what could not be placed.
 * Memos keep their ids, so `memo edit N` still finds them.
 */
export function restoreHumanWork(db: Db, work: HumanWork, next: LaidOutSource, firstSegment: number, sourceId: number): CarryReport {
  const oldIndex = (segmentId: number): number => segmentId - work.firstSegment;
  const codingPlaces = reanchor(
    work.source,
    next,
    work.codings.map((c) => ({ segment: oldIndex(c.segment_id), evidence: { start: c.start, end: c.end } })),
  );
  const decisionPlaces = reanchor(work.source, next, work.decisions.map((d) => ({ segment: oldIndex(d.segment_id) })));
  const onSegments = work.memos.filter((m) => m.segment_id !== null);
  const memoPlaces = reanchor(work.source, next, onSegments.map((m) => ({ segment: oldIndex(m.segment_id!) })));
  const insertCoding = db.prepare(
    `INSERT INTO codings (segment_id, code, coder, origin, start, end, codebook_id, confidence, memo, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertDecision = db.prepare('INSERT INTO review_decisions (segment_id, code, coder, decision, decided_at) VALUES (?, ?, ?, ?, ?)');
  const slicer = new CodePointSlicer(work.source.text);
  const notKept: NotKept[] = [];
  const insertMemo = db.prepare(
    `INSERT INTO memos (id, target, source_id, segment_id, author, text, created_at, updated_at)
     VALUES (@id, CASE WHEN @segment IS NULL THEN 'source' ELSE 'segment' END, CASE WHEN @segment IS NULL THEN @source END, @segment, @author, @text, @created_at, @updated_at)`,
  );
  const lost = (kind: NotKept['kind'], row: { segment_id: number; code: string; coder: string }, detail: string, reason: NotKept['reason']): void => {
    const segment = work.source.segments[oldIndex(row.segment_id)]!;
    const points = Array.from(slicer.slice(segment.start, Math.min(segment.end, segment.start + QUOTE_POINTS + 1)));
    notKept.push({
      kind,
      segment: formatSegment(segment.turn, segment.sentence),
      code: row.code,
      coder: row.coder,
      detail,
      text: points.length > QUOTE_POINTS ? `${points.slice(0, QUOTE_POINTS).join('').trimEnd()}…` : points.join(''),
      reason,
    });
  };
  let keptCodings = 0;
  work.codings.forEach((c, i) => {
    const place = codingPlaces[i]!;
    if (!place.kept) return lost('coding', c, c.origin, place.reason);
    insertCoding.run(firstSegment + place.segment, c.code, c.coder, c.origin, place.evidence!.start, place.evidence!.end, c.codebook_id, c.confidence, c.memo, c.created_at);
    keptCodings += 1;
  });
  let keptDecisions = 0;
  work.decisions.forEach((d, i) => {
    const place = decisionPlaces[i]!;
    if (!place.kept) return lost('decision', d, d.decision, place.reason);
    insertDecision.run(firstSegment + place.segment, d.code, d.coder, d.decision, d.decided_at);
    keptDecisions += 1;
  });
  let keptMemos = 0;
  const memoPlace = new Map(onSegments.map((m, i) => [m.id, memoPlaces[i]!]));
  for (const m of work.memos) {
    const place = memoPlace.get(m.id);
    const segment = place?.kept ? firstSegment + place.segment : null;
    insertMemo.run({ id: m.id, source: sourceId, segment, author: m.author, text: m.text, created_at: m.created_at, updated_at: m.updated_at });
    if (place && !place.kept) lost('memo', { segment_id: m.segment_id!, code: '', coder: m.author }, `memo ${m.id}`, place.reason);
    else keptMemos += 1;
  }
  return { keptCodings, keptDecisions, keptMemos, notKept, removedProposals: work.proposals };
}

/** How much a source holds, by kind, for `sources remove` to say what goes. */
export interface SourceHoldings {
  segments: number;
  humanCodings: number;
  proposals: number;
  decisions: number;
  /** Memos on the source and on its segments. */
  memos: number;
}

/** Counts the codings (human and proposed), decisions and memos on a source and its segments. */
export function countHoldings(db: Db, range: { id: number; first_segment: number; last_segment: number }): SourceHoldings {
  const args = [range.first_segment, range.last_segment] as const;
  const count = (sql: string): number => db.prepare<[number, number], { n: number }>(sql).get(...args)!.n;
  return {
    segments: range.last_segment - range.first_segment + 1,
    humanCodings: count(`SELECT COUNT(*) AS n FROM codings WHERE segment_id BETWEEN ? AND ? AND origin IN ${HUMAN_ORIGINS}`),
    proposals: count(`SELECT COUNT(*) AS n FROM codings WHERE segment_id BETWEEN ? AND ? AND origin NOT IN ${HUMAN_ORIGINS}`),
    decisions: count('SELECT COUNT(*) AS n FROM review_decisions WHERE segment_id BETWEEN ? AND ?'),
    memos: db.prepare<[number, number, number], { n: number }>('SELECT COUNT(*) AS n FROM memos WHERE source_id = ? OR segment_id BETWEEN ? AND ?').get(range.id, ...args)!.n,
  };
}
