import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignStratifiedFolds } from './cross-validation.js';

const spread = (counts: number[]): number => Math.max(...counts) - Math.min(...counts);

describe('assignStratifiedFolds', () => {
  it('puts every unit in exactly one fold, stratified, with fold sizes within one of each other', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), fc.integer({ min: 2, max: 10 }), fc.integer(), (labels, k, seed) => {
        const fold = assignStratifiedFolds(labels, k, seed);
        expect(fold).toHaveLength(labels.length);
        expect(fold.every((f) => Number.isInteger(f) && f >= 0 && f < k)).toBe(true);
        const count = (keep: (i: number) => boolean): number[] => Array.from({ length: k }, (_, f) => fold.filter((g, i) => g === f && keep(i)).length);
        expect(spread(count((i) => labels[i]!))).toBeLessThanOrEqual(1);
        expect(spread(count((i) => !labels[i]))).toBeLessThanOrEqual(1);
        expect(spread(count(() => true))).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives the same folds for the same seed', () => {
    const labels = Array.from({ length: 30 }, (_, i) => i % 3 === 0);
    expect(assignStratifiedFolds(labels, 5, 9)).toEqual(assignStratifiedFolds(labels, 5, 9));
    expect(assignStratifiedFolds(labels, 5, 9)).not.toEqual(assignStratifiedFolds(labels, 5, 10));
  });

  it('spreads 5 positives of 20 units over 5 folds one each', () => {
    const labels = Array.from({ length: 20 }, (_, i) => i < 5);
    const fold = assignStratifiedFolds(labels, 5, 1);
    expect(fold.slice(0, 5).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses fewer than two folds', () => {
    expect(() => assignStratifiedFolds([true, false], 1, 1)).toThrow(RangeError);
    expect(() => assignStratifiedFolds([true, false], 2.5, 1)).toThrow(RangeError);
  });
});
