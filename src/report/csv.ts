/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted; quotes are doubled. */
export function renderCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its line end, for writing rows as they come. */
export function renderCsvRow(row: readonly unknown[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}
