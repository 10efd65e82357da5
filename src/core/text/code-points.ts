/**
 * Offsets in telaah count Unicode code points (as REFI-QDA and Python tools do), while JavaScript
 * strings index UTF-16 code units. These helpers convert between the two at the edges.
 * A surrogate pair counts as one code point; a lone surrogate counts as one too.
 */

const HAS_SURROGATE = /[\ud800-\udfff]/;

/** True when every UTF-16 index of `s` is also its code-point index (no surrogates). */
export function hasOnlyBmp(s: string): boolean {
  return !HAS_SURROGATE.test(s);
}

/** Count the code points in `s.slice(from, to)` (UTF-16 bounds, clamped). */
export function countCodePoints(s: string, from = 0, to: number = s.length): number {
  const start = Math.max(0, Math.min(from, s.length));
  const end = Math.max(start, Math.min(to, s.length));
  // V8 answers this at once for Latin-1 strings, which cannot hold surrogates.
  if (end - start === s.length && hasOnlyBmp(s)) return s.length;
  let pairs = 0;
  // A pair is a high surrogate at i with a low surrogate at i + 1, both inside the range.
  for (let i = start; i < end - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return end - start - pairs;
}

/**
 * The UTF-16 index where code point `cpIndex` of `s` begins (clamped to [0, s.length]).
 * Negative indexes are 0, not counted from the end.
 */
export function codePointToUtf16(s: string, cpIndex: number): number {
  return advanceCodePoints(s, 0, cpIndex);
}

/** `s` between code-point offsets `start` and `end` (clamped; like String.prototype.slice without negatives). */
export function sliceCodePoints(s: string, start: number, end: number = Number.POSITIVE_INFINITY): string {
  const from = Math.max(0, start);
  if (end <= from) return '';
  if (hasOnlyBmp(s)) return s.slice(from, end);
  const i = advanceCodePoints(s, 0, from);
  return s.slice(i, advanceCodePoints(s, i, end - from));
}

/** The UTF-16 index reached by stepping over `count` code points from UTF-16 index `i`. */
function advanceCodePoints(s: string, i: number, count: number): number {
  const n = s.length;
  for (let k = 0; k < count && i < n; k++) {
    i += isHighSurrogate(s.charCodeAt(i)) && i + 1 < n && isLowSurrogate(s.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/**
 * Converts UTF-16 indexes of one string to code-point indexes. Asking for increasing indexes (the
 * usual case: segments in order) costs O(length of the string) in total; going backwards restarts.
 */
export class CodePointCounter {
  private readonly text: string;
  private readonly bmpOnly: boolean;
  private utf16 = 0;
  private codePoints = 0;

  constructor(text: string) {
    this.text = text;
    this.bmpOnly = hasOnlyBmp(text);
  }

  /** The code-point index of UTF-16 index `utf16Index` (clamped to the string), i.e. code points before it. */
  at(utf16Index: number): number {
    const target = Math.max(0, Math.min(utf16Index, this.text.length));
    if (this.bmpOnly) return target;
    if (target < this.utf16) {
      this.utf16 = 0;
      this.codePoints = 0;
    }
    this.codePoints += countCodePoints(this.text, this.utf16, target);
    // A pair split by the previous target was counted as one code point on each side; fix the seam.
    if (this.utf16 > 0 && this.utf16 < target && isLowSurrogate(this.text.charCodeAt(this.utf16)) && isHighSurrogate(this.text.charCodeAt(this.utf16 - 1))) {
      this.codePoints--;
    }
    this.utf16 = target;
    return this.codePoints;
  }
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
