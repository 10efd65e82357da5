/**
 * Words as telaah counts them (a source's `words`, what a withdrawal removed): runs of characters between
 * white space, where white space is space, tab, the line ends, no-break space and the ideographic space.
 * The same count from a string and from its UTF-8 bytes: the parse worker hands a source's text over as
 * UTF-8, and the storing thread, which has time to spare, counts its words there.
 */

/** 1 for the code units below 256 that separate words (U+3000 is checked apart). */
const WORD_BREAK = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x09, 0x0d, 0xa0]) WORD_BREAK[c] = 1;

/** Whitespace-separated words, counted without allocating. */
export function countWords(text: string): number {
  // Without branches on the text (a word starts where a break is followed by a non-break): twice as fast
  // on prose, whose short words make a branch per character mispredict.
  let count = 0;
  let previous = 1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const space = c < 256 ? WORD_BREAK[c]! : c === 0x3000 ? 1 : 0;
    count += previous & (space ^ 1);
    previous = space;
  }
  return count;
}

/** countWords of the text these UTF-8 bytes encode (a byte that continues a character changes nothing). */
export function countUtf8Words(bytes: Uint8Array): number {
  let count = 0;
  let previous = 1;
  const n = bytes.length;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i]!;
    let space: number;
    // Below 0x80 the table holds the ASCII breaks; U+00A0 is C2 A0 in UTF-8, read with U+3000 below.
    if (b < 0x80) space = WORD_BREAK[b]!;
    else if (b < 0xc0) continue;
    else space = (b === 0xc2 && bytes[i + 1] === 0xa0) || (b === 0xe3 && bytes[i + 1] === 0x80 && bytes[i + 2] === 0x80) ? 1 : 0;
    count += previous & (space ^ 1);
    previous = space;
  }
  return count;
}
