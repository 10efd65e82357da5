/** Short quotes: for the triangulation audit's evidence cells (a word boundary) and for reports (a sentence boundary). */
import { splitSentences } from '../text/sentences.js';

/** The longest quote, in code points, the "…" included. */
export const QUOTE_LIMIT = 160;

// A cut closer to the start than this would drop most of the quote; cut mid-word instead.
const MIN_WORD_CUT = QUOTE_LIMIT / 2;

/** The text on one line, at most `limit` code points, cut at a word boundary and ended with "…" when longer. */
export function shortenQuote(text: string, limit: number = QUOTE_LIMIT): string {
  // Multi-line turns are shown in one table cell, so line breaks and runs of spaces become one space.
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat; // UTF-16 length >= code points, so this is already short enough
  const chars = Array.from(flat);
  if (chars.length <= limit) return flat;
  // Keep at most limit - 1 code points so the "…" fits; the space at index limit - 1 is a clean cut too.
  let cut = -1;
  for (let i = limit - 1; i >= MIN_WORD_CUT; i--) {
    if (chars[i] === ' ') {
      cut = i;
      break;
    }
  }
  const head = chars.slice(0, cut === -1 ? limit - 1 : cut).join('').trimEnd();
  return `${head}…`;
}

/**
 * A whole unit as a report quotes it: the text on one line, whole when at most `limit` code points, else
 * its first sentences that fit, ended with " …" (cut mid-sentence, at a word, only when the first sentence
 * alone is longer). A quote is never only the matched words, and never stops inside a sentence it could keep.
 */
export function shortenAtSentence(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (Array.from(flat).length <= limit) return flat;
  let kept = '';
  for (const { start, end } of splitSentences(flat)) {
    const next = kept ? `${kept} ${flat.slice(start, end)}` : flat.slice(start, end);
    // Room for the " …" that marks the cut.
    if (Array.from(next).length > limit - 2) break;
    kept = next;
  }
  return kept ? `${kept} …` : shortenQuote(flat, limit);
}
