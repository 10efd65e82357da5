/**
 * The text of turns, one source at a time, for `telaah stats words`: only the source in hand is in
 * memory, and a source none of whose turns are wanted is never read.
 */
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { SourceType } from '../core/transcript/types.js';
import type { Db } from './open.js';

/** Which turns to read. */
export interface TurnTextFilter {
  type?: SourceType;
  source?: string;
  /** Speaker roles to read; null stands for units without a speaker (notes, documents). */
  roles: ReadonlySet<'participant' | 'interviewer' | null>;
  /** Only turns of these participants (when given). */
  participants?: ReadonlySet<number>;
}

/** A source's text with the turns wanted, as UTF-16 offsets into it. */
export interface SourceTurns {
  language: string | null;
  text: string;
  turns: { start: number; end: number }[];
}

/** Sources in name order (without their text), one type or one source when asked. */
export const TURN_SOURCES_SQL = (type: boolean, source: boolean): string =>
  `SELECT id, language, first_segment AS first, last_segment AS last FROM sources${type || source ? ' WHERE ' : ''}${[type ? 'type = ?' : '', source ? 'name = ?' : ''].filter(Boolean).join(' AND ')} ORDER BY name`;

/** A source's turns, by its id range (`+sentence`: the range, not the partial index on turns, serves). */
export const TURNS_OF_SOURCE_SQL = 'SELECT start, end, role, participant_id AS participant FROM segments WHERE id BETWEEN ? AND ? AND +sentence = 0 ORDER BY id';

/** The turns the filter asks for, source by source. */
export function* iterateTurnTexts(db: Db, filter: TurnTextFilter): Generator<SourceTurns> {
  const params = [...(filter.type ? [filter.type] : []), ...(filter.source !== undefined ? [filter.source] : [])];
  const sources = db
    .prepare<unknown[], { id: number; language: string | null; first: number; last: number }>(TURN_SOURCES_SQL(filter.type !== undefined, filter.source !== undefined))
    .all(...params);
  const turnsOf = db.prepare<[number, number], { start: number; end: number; role: 'participant' | 'interviewer' | null; participant: number | null }>(TURNS_OF_SOURCE_SQL);
  const textOf = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  for (const source of sources) {
    const wanted = turnsOf
      .all(source.first, source.last)
      .filter((t) => filter.roles.has(t.role) && (!filter.participants || (t.participant !== null && filter.participants.has(t.participant))));
    if (wanted.length === 0) continue;
    const text = textOf.get(source.id)!;
    const slicer = new CodePointSlicer(text);
    yield { language: source.language, text, turns: wanted.map((t) => ({ start: slicer.toUtf16(t.start), end: slicer.toUtf16(t.end) })) };
  }
}

/** Ids of the participants whose `group` (or attribute `key`) is `value`. */
export function participantIdsWhere(db: Db, key: string, value: string): Set<number> {
  const rows =
    key === 'group'
      ? db.prepare<[string], number>('SELECT id FROM participants WHERE grp = ?').pluck().all(value)
      : db.prepare<[string, string], number>('SELECT id FROM participants WHERE json_extract(attributes, ?) = ?').pluck().all(`$."${key.replace(/"/g, '')}"`, value);
  return new Set(rows);
}
