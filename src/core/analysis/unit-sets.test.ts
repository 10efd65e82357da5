import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countShared, hasUnit, intersectSets, subtractSets, unionAll, unionSets, unitSetOf } from './unit-sets.js';

const set = fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }).map(unitSetOf);
const list = (s: Float64Array): number[] => [...s];

describe('unit sets', () => {
  it('sorts and drops repeats', () => {
    expect(list(unitSetOf([5, 3, 5, 9, 1]))).toEqual([1, 3, 5, 9]);
  });

  it('agree with Set operations', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        const sa = new Set(a);
        const sb = new Set(b);
        expect(list(unionSets(a, b))).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
        expect(list(intersectSets(a, b))).toEqual(list(a).filter((x) => sb.has(x)));
        expect(list(subtractSets(a, b))).toEqual(list(a).filter((x) => !sb.has(x)));
        expect(countShared(a, b)).toBe(list(b).filter((x) => sa.has(x)).length);
        for (const x of [0, 1, 30, 61]) expect(hasUnit(a, x)).toBe(sa.has(x));
      }),
    );
  });

  it('unite few sets and many sets alike', () => {
    fc.assert(
      fc.property(fc.array(set, { maxLength: 40 }), (sets) => {
        expect(list(unionAll(sets))).toEqual([...new Set(sets.flatMap(list))].sort((x, y) => x - y));
      }),
    );
  });
});
