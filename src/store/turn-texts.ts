/**
 * The text of turns, one source at a time, for `telaah stats words`: the wanted turns' offsets are read
 * first (a few bytes each), then each source's text in turn, so only the source in hand is in memory and
 * a source none of whose turns are wanted is never read.
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
  /** Only turns of participants whose group (key `group`) or attribute has this value. */
  attribute?: { key: string; value: string };
  /** Only turns whose segment id lies in this range (a share of the work for one thread). */
  segments?: { from: number; to: number };
}

/** A source's text with the turns wanted, as UTF-16 offsets into it. */
export interface SourceTurns {
  language: string | null;
  text: string;
  turns: { start: number; end: number }[];
}

/** The aggregate that hands turn offsets to JavaScript (an argument list costs less than a row object). */
const TURN_RANGES = 'telaah_turn_ranges';

/**
 * The wanted turns in id order, hence source by source. One source: its id range. Otherwise every turn
 * is considered and no index holds role and offsets, so the table is read once in id order (cheaper than
 * a seek per source); NOT INDEXED keeps the planner off turns_participant, which would add a
 * table lookup per turn.
 */
export function turnRangesSql(filter: Omit<TurnTextFilter, 'roles'> & { roles: readonly ('participant' | 'interviewer' | null)[] }): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const named = filter.roles.filter((r) => r !== null);
  const roles = [...(named.length ? [`g.role IN (${named.map(() => '?').join(', ')})`] : []), ...(filter.roles.includes(null) ? ['g.role IS NULL'] : [])];
  clauses.push(roles.length ? `(${roles.join(' OR ')})` : '0');
  params.push(...named);
  if (filter.segments) {
    clauses.push('g.id BETWEEN ? AND ?');
    params.push(filter.segments.from, filter.segments.to);
  }
  if (filter.source !== undefined) {
    clauses.push('g.id BETWEEN (SELECT first_segment FROM sources WHERE name = ?) AND (SELECT last_segment FROM sources WHERE name = ?)');
    params.push(filter.source, filter.source);
  }
  if (filter.type) {
    clauses.push('g.source_id IN (SELECT id FROM sources WHERE type = ?)');
    params.push(filter.type);
  }
  if (filter.attribute) {
    const { key, value } = filter.attribute;
    clauses.push(key === 'group' ? 'g.participant_id IN (SELECT id FROM participants WHERE grp = ?)' : 'g.participant_id IN (SELECT id FROM participants WHERE json_extract(attributes, ?) = ?)');
    params.push(...(key === 'group' ? [] : [`$."${key.replace(/"/g, '')}"`]), value);
  }
  return { sql: `SELECT ${TURN_RANGES}(g.source_id, g.start, g.end) FROM turns g NOT INDEXED WHERE ${clauses.join(' AND ')}`, params };
}

/** The highest turn id (0 for none): the span to share among threads. */
export function lastSegmentId(db: Db): number {
  return db.prepare<[], number | null>('SELECT max(id) FROM turns').pluck().get() ?? 0;
}

/** The turns the filter asks for, source by source (in the order the sources were ingested). */
export function* iterateTurnTexts(db: Db, filter: TurnTextFilter): Generator<SourceTurns> {
  const ranges: number[] = [];
  const step = (n: number, source: number, start: number, end: number): number => {
    ranges.push(source, start, end);
    return n + 1;
  };
  // better-sqlite3 reads the number of arguments from step.length; its types know of one.
  db.aggregate(TURN_RANGES, { start: 0, step: step as unknown as (n: number, next: unknown) => number });
  const { sql, params } = turnRangesSql({ ...filter, roles: [...filter.roles] });
  db.prepare(sql).pluck().get(...params);
  const sourceOf = db.prepare<[number], { text: string; language: string | null }>('SELECT text, language FROM sources WHERE id = ?');
  for (let k = 0; k < ranges.length; ) {
    const id = ranges[k]!;
    const { text, language } = sourceOf.get(id)!;
    const slicer = new CodePointSlicer(text);
    const turns: { start: number; end: number }[] = [];
    for (; k < ranges.length && ranges[k] === id; k += 3) turns.push({ start: slicer.toUtf16(ranges[k + 1]!), end: slicer.toUtf16(ranges[k + 2]!) });
    yield { language, text, turns };
  }
}
