/** Laying text out in terminal columns: widths, cutting and wrapping (pure; renderers and the CLI share it). */

/** A column of a table for people. */
export interface TableColumn {
  title: string;
  align?: 'left' | 'right';
  /** May be cut short (with …) so the table fits the terminal. */
  shrink?: boolean;
  /** May be left out (right-most first) when the table still does not fit. */
  optional?: boolean;
}

/** A table for people as data: the CLI lays it out for the terminal or as TSV. */
export interface TableModel {
  columns: TableColumn[];
  rows: (string | number | null)[][];
}

/** Width of a string in terminal columns (code points; combining marks take none). */
export function displayWidth(text: string): number {
  let width = 0;
  // Colour escapes take no columns.
  for (const ch of text.includes('\u001b') ? text.replace(/\u001b\[[0-9;]*m/g, '') : text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue;
    width += code >= 0x1f300 && code <= 0x1faff ? 2 : 1;
  }
  return width;
}

/** `text` cut to `width` columns, ending in … when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Breaks text into lines of at most `width` columns at spaces, keeping its own line breaks. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      if (!word) continue;
      const w = displayWidth(word);
      if (line && lineWidth + 1 + w > width) {
        lines.push(line);
        line = word;
        lineWidth = w;
      } else {
        line = line ? `${line} ${word}` : word;
        lineWidth += (lineWidth ? 1 : 0) + w;
      }
    }
    lines.push(line);
  }
  return lines;
}
