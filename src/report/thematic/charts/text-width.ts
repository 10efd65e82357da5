/**
 * Text widths in DejaVu Sans, the font the charts are drawn in (resvg is given its file; browsers without it
 * fall back to Verdana or another sans, no wider). vega has no canvas here to measure text with, and its
 * estimate (0.8 em a character) is far too wide for proportional text, which pushes charts apart and cuts
 * labels short; measuring from the font's own advance widths lays labels out tight, and the same way on
 * every machine, whether or not a canvas package happens to be installed.
 */
import { BOLD, EXTRA_CODE_POINTS, REGULAR, UNITS_PER_EM } from './dejavu-widths.js';

const INDEX = new Map<number, number>();
for (let c = 0x20; c < 0x7f; c++) INDEX.set(c, c - 0x20);
for (let c = 0xa0; c < 0x100; c++) INDEX.set(c, 0x5f + c - 0xa0);
EXTRA_CODE_POINTS.forEach((c, i) => INDEX.set(c, 0x5f + 0x60 + i));

/** Width of one character in font units: from the table, 0 for combining marks, a full em for wide scripts. */
function advance(codePoint: number, widths: readonly number[]): number {
  const i = INDEX.get(codePoint);
  if (i !== undefined) return widths[i] ?? UNITS_PER_EM;
  if (codePoint >= 0x300 && codePoint < 0x370) return 0;
  if (codePoint >= 0x2e80) return UNITS_PER_EM;
  // Other Latin, Greek and Cyrillic letters: about an 'n' wide.
  return widths[0x6e - 0x20] ?? UNITS_PER_EM;
}

/** Width in pixels of `text` set in DejaVu Sans at `fontSize` pixels (bold when asked). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const widths = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text) units += advance(ch.codePointAt(0) ?? 0x20, widths);
  return (units * fontSize) / UNITS_PER_EM;
}

/** `text` cut to at most `maxWidth` pixels at `fontSize`, ending in an ellipsis when cut. */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('').trimEnd()}…`, fontSize) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/** `text` cut in the middle to at most `maxWidth` pixels, keeping its start and its end. */
export function fitTextMiddle(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  const cut = (keep: number): string => {
    const head = Math.ceil(keep / 2);
    return `${chars.slice(0, head).join('').trimEnd()}…${chars.slice(chars.length - (keep - head)).join('').trimStart()}`;
  };
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(cut(mid), fontSize) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return cut(lo);
}
