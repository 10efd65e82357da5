import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldUnit } from './name-chars.js';
import { indexForms, scanNames, scanNamesByUnits, type NameIndex } from './name-scan.js';

/** Forms as the pseudonymizer folds them (spaces already single), each its own person. */
function index(forms: readonly string[]): NameIndex<string> {
  return indexForms(forms.map((form) => ({ units: Uint16Array.from(form, (ch) => foldUnit(ch.charCodeAt(0))), person: form })));
}

const FORMS = ['Siti Aminah Lubis', 'Siti Aminah', 'Siti', 'Sudarto', 'Kiki', 'Ma\'ruf', 'José', 'Nur Aisyah', 'Aisyah', 'A. Yani', 'A Yani', 'Ömer', 'İlham'];
const names = index(FORMS);
const hitsOf = (text: string, scan: typeof scanNames = scanNames): [number, number, number, string][] =>
  scan(text, names).map((h) => [h.start, h.end, h.next, h.person]);

describe('scanNames', () => {
  it.each([
    ['a name at the very start and the very end', 'Siti datang, kata Sudarto', [[0, 4, 4, 'Siti'], [18, 25, 25, 'Sudarto']]],
    ['the longest form', 'Siti Aminah Lubis.', [[0, 17, 17, 'Siti Aminah Lubis']]],
    ['a form over a CRLF and a no-break space', 'Siti\r\nAminah dan Nur\u00a0Aisyah', [[0, 12, 12, 'Siti Aminah'], [17, 27, 27, 'Nur Aisyah']]],
    ['clitics, kept out of the name', 'Sitinya, Sudartokupun', [[0, 4, 7, 'Siti'], [9, 16, 21, 'Sudarto']]],
    ['not inside a word or next to a digit', 'Sitinjak, kasiti, 2Siti, Siti2, éSiti', []],
    ['after a combining mark is inside a word', 'e\u0301Siti', []],
    ['after honorifics and punctuation', 'Bu Siti, Pak.Sudarto (Aisyah) "Kiki"', [[3, 7, 7, 'Siti'], [13, 20, 20, 'Sudarto'], [22, 28, 28, 'Aisyah'], [31, 35, 35, 'Kiki']]],
    ['units that fold to ASCII: the long s, the Kelvin sign, a curly apostrophe', 'ſiti \u212aiki Ma’ruf', [[0, 4, 4, 'Siti'], [5, 9, 9, 'Kiki'], [10, 16, 16, "Ma'ruf"]]],
    ['a form whose second unit is not a letter', 'Jl. A. Yani no. 5', [[4, 11, 11, 'A. Yani']]],
    ['names with letters beyond ASCII', 'ÖMER dan İlham', [[0, 4, 4, 'Ömer'], [9, 14, 14, 'İlham']]],
    ['next to emoji (a surrogate pair is not a word character)', '😀Siti😀 Sudarto', [[2, 6, 6, 'Siti'], [9, 16, 16, 'Sudarto']]],
    ['after an astral letter is inside a word', '𝐀Siti Kiki', [[7, 11, 11, 'Kiki']]],
    // A lone high surrogate is one unit: stepping two over it would skip the name's first letter.
    ['right after a lone high surrogate', '\ud83dSiti \ud83d Kiki\ud83d', [[1, 5, 5, 'Siti'], [8, 12, 12, 'Kiki']]],
  ])('finds %s', (_what, text, expected) => {
    expect(hitsOf(text)).toEqual(expected);
    expect(hitsOf(text, scanNamesByUnits)).toEqual(expected);
  });

  it('finds nothing with no forms', () => {
    expect(scanNames('Siti', index([]))).toEqual([]);
  });

  // The RegExp (text without surrogates) must find what the loop over code units finds.
  const piece = fc.constantFrom(
    'Siti', 'SITI', 'siti', 'Aminah', 'Lubis', 'Sudarto', 'Kiki', 'Ma', "'", '’', 'ruf', 'José', 'Jose\u0301', 'Nur', 'Aisyah', 'A', '.', 'Yani',
    'Ömer', 'İlham', 'ılham', 'xA', 'A\nYani', 'ſ', '\u212a', 'Ⓢiti', ' ', '  ', '\n', '\r\n', '\u00a0', '\u3000', ',', '-', '2', 'x', 'é', '\u0301', 'nya', 'ku', 'pun',
    'lah', 'Bu ', 'Pak ', 'Sitinjak',
  );
  const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  it('finds by RegExp what the loop over code units finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(hitsOf(t)).toEqual(hitsOf(t, scanNamesByUnits));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds by RegExp what the loop finds in any BMP text', () => {
    const unit = fc.oneof(fc.constantFrom(...'SsIiTtKkAa .\n'), fc.integer({ min: 0, max: 0xd7ff }).map((c) => String.fromCharCode(c)));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((u) => u.join('')), (t) => {
        expect(hitsOf(t)).toEqual(hitsOf(t, scanNamesByUnits));
      }),
      { numRuns: 3000 },
    );
  });
});
