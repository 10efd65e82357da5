import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from './validate-regex.js';

const NESTED = 'a repeated group contains a quantifier (like (a+)+), which can backtrack forever; repeat only single characters or fixed text';
const AMBIGUOUS = 'a repeated group has alternatives that can match the same text (like (a|ab)*), which can backtrack forever; make the alternatives start differently';

describe('checkRegexSafety', () => {
  it.each([
    '\\bJMO\\b',
    'iuran\\s+\\d+',
    '(?:daftar|registrasi)',
    '(?:daftar|registrasi)+',
    '\\b\\d{16}\\b',
    'BPJS\\s*(?:TK|Ketenagakerjaan)',
    '(?:ab)+',
    '(ab){2}',
    '(a+)?',
    '(.|\\n)*',
    '(?:[a-z]|\\d)+',
    '[(]+',
    '\\(a+\\)+',
    'rp\\.?\\s?\\d{1,3}(?:\\.\\d{3})*',
    '(?<name>kartu)\\s+peserta',
  ])('accepts %s', (source) => {
    expect(checkRegexSafety(source)).toBeNull();
  });

  it.each([
    ['(a+)+$', NESTED],
    ['(a*)*', NESTED],
    ['(\\w+\\s?)*', NESTED],
    ['(?:x?y)+', NESTED],
    ['(a+){3}', NESTED],
    ['((ab)*)+', NESTED],
    ['(?=(a+)+b)', NESTED],
    ['(a|a)*', AMBIGUOUS],
    ['(a|ab)*', AMBIGUOUS],
    ['(\\d|\\w)+', AMBIGUOUS],
    ['(?:kartu|KARTU)+', AMBIGUOUS],
    ['(a|)*', AMBIGUOUS],
    ['(?:x(?:a|ab)y)+', AMBIGUOUS],
    ['(.)\\1', 'backreferences (\\1, \\k<name>) are not allowed'],
    ['(?<n>x)\\k<n>', 'backreferences (\\1, \\k<name>) are not allowed'],
    ['', 'the regex is empty'],
    ['(', 'invalid regular expression: Unterminated group'],
    ['a**', 'invalid regular expression: Nothing to repeat'],
    ['a'.repeat(1001), 'the regex is longer than 1000 characters; split it or use terms'],
  ])('refuses %s', (source, reason) => {
    expect(checkRegexSafety(source)).toBe(reason);
  });

  it('refuses (a+)+$ because it really is slow, and the accepted shape finishes at once', () => {
    const text = `${'a'.repeat(20)}!`;
    const slowStart = performance.now();
    /(a+)+$/.test(text);
    const slow = performance.now() - slowStart;
    const fastStart = performance.now();
    /a+$/.test(text);
    const fast = performance.now() - fastStart;
    expect(checkRegexSafety('a+$')).toBeNull();
    expect(slow).toBeGreaterThan(fast);
  });

  it('never throws on arbitrary text and only accepts what compiles', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (source) => {
        const why = checkRegexSafety(source);
        if (why === null) expect(() => new RegExp(source, 'i')).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on random regex-like strings', () => {
    const piece = fc.constantFrom('(', ')', '(?:', '(?=', '(?<!', '|', '*', '+', '?', '{2}', '{1,}', '[a-z]', '[^)]', '\\d', '\\w', '\\1', '\\b', '.', 'a', 'b', '^', '$', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const source = parts.join('');
        const why = checkRegexSafety(source);
        if (why === null) expect(() => new RegExp(source, 'i')).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });
});

describe('checkRegexSafety with the flags the auto-coder uses', () => {
  it('refuses what only the u flag rejects', () => {
    expect(checkRegexSafety('a{')).toMatch(/invalid regular expression/);
  });
});
