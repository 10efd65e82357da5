import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './did-you-mean.js';

const CODE_KEYS = ['id', 'label', 'definition', 'when_to_use', 'when_not_to_use', 'parent', 'required', 'contrasts', 'patterns', 'examples', 'counterexamples', 'children'];
const IDS = ['role', 'role/educator', 'role/broker', 'role/advocate', 'barrier', 'barrier/documentation', 'barrier/economic', 'outcome/enrollment'];

describe('editDistance', () => {
  it.each([
    ['definition', 'defintion', 1],
    ['label', 'lable', 1],
    ['when_to_use', 'when_to_usee', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('is symmetric and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d === 0).toBe(a === b);
      }),
    );
  });
});

describe('closest', () => {
  it.each([
    ['defintion', CODE_KEYS, ['definition']],
    ['when_to_usee', CODE_KEYS, ['when_to_use']],
    ['example', CODE_KEYS, ['examples', 'counterexamples']],
    ['educator', IDS, ['role/educator']],
    ['role/educater', IDS, ['role/educator']],
    ['barrier/doc', IDS, ['barrier/documentation']],
    ['enrolment', IDS, ['outcome/enrollment']],
    ['ROLE/BROKER', IDS, ['role/broker']],
    ['zzz', IDS, []],
    ['', IDS, []],
  ])('%s → %j', (wanted, candidates, expected) => {
    expect(closest(wanted, candidates, 2)).toEqual(expected);
  });

  it('ranks a whole last segment before a prefix, and a prefix before a near spelling', () => {
    expect(closest('role', ['roles', 'rule', 'x/role', 'role/broker'], 4)).toEqual(['x/role', 'roles', 'role/broker', 'rule']);
  });

  it('returns at most n, without duplicates', () => {
    expect(closest('role', ['role/a', 'role/a', 'role/b', 'role/c', 'role/d'], 3)).toEqual(['role/a', 'role/b', 'role/c']);
  });
});

describe('didYouMean', () => {
  it('phrases one or two suggestions for a message, or nothing', () => {
    expect(didYouMean('defintion', CODE_KEYS, 1)).toBe('; did you mean "definition"?');
    expect(didYouMean('example', CODE_KEYS)).toBe('; did you mean "examples" or "counterexamples"?');
    expect(didYouMean('qqq', CODE_KEYS)).toBe('');
  });
});
