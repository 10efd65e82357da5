import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import type { Codebook, CodeDef, CodePatterns } from '../codebook/types.js';
import { compilePatterns, describeTerm, rewriteWordStartBoundaries } from './compile-patterns.js';
import { createStemmers } from './stemmers.js';

const stemmers = createStemmers();

const noPatterns: CodePatterns = { any: {}, all: [], near: [], not: [], regex: [], fireWhenNegated: false };

function codebookWith(codes: { id: string; patterns: Partial<CodePatterns> }[], negation: Partial<Record<'id' | 'en', string[]>> = {}): Codebook {
  return {
    name: 'test',
    version: '1',
    languages: ['id', 'en'],
    authors: [],
    description: null,
    negation: { words: negation, window: 3 },
    codes: codes.map(
      (c): CodeDef => ({
        id: c.id,
        parent: null,
        label: {},
        definition: 'd',
        whenToUse: null,
        whenNotToUse: null,
        examples: [],
        counterexamples: [],
        patterns: { ...noPatterns, ...c.patterns },
        required: false,
        contrasts: [],
        line: 7,
      }),
    ),
  };
}

describe('describeTerm', () => {
  it('writes terms as the codebook does', () => {
    expect(describeTerm({ text: 'paham manfaat', kind: 'stem' })).toBe('paham manfaat');
    expect(describeTerm({ text: 'kartu peserta', kind: 'exact' })).toBe('"kartu peserta"');
    expect(describeTerm({ text: 'daftar', kind: 'prefix' })).toBe('daftar*');
    expect(describeTerm({ text: 'daftar*', kind: 'prefix' })).toBe('daftar*');
  });
});

describe('compilePatterns', () => {
  const compiled = compilePatterns(
    codebookWith(
      [
        { id: 'role', patterns: {} },
        { id: 'role/broker', patterns: { any: { id: [{ text: 'daftar', kind: 'stem' }, { text: 'ikut', kind: 'prefix' }], en: [{ text: 'register', kind: 'stem' }] } } },
        { id: 'outcome', patterns: { any: { id: [{ text: 'kartu peserta', kind: 'exact' }] }, not: [{ text: 'payment', kind: 'stem' }] } },
        { id: 'only-not', patterns: { not: [{ text: 'KIS', kind: 'stem' }] } },
      ],
      { id: ['tidak', ' Nggak '], en: ["n't", 'never'] },
    ),
    stemmers,
  );

  it('leaves out codes that cannot fire (no patterns, or only not-terms)', () => {
    expect(compiled.codes.map((c) => c.id)).toEqual(['role/broker', 'outcome']);
  });

  it.each([
    ['mendaftar', 1, 1, false], // Indonesian stem daftar
    ['registered', 1, 1, false], // English stem regist
    ['ikutan', 1, 1, false], // prefix ikut
    ['kartu', 1, 1, false], // first word of an exact phrase
    ['peserta', 1, 0, false], // only continues a phrase
    ['payments', 1, 1, false], // not-term on the English stem
    ['pembayaran', 0, 0, false], // "payment" is not an Indonesian stem
    ['hujan', 0, 0, false],
    ['tidak', 0, 0, true],
    ['nggak', 0, 0, true], // negation words are trimmed and lower-cased
    ["don't", 0, 0, true], // n't matches word endings
    ['never', 0, 0, true],
    ['no', 0, 0, false],
  ])('describeWord(%s): %i matchers, %i heads, negation %s', (word, matchers, heads, negation) => {
    const info = compiled.describeWord(word);
    expect([info.matchers.length, info.heads.length, info.negation]).toEqual([matchers, heads, negation]);
  });

  it('normalizes the typographic apostrophe', () => {
    expect(compiled.describeWord('don’t').negation).toBe(true);
  });

  it('refuses a term without words, at its place in the codebook', () => {
    const bad = codebookWith([{ id: 'x', patterns: { any: { id: [{ text: '?!', kind: 'stem', line: 12, col: 9 }] } } }]);
    expect(() => compilePatterns(bad, stemmers)).toThrow(InputError);
    try {
      compilePatterns(bad, stemmers);
    } catch (error) {
      expect((error as InputError).location).toMatchObject({ line: 12, col: 9 });
      expect((error as InputError).message).toContain('"?!"');
    }
  });

  it('refuses a regex that is not valid under the u flag', () => {
    const bad = codebookWith([{ id: 'x', patterns: { regex: [{ source: 'a{', flags: 'i', line: 3, col: 5 }] } }]);
    expect(() => compilePatterns(bad, stemmers)).toThrow(/regex \/a\{\/ of code x/);
  });

  it('refuses a negation entry of more than one word', () => {
    const bad = codebookWith([], { id: ['tidak pernah'] });
    expect(() => compilePatterns(bad, stemmers)).toThrow(InputError);
  });
});

describe('rewriteWordStartBoundaries', () => {
  it.each([
    ['\\bJMO\\b', '(?<!\\w)JMO\\b'],
    ['\\b(?:JMO|BPJSTK)\\b', '(?<!\\w)(?:JMO|BPJSTK)\\b'],
    ['\\b\\d+\\s*ribu', '(?<!\\w)\\d+\\s*ribu'],
    ['x|\\bklaim\\s+\\bJHT', 'x|(?<!\\w)klaim\\s+(?<!\\w)JHT'],
    // left alone: a backspace in a class, an escaped backslash, optional or unknown next atoms
    ['[\\b]x', '[\\b]x'],
    ['\\\\bx', '\\\\bx'],
    ['\\bx?y', '\\bx?y'],
    ['\\b\\d{2}', '\\b\\d{2}'],
    ['\\b(a|)x', '\\b(a|)x'],
    ['\\b(?<n>a)', '\\b(?<n>a)'],
    ['\\b\\s', '\\b\\s'],
    ['\\b-', '\\b-'],
  ])('%s → %s', (source, rewritten) => {
    expect(rewriteWordStartBoundaries(source)).toBe(rewritten);
  });

  it('finds exactly the same matches as the original under "giu"', () => {
    const piece = fc.constantFrom('\\b', '\\b', 'a', 'k', 's', 'J', '_', '1', '\\d', '\\w', '\\s', '-', '(?:', '(', ')', '|', '+', '?', '*', '[a-z]', '[\\b]', '.', '\\\\');
    const sourceArb = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    const textArb = fc.string({ unit: fc.constantFrom('a', 'K', 'k', '\u212a', 's', 'S', '\u017f', 'j', '_', '1', ' ', '-', 'é', '\\', '\b', '👍'), maxLength: 12 });
    fc.assert(
      fc.property(sourceArb, textArb, (source, text) => {
        let original: RegExp;
        try {
          original = new RegExp(source, 'giu');
        } catch {
          return;
        }
        const rewritten = new RegExp(rewriteWordStartBoundaries(source), 'giu');
        const all = (re: RegExp): string[] => [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
        expect(all(rewritten)).toEqual(all(original));
      }),
      { numRuns: 3000 },
    );
  });
});
