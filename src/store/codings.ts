import type { SegmentAddress } from '../core/segment-address.js';
import type { Db } from './open.js';
import { rangeSegmentsSql } from './segment-rows.js';
import { listSourceRanges, readSourceUnits, type UnitSelection } from './unit-ranges.js';

/** A unit to code: a segment with its text and where that text starts in the source. */
export interface CodingUnitRow {
  segmentId: number;
  turn: number;
  sentence: number;
  /** Code-point offset of the unit's text in the source text. */
  offset: number;
  text: string;
}

/** The units of one source, for the auto-coder. */
export interface SourceUnits {
  source: string;
  units: CodingUnitRow[];
}

/**
 * Every source's units (sentences or turns), one source at a time, in name order. Interviewer turns are
 * left out unless asked for; notes and documents (no speaker role) are in unless only spoken units are asked for.
 */
export function* iterateCodingUnits(db: Db, options: UnitSelection): Generator<SourceUnits> {
  for (const source of listSourceRanges(db)) {
    const found = readSourceUnits(db, source, options);
    const units: CodingUnitRow[] = [];
    for (let k = 0; k < found.count; k++) {
      const text = found.text.slice(found.from16[k], found.to16[k]);
      units.push({ segmentId: found.segmentIds[k]!, turn: found.turns[k]!, sentence: found.sentences[k]!, offset: found.starts[k]!, text });
    }
    yield { source: source.name, units };
  }
}

/** An automatic coding to store. */
export interface NewCoding {
  segmentId: number;
  code: string;
  start: number;
  end: number;
  confidence?: number | null;
}

/** A segment an address names, with whether an interviewer or moderator speaks it. */
export interface AddressedSegment {
  id: number;
  turn: number;
  sentence: number;
  start: number;
  end: number;
  interviewer: boolean;
}

/**
 * Segments of a source matching an address (turns, or sentences, inclusive). A range never takes in
 * interviewer turns: they are left out and counted, so that coding "4-9" codes what participants said.
 */
export function findSegments(db: Db, source: string, address: SegmentAddress): { segments: AddressedSegment[]; skippedInterviewer: number } {
  const range = db.prepare<[string], { first_segment: number; last_segment: number }>('SELECT first_segment, last_segment FROM sources WHERE name = ?').get(source);
  if (!range) return { segments: [], skippedInterviewer: 0 };
  const rows = db
    .prepare<[{ first: number; last: number }], { id: number; turn: number; sentence: number; start: number; end: number; turn_role: string | null }>(
      rangeSegmentsSql(['id', 'turn', 'sentence', 'start', 'end', 'turn_role']),
    )
    .all({ first: range.first_segment, last: range.last_segment });
  const { from, to } = address;
  const wholeTurns = from.sentence === 0;
  const single = from.turn === to.turn && from.sentence === to.sentence;
  const after = (r: { turn: number; sentence: number }, p: { turn: number; sentence: number }): boolean => r.turn > p.turn || (r.turn === p.turn && r.sentence >= p.sentence);
  const named = rows
    .filter((r) => (wholeTurns ? r.sentence === 0 && r.turn >= from.turn && r.turn <= to.turn : r.sentence > 0 && after(r, from) && after(to, r)))
    .map((r) => ({ id: r.id, turn: r.turn, sentence: r.sentence, start: r.start, end: r.end, interviewer: r.turn_role === 'interviewer' }));
  if (single) return { segments: named, skippedInterviewer: 0 };
  const segments = named.filter((r) => !r.interviewer);
  return { segments, skippedInterviewer: named.length - segments.length };
}

/** A human coding to store. */
export interface ManualCoding {
  segmentId: number;
  code: string;
  coder: string;
  origin: 'manual' | 'accepted';
  start: number;
  end: number;
  memo: string | null;
  codebookId: number | null;
}

/**
 * Adds human codings. Where the coder already has the code on the segment, the coding stays and a memo
 * given now is added to it; where the coder had rejected that code there, the rejection goes (they have
 * changed their mind). Returns how many codings were new and how many existing ones took the memo.
 */
export function addManualCodings(db: Db, codings: readonly ManualCoding[], now: string): { added: number; memos: number } {
  const insert = db.prepare(
    `INSERT INTO codings (segment_id, code, coder, origin, start, end, codebook_id, memo, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (segment_id, code, coder) DO NOTHING`,
  );
  // A memo already there is kept; the new one is appended unless it is the same text.
  const addMemo = db.prepare(
    `UPDATE codings SET memo = CASE WHEN memo IS NULL OR memo = '' THEN @memo ELSE memo || ' | ' || @memo END
      WHERE segment_id = @segmentId AND code = @code AND coder = @coder
        AND (memo IS NULL OR (memo <> @memo AND substr(memo, -length(@memo) - 3) <> ' | ' || @memo))`,
  );
  const unreject = db.prepare(`DELETE FROM review_decisions WHERE segment_id = ? AND code = ? AND coder = ? AND decision = 'rejected'`);
  return db.transaction(() => {
    let added = 0;
    let memos = 0;
    for (const c of codings) {
      unreject.run(c.segmentId, c.code, c.coder);
      if (insert.run(c.segmentId, c.code, c.coder, c.origin, c.start, c.end, c.codebookId, c.memo, now).changes > 0) added += 1;
      else if (c.memo) memos += addMemo.run({ memo: c.memo, segmentId: c.segmentId, code: c.code, coder: c.coder }).changes;
    }
    return { added, memos };
  }).immediate();
}

/** The coder name under which `code auto` stores its codings. */
export const AUTO_CODER = 'auto';

/**
 * Takes codes off segments for a coder: their own codings go, and every auto or suggested coding of
 * those codes there is recorded as rejected by them, so that the next `code auto` or `suggest` does not
 * bring it back as evidence. Returns how many codings went and how many proposals were rejected.
 */
export function removeCodings(db: Db, segmentIds: readonly number[], codes: readonly string[], coder: string, now: string): { removed: number; rejected: number } {
  const remove = db.prepare('DELETE FROM codings WHERE segment_id = ? AND code = ? AND coder = ?');
  const proposed = db.prepare<[number, string], { n: number }>(`SELECT COUNT(*) AS n FROM codings WHERE segment_id = ? AND code = ? AND origin IN ('auto', 'suggested')`);
  const reject = db.prepare(
    `INSERT INTO review_decisions (segment_id, code, coder, decision, decided_at) VALUES (?, ?, ?, 'rejected', ?)
     ON CONFLICT (segment_id, code, coder) DO UPDATE SET decision = 'rejected', decided_at = excluded.decided_at WHERE decision <> 'rejected'`,
  );
  return db.transaction(() => {
    let removed = 0;
    let rejected = 0;
    for (const id of segmentIds) {
      for (const code of codes) {
        removed += remove.run(id, code, coder).changes;
        if (proposed.get(id, code)!.n > 0) rejected += reject.run(id, code, coder, now).changes;
      }
    }
    return { removed, rejected };
  }).immediate();
}
