/**
 * The physical form of segments since m011_sentence_store: a turn is a row of `turns`, a sentence a row
 * of `sentences` (id, turn_id, start, end); `segments` is a view over both. Deleting segments is the
 * store's own cascade now (a view cannot be the parent of a foreign key): every place that deletes a
 * range of segments goes through segmentRangeDeleter, so no coding, decision or memo is left behind.
 */
import type { Db } from './open.js';

/** The tables that hold a segment_id and lose their rows with the segment. */
const SEGMENT_CHILDREN = ['codings', 'review_decisions', 'memos'] as const;

/**
 * A function deleting the segments with ids first..last (turns and sentences) and every coding, review
 * decision and memo on them. One range delete per table, each by its index on segment_id: a source's
 * delete costs a few seeks, where per-row triggers would run three statements for each segment.
 */
export function segmentRangeDeleter(db: Db): (first: number, last: number) => void {
  const statements = [...SEGMENT_CHILDREN, 'sentences', 'turns'].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE ${table === 'sentences' || table === 'turns' ? 'id' : 'segment_id'} BETWEEN ? AND ?`),
  );
  return (first, last) => {
    for (const statement of statements) statement.run(first, last);
  };
}

/**
 * SQL for the first id after turn `turnId`'s sentences (the next turn's id, or past every id): a turn's
 * sentences are the sentence ids between, found by the rowid range without an index on turn_id.
 */
export function afterTurnSql(turnId: string): string {
  return `COALESCE((SELECT n.id FROM turns n WHERE n.id > ${turnId} ORDER BY n.id LIMIT 1), 9223372036854775807)`;
}

/** The highest segment id given so far (sentences included): new segments take the ids after it. */
export function segmentHighWaterMark(db: Db): number {
  return highWaterMarkReader(db)();
}

/** segmentHighWaterMark as a prepared statement, for a writer that asks once per source. */
export function highWaterMarkReader(db: Db): () => number {
  const statement = db.prepare<[], number>("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'turns'), 0)").pluck();
  return () => statement.get()!;
}

/** The columns a range of segments can give: as a turn row (t) gives it, and as a sentence row (s, with its turn t). */
const RANGE_COLUMNS = {
  id: ['t.id', 's.id'],
  source_id: ['t.source_id', 't.source_id'],
  turn: ['t.turn', 't.turn'],
  sentence: ['0', 's.id - s.turn_id'],
  /**
   * Turn number and participant on a turn's row only, NULL on a sentence's: a reader that keeps the turn
   * row just before its sentences (id order) saves each sentence the lookup of its turn (-18% CPU
   * reading the bench project's 4.4 M segments).
   */
  turn_on_turns: ['t.turn', 'NULL'],
  participant_id_on_turns: ['t.participant_id', 'NULL'],
  parent_id: ['NULL', 's.turn_id'],
  speaker: ['t.speaker', 'NULL'],
  participant_id: ['t.participant_id', 't.participant_id'],
  role: ['t.role', 'NULL'],
  start: ['t.start', 's.start'],
  end: ['t.end', 's.end'],
  start_ms: ['t.start_ms', 'NULL'],
  end_ms: ['t.end_ms', 'NULL'],
  /** The turn's role, for a sentence too. */
  turn_role: ['t.role', 't.role'],
  /** The turn's speaker, for a sentence too. */
  turn_speaker: ['t.speaker', 't.speaker'],
  /** The turn's media times, for a sentence too. */
  turn_start_ms: ['t.start_ms', 't.start_ms'],
  turn_end_ms: ['t.end_ms', 't.end_ms'],
} as const;

/** A column rangeSegmentsSql can give. */
export type RangeColumn = keyof typeof RANGE_COLUMNS;

/**
 * A statement reading the segments with ids @first..@last (named parameters) in id order, with these
 * columns (`id` among them, which orders the rows): the turns and the sentences of the range, each by its primary key, merged in id order
 * (SQLite merges the two ordered halves; nothing is sorted). A sentence reads its turn only when a
 * column needs it. Replaces `SELECT … FROM segments WHERE id BETWEEN ? AND ? ORDER BY id` on the view.
 */
export function rangeSegmentsSql(columns: readonly RangeColumn[]): string {
  const list = (side: 0 | 1): string => columns.map((c) => `${RANGE_COLUMNS[c][side]} AS ${c === 'end' ? '"end"' : c}`).join(', ');
  const needsTurn = columns.some((c) => RANGE_COLUMNS[c][1].startsWith('t.'));
  return `SELECT ${list(0)} FROM turns t WHERE t.id BETWEEN @first AND @last
    UNION ALL
    SELECT ${list(1)} FROM sentences s${needsTurn ? ' JOIN turns t ON t.id = s.turn_id' : ''} WHERE s.id BETWEEN @first AND @last
    ORDER BY id`;
}
