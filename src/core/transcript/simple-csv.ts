/**
 * CSV as readCsvRecords has csv-parse read it (bom, the delimiter given, info, relax_quotes,
 * skip_empty_lines, skip_records_with_empty_values, trim), without csv-parse for the common file: csv-parse
 * reads ~40 MB/s, a tenth of ingest's budget, and CSV transcripts were a tenth of the parse worker's time on
 * the bench corpus for a twentieth of its bytes. Where csv-parse would fail, or do something unusual (a
 * relaxed closing quote, a byte-order mark left in the text, a lone surrogate it would replace), this
 * returns undefined and csv-parse reads the file, so its errors and edge cases stay as they were; the test
 * checks the records against csv-parse's on generated text.
 */

/** A record and, as csv-parse's info gives it, the line it ends on (1-based). */
export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
/** What csv-parse's trim drops before a field and after a closing quote: CR, LF, form feed, space, tab. */
const isTrimmable = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0d || c === 0x0a;
const HAS_SURROGATE_OR_BOM = /[\ud800-\udfff\ufeff]/;

/** The records of `text` (line ends already LF) split at `delimiter`, or undefined where csv-parse must judge. */
export function readSimpleCsv(text: string, delimiter: string): CsvRecord[] | undefined {
  if (delimiter.length !== 1 || text.includes('\r') || HAS_SURROGATE_OR_BOM.test(text)) return undefined;
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const records: CsvRecord[] = [];
  let expected = -1;
  let record: string[] = [];
  let line = 1;
  let i = 0;
  // Each pass of the loop reads one field and what ends it (a delimiter, a line end, the end of the text).
  for (;;) {
    // Leading trim (a line end here ends the record, see below).
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === d || c === NEWLINE || !isTrimmable(c)) break;
      i++;
    }
    let field: string;
    let quoted = false;
    // Characters of the field after the leading trim (csv-parse's test of an empty line looks at these).
    let raw = 0;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      quoted = true;
      let value = '';
      let from = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return undefined; // Quote Not Closed
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          i = from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) line++;
      // After the closing quote only trimmable characters may come before the delimiter or line end.
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === NEWLINE) break;
        if (!isTrimmable(c)) return undefined;
        i++;
      }
      field = value;
    } else {
      // Unquoted: a quote inside is kept as text (relax_quotes); trailing white space goes (trimEnd).
      const from = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === NEWLINE) break;
        i++;
      }
      raw = i - from;
      field = text.slice(from, i).trimEnd();
    }
    const atEnd = i >= n;
    const c = atEnd ? -1 : text.charCodeAt(i);
    if (c === d) {
      record.push(field);
      i++;
      continue;
    }
    // A line end or the end of the text: a line with nothing on it is skipped (skip_empty_lines).
    const empty = !quoted && record.length === 0 && raw === 0;
    if (!empty) {
      record.push(field);
      if (expected < 0 || records.length === 0) expected = record.length;
      if (record.length !== expected) return undefined; // Invalid Record Length
      if (!record.every((value) => value.trim() === '')) records.push({ record, info: { lines: line } });
    }
    record = [];
    if (atEnd) return records;
    i++;
    line++;
  }
}
