/**
 * RFC 4180 CSV, safe to open in a spreadsheet: fields with commas, quotes or line breaks are quoted,
 * quotes are doubled, and a text that a spreadsheet would run as a formula is neutralised (see
 * neutraliseCell). Every `--csv` listing and `telaah export csv` writes through here.
 */

/** The UTF-8 byte order mark Excel needs to read a CSV as UTF-8 rather than the local code page. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 CSV: a header line, then the rows. */
export function renderCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return renderCsvRows([header, ...rows]);
}

/** CSV lines without a header, for a listing written a page at a time. */
export function renderCsvRows(rows: readonly (readonly unknown[])[]): string {
  return rows.length ? `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n` : '';
}

/** One CSV record with its line end, for writing rows as they come. */
export function renderCsvRow(row: readonly unknown[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

// A plain decimal number ("-3", "+0.25", "1e-3") is a value, not a formula, in every spreadsheet.
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A cell a spreadsheet cannot run: text starting with = + - @ (a formula in Excel, LibreOffice and
 * Google Sheets, e.g. `=HYPERLINK(…)` or `-2+3`), or with a tab or carriage return (which some of them
 * strip before looking), gets a leading single quote, the spreadsheet's own mark for "this is text"
 * (OWASP's advice for CSV injection). Numbers, and text that is a plain number such as "-0.12", stay
 * as they are so a numeric column stays numeric.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'number' || typeof value === 'bigint' ? String(value) : neutraliseCell(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
