/**
 * A text from another program made canonical (no BOM, '\n' line ends, NFC), with its positions carried
 * over. REFI-QDA positions count code points of the file's text, but programs count line ends
 * differently: ATLAS.ti counts a CRLF as one character, NVivo, MAXQDA and QualCoder as two (QualCoder's
 * importer pads ATLAS.ti's files to line them up). A BOM is never counted: programs that write one
 * (QualCoder) count from the text after it. NFC can merge a letter and its combining accent into one code
 * point, which shifts what follows too. `toCanonical` maps a position counted the program's way to the
 * canonical text's; a position inside a merged piece goes to its start (for a start) or its end (for an end).
 */
import { canonicalizeText, isKnownNfc } from '../text/canonical.js';
import { countCodePoints } from '../text/code-points.js';

/** How many characters the program counted for a CRLF. */
export type CrlfCount = 1 | 2;

/** A canonical text with the map from the program's positions to its own. */
export interface CanonicalWithOffsets {
  text: string;
  /** Code points in the text as the program counted them: positions run from 0 to this. */
  length: number;
  toCanonical(position: number, side: 'start' | 'end'): number;
}

/** A stretch where the two countings differ in length: [from, to) in the program's positions, [cFrom, cTo) in canonical ones. */
interface Piece {
  from: number;
  to: number;
  cFrom: number;
  cTo: number;
}

/** The canonical form of `raw` (decoded, BOM or not) and the map from positions counted with `crlf`. */
export function canonicalizeWithOffsets(raw: string, crlf: CrlfCount): CanonicalWithOffsets {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  // Counted as one, a CRLF is simply a line end: positions are those of the text with LF line ends.
  if (crlf === 1 && text.includes('\r\n')) text = text.replace(/\r\n/g, '\n');
  const length = countCodePoints(text);
  if (!text.includes('\r') && isKnownNfc(text)) return { text, length, toCanonical: (p) => p };
  const pieces: Piece[] = [];
  const parts: string[] = [];
  let v = 0;
  let c = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x0d) {
      const pair = text.charCodeAt(i + 1) === 0x0a;
      parts.push('\n');
      if (pair) pieces.push({ from: v, to: v + 2, cFrom: c, cTo: c + 1 });
      v += pair ? 2 : 1;
      c += 1;
      i += pair ? 2 : 1;
      continue;
    }
    // A chunk: one character and the characters after it that may combine with it (anything from U+0300 on).
    let j = i + 1;
    while (j < n && text.charCodeAt(j) >= 0x300) j += 1;
    const chunk = text.slice(i, j);
    const normal = j - i === 1 && code < 0x300 ? chunk : chunk.normalize('NFC');
    const before = countCodePoints(chunk);
    const after = normal === chunk ? before : countCodePoints(normal);
    if (before !== after) pieces.push({ from: v, to: v + before, cFrom: c, cTo: c + after });
    parts.push(normal);
    v += before;
    c += after;
    i = j;
  }
  const canonical = parts.join('');
  return {
    // The chunks are cut before characters that never combine with what precedes them, so normalising them
    // one by one gives what normalising the whole text gives; checked here all the same.
    text: canonical === canonicalizeText(canonical) ? canonical : canonicalizeText(canonical),
    length,
    toCanonical: (position, side) => mapPosition(pieces, position, side),
  };
}

function mapPosition(pieces: readonly Piece[], position: number, side: 'start' | 'end'): number {
  let lo = 0;
  let hi = pieces.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid]!.from <= position) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return position;
  const piece = pieces[found]!;
  if (position >= piece.to) return piece.cTo + (position - piece.to);
  if (position === piece.from) return piece.cFrom;
  return side === 'start' ? piece.cFrom : piece.cTo;
}
