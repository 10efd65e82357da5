/** A query's matching units for people and programs (pure). */
import type { SourceType } from '../core/transcript/types.js';
import { displayWidth, type TableColumn } from './text-layout.js';

/** One matching unit (`query --json`). */
export interface QueryRow {
  source: string;
  sourceType: SourceType;
  /** `T` or `T.S`. */
  segment: string;
  speaker: string | null;
  participant: string | null;
  /** The codes of the query's terms (not under NOT) the unit carries. */
  codes: string[];
  /** The whole unit. */
  text: string;
  /** The unit in code points of the source text. */
  start: number;
  end: number;
}

/**
 * One row as an element of `query --json`'s array, exactly as JSON.stringify(rows, null, 2) writes it:
 * written row by row, a large result is never one string.
 */
export function queryRowJson(row: QueryRow): string {
  const j = JSON.stringify;
  const codes = row.codes.length ? `[\n${row.codes.map((c) => `      ${j(c)}`).join(',\n')}\n    ]` : '[]';
  return `  {\n    "source": ${j(row.source)},\n    "sourceType": ${j(row.sourceType)},\n    "segment": ${j(row.segment)},\n    "speaker": ${j(row.speaker)},\n    "participant": ${j(row.participant)},\n    "codes": ${codes},\n    "text": ${j(row.text)},\n    "start": ${row.start},\n    "end": ${row.end}\n  }`;
}

/** The fields of `query --csv`, in order. */
export const QUERY_CSV_FIELDS = ['source', 'sourceType', 'segment', 'speaker', 'participant', 'codes', 'text', 'start', 'end'] as const;

/** A row as CSV values (codes joined with `;`). */
export function queryCsvValues(row: QueryRow): unknown[] {
  return QUERY_CSV_FIELDS.map((f) => (f === 'codes' ? row.codes.join(';') : row[f]));
}

/** The columns of the table (for pipes: all of them, tab-separated). */
export const QUERY_TABLE_COLUMNS: TableColumn[] = [{ title: 'source', shrink: true }, { title: 'segment' }, { title: 'speaker' }, { title: 'codes' }, { title: 'text', shrink: true }];

/** A row as table cells, on one line: who speaks is the participant, or the speaker label when there is none. */
export function queryTableCells(row: QueryRow): string[] {
  return [row.source, row.segment, row.participant ?? row.speaker ?? '', row.codes.join(' '), row.text.replace(/\s+/g, ' ').trim()];
}

// The text is what a reader came for: other columns go before it has less than this.
const MIN_TEXT = 40;

/**
 * The table for a terminal `width` wide: the codes column only when the rows differ in their codes (after
 * "a AND b" every row carries both), and codes, then speaker, left out while the text would get fewer
 * than MIN_TEXT columns. `hidden` names what was left out.
 */
export function queryTable(rows: readonly QueryRow[], width: number): { columns: TableColumn[]; cells: string[][]; hidden: string[] } {
  const cells = rows.map(queryTableCells);
  const varied = new Set(cells.map((c) => c[3])).size > 1;
  let shown = [0, 1, 2, ...(varied ? [3] : []), 4];
  const hidden: string[] = [];
  const natural = QUERY_TABLE_COLUMNS.map((col, i) => Math.max(displayWidth(col.title), ...cells.map((c) => displayWidth(c[i]!))));
  const textRoom = (): number => width - shown.filter((i) => i !== 4).reduce((n, i) => n + Math.min(natural[i]!, i === 0 ? 24 : Infinity) + 2, 0);
  for (const drop of [3, 2]) {
    if (textRoom() >= Math.min(MIN_TEXT, natural[4]!) || !shown.includes(drop)) continue;
    shown = shown.filter((i) => i !== drop);
    hidden.push(QUERY_TABLE_COLUMNS[drop]!.title);
  }
  return { columns: shown.map((i) => QUERY_TABLE_COLUMNS[i]!), cells: cells.map((c) => shown.map((i) => c[i]!)), hidden };
}

/** What a count line counts: units, the distinct sources and participants they come from. */
export interface QueryCount {
  units: number;
  sources: number;
  participants: number;
}

/** "24 units in 9 sources, 12 participants". */
export function queryCountLine(count: QueryCount): string {
  const n = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;
  return `${n(count.units, 'unit', 'units')} in ${n(count.sources, 'source', 'sources')}, ${n(count.participants, 'participant', 'participants')}`;
}
