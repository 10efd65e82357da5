import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';

/** A CSV file's header and rows, each row with the line it starts on. */
export interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

/** Parses CSV text with a header row; syntax errors become InputErrors at file:line. */
export function parseCsvTable(text: string, file: string): CsvTable {
  let records: { info: { lines: number }; record: string[] }[];
  try {
    // csv-parse takes the first line end it meets as THE record delimiter: after an LF, a CRLF counts as two
    // lines (every later line number is off) and after a CRLF, a lone LF does not end a row at all.
    records = parse(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { info: { lines: number }; record: string[] }[];
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw new InputError(`not valid CSV: ${e.message.replace(/^Invalid Record Length: /, '').split('\n')[0]}`, {
      file,
      line: e.lines,
      hint: 'Quote fields that contain commas or line breaks, and double quotes inside quoted fields',
    });
  }
  const [first, ...rest] = records;
  if (!first) throw new InputError('the CSV file has no header row', { file, line: 1, hint: 'Add a header naming the columns' });
  return {
    header: first.record.map((h) => h.trim()),
    rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

/** Index of the first header column whose lower-cased name is one of `names`, or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const wanted = names.map((n) => n.toLowerCase());
  return header.findIndex((h) => wanted.includes(h.toLowerCase().replace(/[\s-]+/g, '_')));
}
