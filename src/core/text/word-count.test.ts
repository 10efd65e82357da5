import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countUtf8Words, countWords } from './word-count.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('countWords', () => {
  it('counts whitespace-separated words', () => {
    expect(countWords('  satu dua\ntiga\u00a0empat  ')).toBe(4);
    expect(countWords('')).toBe(0);
  });

  it('counts what splitting at the word breaks counts (property)', () => {
    const unit = fc.constantFrom('a', 'é', '\u3000', ' ', '\n', '\r', '\t', '\u00a0', '\u2003', '.', '😀', '\u0100', '\u20ac', 'kata');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join('');
        expect(countWords(text)).toBe(text.split(/[ \n\t\r\u00a0\u3000]/).filter((w) => w !== '').length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('countUtf8Words', () => {
  it('counts the words of the text the bytes encode, breaking at no-break and ideographic spaces', () => {
    expect(countUtf8Words(utf8('Iuran\u00a0BPJS\u3000naik  lagi\n'))).toBe(4);
    expect(countUtf8Words(utf8(''))).toBe(0);
    // Bytes of other characters that share a lead byte with a break are no break: U+00A9 is C2 A9, U+3001 is E3 80 81.
    expect(countUtf8Words(utf8('a\u00a9b c\u3001d'))).toBe(2);
  });

  it('agrees with countWords on any text, lone surrogates included (property)', () => {
    const unit = fc.constantFrom('a', 'é', '\u3000', '\u3001', '\u00a0', '\u00a9', ' ', '\n', '\r', '\t', '\u2003', '😀', '\ud800', '\u20ac', '\u0100', 'kata');
    fc.assert(
      fc.property(fc.oneof(fc.array(unit, { maxLength: 30 }).map((units) => units.join('')), fc.string({ unit: 'grapheme' })), (text) => {
        // TextEncoder writes a lone surrogate as U+FFFD, which countWords also takes as a letter.
        expect(countUtf8Words(utf8(text))).toBe(countWords(text));
      }),
      { numRuns: 3000 },
    );
  });
});
