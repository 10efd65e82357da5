/**
 * The columns of `codings list --csv` and `export csv --what codings`: one row per coding, the fields of
 * `codings list --json` in that order, with the memos on the segment joined into one cell.
 */

/** A coding as `codings list` gives it (see store/list-codings.ts CodingRow). */
export interface CodingCells {
  source: string;
  sourceType: string;
  segment: string;
  speaker: string | null;
  participant: string | null;
  start: number;
  end: number;
  text: string;
  matched: string;
  code: string;
  coder: string;
  origin: string;
  confidence: number | null;
  memo: string | null;
  memos: readonly { author: string; text: string }[];
}

/** The header of a codings CSV. */
export const CODINGS_CSV_HEADER = ['source', 'sourceType', 'segment', 'speaker', 'participant', 'start', 'end', 'text', 'matched', 'code', 'coder', 'origin', 'confidence', 'memo', 'memos'] as const;

/** One coding's cells, in the header's order. */
export function codingCsvCells(r: CodingCells): unknown[] {
  return [r.source, r.sourceType, r.segment, r.speaker, r.participant, r.start, r.end, r.text, r.matched, r.code, r.coder, r.origin, r.confidence, r.memo, segmentMemosCell(r)];
}

/** The memos on a coding's segment in one cell: `rina: text | budi: text`. */
export function segmentMemosCell(row: Pick<CodingCells, 'memos'>): string {
  return row.memos.map((m) => `${m.author}: ${m.text}`).join(' | ');
}
