/**
 * CSV with a header row: the shared reading (delimiter, errors, row lines) and documents that are tables,
 * where each data row becomes one unit `Header: value; Header: value`.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../errors.js';
import { readSimpleCsv, type CsvRecord } from './simple-csv.js';
import { emptyMeta, type TranscriptDraft, type TurnDraft } from './types.js';

/** A CSV's header and its data rows, each with the 1-based line the row starts on. */
export interface CsvRecords {
  header: string[];
  rows: { cells: string[]; line: number }[];
}

const CSV_HINT =
  'fields that contain the delimiter or line breaks must be in double quotes, with inner quotes doubled ("")';

/** Header and rows of CSV text; the delimiter (`,` `;` or tab) is taken from the header line. */
export function readCsvRecords(input: string): CsvRecords {
  // csv-parse counts the \r of a CRLF inside a quoted field as a line of its own, so row lines drift; and cell
  // text should have \n line ends anyway.
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  if (text.trim() === '') {
    throw new InputError('empty CSV: expected a header row naming the columns', { line: 1, col: 1 });
  }
  const delimiter = detectDelimiter(text);
  let records: CsvRecord[];
  try {
    // Read here when it can be (see simple-csv.ts), else by csv-parse, which also words every error.
    records = readSimpleCsv(text, delimiter) ?? parse(text, {
      bom: true,
      delimiter,
      info: true,
      // A stray quote inside an unquoted field ("dia bilang "ya" lalu") is kept as text rather than rejected.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    const message = String(e.message ?? err).split('\n')[0];
    throw new InputError(`invalid CSV: ${message}`, { line: e.lines, hint: CSV_HINT, cause: err });
  }
  const [first, ...rest] = records;
  if (first === undefined) {
    throw new InputError('empty CSV: expected a header row naming the columns', { line: 1, col: 1 });
  }
  const header = first.record.map((name, i) => name.trim() || `column ${i + 1}`);
  // csv-parse reports the line a record ends on; quoted line breaks inside it lead back to where it starts.
  const rows = rest.map(({ record, info }) => ({
    cells: record.map((cell) => cell.trim()),
    line: info.lines - countNewlines(record),
  }));
  return { header, rows };
}

/** A table-shaped document: one unit per data row, its text `Header: value; …` without the empty cells. */
export function parseTableCsv(text: string): TranscriptDraft {
  const { header, rows } = readCsvRecords(text);
  const turns: TurnDraft[] = [];
  for (const row of rows) {
    const fields: string[] = [];
    row.cells.forEach((cell, i) => {
      if (cell !== '') fields.push(`${header[i] ?? `column ${i + 1}`}: ${cell}`);
    });
    if (fields.length === 0) continue;
    turns.push({ speaker: null, text: fields.join('; '), startMs: null, endMs: null, line: row.line });
  }
  if (turns.length === 0) {
    throw new InputError('empty table: the CSV has a header but no rows with values', {
      line: 1,
      hint: 'add one row per record below the header',
    });
  }
  return { meta: emptyMeta(), turns, warnings: [] };
}

// The header line decides: whichever of , ; or tab occurs most often outside quotes (Excel in Indonesian locales
// writes ';').
function detectDelimiter(text: string): string {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}
