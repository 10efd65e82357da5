import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalizeText, isKnownNfc } from './canonical.js';

/** What canonicalisation means, written the slow and obvious way. */
function canonicalizeSlowly(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n|\r/g, '\n').normalize('NFC');
}

describe('canonicalizeText', () => {
  it.each([
    ['strips a leading byte-order mark', '\uFEFFSaya pedagang.', 'Saya pedagang.'],
    ['keeps a byte-order mark that is not leading', 'a\uFEFFb', 'a\uFEFFb'],
    ['turns CRLF into LF', 'PEWAWANCARA: Halo.\r\nSITI: Iya.\r\n', 'PEWAWANCARA: Halo.\nSITI: Iya.\n'],
    ['turns a lone CR into LF', 'baris satu\rbaris dua\r\rtiga', 'baris satu\nbaris dua\n\ntiga'],
    ['composes e + combining acute', 'cafe\u0301', 'caf\u00e9'],
    ['composes decomposed Vietnamese', 'Nguye\u0302\u0303n', 'Nguy\u1ec5n'],
    ['maps the Ohm sign to Omega', '5 \u2126', '5 \u03a9'],
    ['maps U+2000 to U+2002', 'a\u2000b', 'a\u2002b'],
    ['leaves emoji, curly quotes and ellipsis alone', 'Iya… “bagus” 😀👍🏽', 'Iya… “bagus” 😀👍🏽'],
    ['handles all three at once', '\uFEFFJose\u0301\r\nok', 'Jos\u00e9\nok'],
    ['returns an empty string unchanged', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(canonicalizeText(input)).toBe(expected);
  });

  it('returns the same string object when nothing changes (no copy of a large ASCII text)', () => {
    const s = 'Saya bekerja sebagai pengemudi ojek online di Medan.\n'.repeat(1000);
    expect(canonicalizeText(s)).toBe(s);
  });

  it('agrees with the slow definition on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(canonicalizeText(s)).toBe(canonicalizeSlowly(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the slow definition on strings mixing text with combining marks and CRs', () => {
    const piece = fc.constantFrom('a', 'e', 'A', '\u0301', '\u0323', '\u0334', '\r', '\n', '\uFEFF', '’', '😀', '\u1100', '\u1161', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(canonicalizeText(s)).toBe(canonicalizeSlowly(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isKnownNfc', () => {
  it('is only true for code points that are NFC-stable starters composing with nothing', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!isKnownNfc(c)) continue;
      const stable =
        c.normalize('NFC') === c &&
        // a non-starter would be reordered before U+0334 (ccc 1)
        (c + '\u0334').normalize('NFC') === c + '\u0334' &&
        ('e' + c).normalize('NFC') === 'e' + c &&
        // Hangul jamo compose with a preceding leading consonant
        ('\u1100' + c).normalize('NFC') === '\u1100' + c;
      if (!stable) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('says "maybe" for combining marks and compatibility ideographs', () => {
    expect(isKnownNfc('cafe\u0301')).toBe(false);
    expect(isKnownNfc('\uf900')).toBe(false);
    expect(isKnownNfc('Nasi goreng… “enak” 😀')).toBe(true);
  });
});
