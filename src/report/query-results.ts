/** A query's matching units for people and programs (pure). */
import type { SourceType } from '../core/transcript/types.js';
import type { TableColumn } from './text-layout.js';

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

/** The fields of `query --csv`, in order. */
export const QUERY_CSV_FIELDS = ['source', 'sourceType', 'segment', 'speaker', 'participant', 'codes', 'text', 'start', 'end'] as const;

/** A row as CSV values (codes joined with `;`). */
export function queryCsvValues(row: QueryRow): unknown[] {
  return QUERY_CSV_FIELDS.map((f) => (f === 'codes' ? row.codes.join(';') : row[f]));
}

/** The table's columns: who speaks shows the participant, or the speaker label when there is none. */
export const QUERY_TABLE_COLUMNS: TableColumn[] = [{ title: 'source', shrink: true }, { title: 'segment' }, { title: 'speaker', optional: true }, { title: 'codes', shrink: true }, { title: 'text', shrink: true }];

/** A row as table cells, on one line. */
export function queryTableCells(row: QueryRow): string[] {
  return [row.source, row.segment, row.participant ?? row.speaker ?? '', row.codes.join(' '), row.text.replace(/\s+/g, ' ').trim()];
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
