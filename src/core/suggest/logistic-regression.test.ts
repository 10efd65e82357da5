import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SparseVector } from './features.js';
import { DEFAULT_TRAINING, decisionValue, predictProbability, sigmoid, trainLogisticRegression, type TrainingOptions } from './logistic-regression.js';

const options: TrainingOptions = { ...DEFAULT_TRAINING, seed: 1 };

function vector(entries: [number, number][]): SparseVector {
  return { indices: Int32Array.from(entries.map(([i]) => i)), values: Float64Array.from(entries.map(([, v]) => v)) };
}

/** Features 0-1 mark positives, 2-3 negatives, 4 is shared noise; 8 units, 3 positive. */
const vectors = [
  vector([[0, 1], [4, 1]]),
  vector([[1, 1]]),
  vector([[0, 1], [1, 1]]),
  vector([[2, 1], [4, 1]]),
  vector([[3, 1]]),
  vector([[2, 1], [3, 1]]),
  vector([[2, 1]]),
  vector([[3, 1], [4, 1]]),
];
const labels = [true, true, true, false, false, false, false, false];

describe('sigmoid', () => {
  it('is the logistic function and never overflows', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2)).toBeCloseTo(1 / (1 + Math.exp(-2)), 15);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });
});

describe('trainLogisticRegression', () => {
  it('separates a tiny separable set perfectly', () => {
    const model = trainLogisticRegression(vectors, labels, 5, options);
    expect(vectors.map((x) => predictProbability(model, x) >= 0.5)).toEqual(labels);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[2]).toBeLessThan(0);
  });

  it('is deterministic: the same seed gives the same weights', () => {
    const a = trainLogisticRegression(vectors, labels, 5, options);
    const b = trainLogisticRegression(vectors, labels, 5, options);
    expect(b).toEqual(a);
    const other = trainLogisticRegression(vectors, labels, 5, { ...options, seed: 2 });
    expect(other.weights).not.toEqual(a.weights);
  });

  it('shrinks the weights harder with a larger penalty', () => {
    const loose = trainLogisticRegression(vectors, labels, 5, { ...options, lambda: 1e-4 });
    const tight = trainLogisticRegression(vectors, labels, 5, { ...options, lambda: 1e-1 });
    const size = (w: Float64Array): number => Math.hypot(...w);
    expect(size(tight.weights)).toBeLessThan(size(loose.weights));
  });

  it('with balanced classes, does not learn a rare class as "never"', () => {
    const rare = [...labels.map(() => false), true];
    const xs = [...vectors, vector([[0, 1]])];
    const model = trainLogisticRegression(xs, rare, 5, options);
    expect(predictProbability(model, vector([[0, 1]]))).toBeGreaterThan(0.5);
  });

  it('refuses mismatched inputs and a step size that would flip the weights', () => {
    expect(() => trainLogisticRegression(vectors, labels.slice(1), 5, options)).toThrow(RangeError);
    expect(() => trainLogisticRegression(vectors, labels, 5, { ...options, lambda: 4 })).toThrow(RangeError);
  });

  it('gives probabilities in [0, 1] for any data and vector', () => {
    const entry = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.double({ min: -50, max: 50, noNaN: true }));
    const unit = fc.uniqueArray(entry, { selector: ([i]) => i, maxLength: 6 }).map(vector);
    fc.assert(
      fc.property(fc.array(fc.tuple(unit, fc.boolean()), { minLength: 1, maxLength: 12 }), unit, fc.integer(), (data, probe, seed) => {
        const model = trainLogisticRegression(
          data.map(([x]) => x),
          data.map(([, y]) => y),
          6,
          { ...options, epochs: 3, seed },
        );
        const p = predictProbability(model, probe);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(Number.isFinite(decisionValue(model, probe))).toBe(true);
      }),
    );
  });
});
