/**
 * The columns of `codings list --csv` and `export csv --what codings`: one row per coding, the fields of
 * `codings list --json` in that order, with the memos on the segment joined into one cell.
 */
import type { CodingRow } from '../core/coding-row.js';

/** The header of a codings CSV: CodingRow's fields, in its order; the cells follow it. */
export const CODINGS_CSV_HEADER = ['source', 'sourceType', 'segment', 'speaker', 'participant', 'start', 'end', 'text', 'matched', 'code', 'coder', 'origin', 'confidence', 'memo', 'memos'] as const satisfies readonly (keyof CodingRow)[];

/** One coding's cells, in the header's order. */
export function codingCsvCells(row: CodingRow): unknown[] {
  return CODINGS_CSV_HEADER.map((column) => (column === 'memos' ? segmentMemosCell(row) : row[column]));
}

/** The memos on a coding's segment in one cell: `rina: text | budi: text`. */
export function segmentMemosCell(row: Pick<CodingRow, 'memos'>): string {
  return row.memos.map((m) => `${m.author}: ${m.text}`).join(' | ');
}
