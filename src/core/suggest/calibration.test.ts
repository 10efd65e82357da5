import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPlattScaling, plattProbability } from './calibration.js';

/** The gradient of Platt's objective at (a, b): zero at the optimum. */
function gradient(scores: number[], labels: boolean[], a: number, b: number): [number, number] {
  const positives = labels.filter(Boolean).length;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (labels.length - positives + 2);
  let ga = 0;
  let gb = 0;
  scores.forEach((z, i) => {
    const d = (labels[i] ? hi : lo) - plattProbability({ a, b }, z);
    ga += z * d;
    gb += d;
  });
  return [ga, gb];
}

describe('fitPlattScaling', () => {
  it('finds the optimum of an overlapping set, rising with the score', () => {
    const scores = [-3, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2];
    const labels = [false, false, false, true, false, false, true, false, true, true];
    const scaling = fitPlattScaling(scores, labels);
    expect(scaling.a).toBeLessThan(0);
    const [ga, gb] = gradient(scores, labels, scaling.a, scaling.b);
    expect(Math.abs(ga)).toBeLessThan(1e-4);
    expect(Math.abs(gb)).toBeLessThan(1e-4);
    expect(plattProbability(scaling, 2)).toBeGreaterThan(plattProbability(scaling, -2));
  });

  it('stays finite on separable scores, thanks to the smoothed targets', () => {
    const scaling = fitPlattScaling([-2, -1, 1, 2], [false, false, true, true]);
    expect(Number.isFinite(scaling.a) && Number.isFinite(scaling.b)).toBe(true);
    // Targets are 3/4 and 1/4 for two of each: no score gets certainty.
    expect(plattProbability(scaling, 2)).toBeLessThan(0.95);
    expect(plattProbability(scaling, -2)).toBeGreaterThan(0.05);
  });

  it('learns the base rate when the scores say nothing', () => {
    const labels = Array.from({ length: 40 }, (_, i) => i % 4 === 0);
    const scaling = fitPlattScaling(labels.map(() => 0.3), labels);
    // 10 positives of 40: the smoothed targets are 11/12 and 1/32, and a constant score gets their mean.
    const expected = ((11 / 12) * 10 + (1 / 32) * 30) / 40;
    expect(plattProbability(scaling, 0.3)).toBeCloseTo(expected, 3);
  });

  it('gives probabilities in [0, 1] for any scores', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.boolean()), { maxLength: 30 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (data, z) => {
        const scaling = fitPlattScaling(
          data.map(([s]) => s),
          data.map(([, y]) => y),
        );
        const p = plattProbability(scaling, z);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses mismatched inputs', () => {
    expect(() => fitPlattScaling([1, 2], [true])).toThrow(RangeError);
  });
});
