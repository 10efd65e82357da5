import { displayWidth } from './output.js';

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
