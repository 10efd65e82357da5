/**
 * Store queries for `telaah review`: what is proposed, what a reviewer already settled, units nobody
 * coded, and the writes a decision makes (with what they wrote, so undo can delete exactly that).
 */
import type { CodingUnit } from '../core/config.js';
import { NO_CODE, type DecidedKey, type ProposedCoding, type ReviewUnit } from '../core/review/review-item.js';
import { addManualCodings } from './codings.js';
import { SEGMENT_END, SEGMENT_START, segmentJoin } from './coded-segments.js';
import type { Db } from './open.js';

/** A reviewer's decision as stored in review_decisions. */
export type StoredDecision = 'accepted' | 'rejected' | 'none';

/** The rows one review decision wrote; `revertReviewChange` deletes them. */
export interface ReviewChange {
  codings: { segmentId: number; code: string }[];
  decision: { segmentId: number; code: string } | null;
}

/** Auto and suggested codings, optionally only of a code and its descendants (path-prefixed ids). */
export function listProposedCodings(db: Db, code?: string): ProposedCoding[] {
  const filter = code ? "AND (c.code = ? OR c.code LIKE ? ESCAPE '\\')" : '';
  const params = code ? [code, `${code.replace(/[\\%_]/g, '\\$&')}/%`] : [];
  return db
    .prepare<unknown[], ProposedCoding>(
      `SELECT c.segment_id AS segmentId, s.name AS source, t.turn, c.segment_id - t.id AS sentence, ${SEGMENT_START} AS unitStart, ${SEGMENT_END} AS unitEnd,
              c.code, c.origin, c.start, c.end, c.confidence, c.codebook_id AS codebookId
         FROM codings c
         ${segmentJoin('c.segment_id')}
         JOIN sources s ON s.id = t.source_id
        WHERE c.origin IN ('auto', 'suggested') ${filter}
        ORDER BY s.name, c.segment_id, c.code`,
    )
    .all(...params);
}

/** What `coder` has settled: every review decision and every coding of their own, as (segment, code). */
export function listSettledByCoder(db: Db, coder: string): DecidedKey[] {
  return db
    .prepare<[string, string], DecidedKey>(
      `SELECT segment_id AS segmentId, code FROM review_decisions WHERE coder = ?
       UNION SELECT segment_id AS segmentId, code FROM codings WHERE coder = ?`,
    )
    .all(coder, coder);
}

/**
 * Units (sentences or turns) that carry no coding at all, interviewer turns left out: a sentence counts
 * as coded when it or its turn is, a turn when it or any of its sentences is.
 */
export function listUncodedUnits(db: Db, unit: CodingUnit): ReviewUnit[] {
  const sql =
    unit === 'sentence'
      ? `SELECT g.id AS segmentId, s.name AS source, t.turn, g.id - t.id AS sentence, g.start AS unitStart, g.end AS unitEnd
           FROM sentences g
           JOIN turns t ON t.id = g.turn_id
           JOIN sources s ON s.id = t.source_id
          WHERE NOT EXISTS (SELECT 1 FROM codings c WHERE c.segment_id = g.turn_id)
            AND COALESCE(t.role, '') <> 'interviewer'
            AND g.end > g.start
            AND NOT EXISTS (SELECT 1 FROM codings c WHERE c.segment_id = g.id)
          ORDER BY s.name, g.id`
      : `SELECT g.id AS segmentId, s.name AS source, g.turn, 0 AS sentence, g.start AS unitStart, g.end AS unitEnd
           FROM turns g
           JOIN sources s ON s.id = g.source_id
          WHERE g.id NOT IN (SELECT x.turn_id FROM codings c JOIN sentences x ON x.id = c.segment_id)
            AND COALESCE(g.role, '') <> 'interviewer'
            AND g.end > g.start
            AND NOT EXISTS (SELECT 1 FROM codings c WHERE c.segment_id = g.id)
          ORDER BY s.name, g.id`;
  return db.prepare<[], ReviewUnit>(sql).all();
}

/** The codes `coder` has on a segment, in id order. */
export function listCoderCodesOn(db: Db, segmentId: number, coder: string): string[] {
  return db
    .prepare<[number, string], { code: string }>('SELECT code FROM codings WHERE segment_id = ? AND coder = ? ORDER BY code')
    .all(segmentId, coder)
    .map((r) => r.code);
}

/** Accepts a proposal: the reviewer's own `accepted` coding of the same segment, code and evidence, and the decision. */
export function storeAcceptance(db: Db, proposal: ProposedCoding, coder: string, now: string): ReviewChange {
  return db.transaction((): ReviewChange => {
    const { added } = addManualCodings(
      db,
      [{ segmentId: proposal.segmentId, code: proposal.code, coder, origin: 'accepted', start: proposal.start, end: proposal.end, memo: null, codebookId: proposal.codebookId }],
      now,
    );
    return {
      codings: added ? [{ segmentId: proposal.segmentId, code: proposal.code }] : [],
      decision: insertDecision(db, proposal.segmentId, proposal.code, coder, 'accepted', now),
    };
  }).immediate();
}

/** Rejects a proposal, or (with NO_CODE) records that a unit needs no code. */
export function storeRejection(db: Db, segmentId: number, code: string, coder: string, now: string): ReviewChange {
  return { codings: [], decision: insertDecision(db, segmentId, code, coder, code === NO_CODE ? 'none' : 'rejected', now) };
}

/** The reviewer's `manual` codings of these codes on a whole unit; codes they already had are left alone. */
export function storeAddedCodes(db: Db, unit: ReviewUnit, codes: readonly string[], coder: string, codebookId: number | null, now: string): ReviewChange {
  return db.transaction((): ReviewChange => {
    const added = codes.filter(
      (code) => addManualCodings(db, [{ segmentId: unit.segmentId, code, coder, origin: 'manual', start: unit.unitStart, end: unit.unitEnd, memo: null, codebookId }], now).added > 0,
    );
    return { codings: added.map((code) => ({ segmentId: unit.segmentId, code })), decision: null };
  }).immediate();
}

/** Deletes what a review decision wrote. */
export function revertReviewChange(db: Db, change: ReviewChange, coder: string): void {
  db.transaction(() => {
    const coding = db.prepare('DELETE FROM codings WHERE segment_id = ? AND code = ? AND coder = ?');
    for (const c of change.codings) coding.run(c.segmentId, c.code, coder);
    if (change.decision) {
      db.prepare('DELETE FROM review_decisions WHERE segment_id = ? AND code = ? AND coder = ?').run(change.decision.segmentId, change.decision.code, coder);
    }
  }).immediate();
}

function insertDecision(db: Db, segmentId: number, code: string, coder: string, decision: StoredDecision, now: string): { segmentId: number; code: string } | null {
  const result = db
    .prepare('INSERT INTO review_decisions (segment_id, code, coder, decision, decided_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
    .run(segmentId, code, coder, decision, now);
  return result.changes > 0 ? { segmentId, code } : null;
}
