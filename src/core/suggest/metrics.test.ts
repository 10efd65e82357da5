import { describe, expect, it } from 'vitest';
import { averageScores, countConfusion, scoreConfusion } from './metrics.js';

describe('countConfusion and scoreConfusion', () => {
  it('count and score a hand-checked case', () => {
    const actual = [true, true, true, true, false, false, false, false, false, false];
    const predicted = [true, true, true, false, true, true, false, false, false, false];
    const c = countConfusion(actual, predicted);
    expect(c).toEqual({ tp: 3, fp: 2, fn: 1, tn: 4 });
    // precision 3/5, recall 3/4, F1 = 2·0.6·0.75 / 1.35 = 2/3
    const s = scoreConfusion(c);
    expect(s.precision).toBeCloseTo(0.6, 12);
    expect(s.recall).toBeCloseTo(0.75, 12);
    expect(s.f1).toBeCloseTo(2 / 3, 12);
  });

  it('scores 0 where a ratio has nothing to divide by', () => {
    expect(scoreConfusion({ tp: 0, fp: 0, fn: 3, tn: 5 })).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoreConfusion({ tp: 0, fp: 2, fn: 0, tn: 5 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('refuses labels and predictions of different lengths', () => {
    expect(() => countConfusion([true], [true, false])).toThrow(RangeError);
  });
});

describe('averageScores', () => {
  it('micro-averages the summed counts and macro-averages the per-code scores', () => {
    const a = { tp: 3, fp: 2, fn: 1, tn: 4 }; // P 0.6, R 0.75, F1 2/3
    const b = { tp: 1, fp: 0, fn: 3, tn: 6 }; // P 1, R 0.25, F1 0.4
    const { micro, macro } = averageScores([a, b]);
    // summed: tp 4, fp 2, fn 4 → P 4/6, R 4/8, F1 8/14
    expect(micro.precision).toBeCloseTo(2 / 3, 12);
    expect(micro.recall).toBeCloseTo(0.5, 12);
    expect(micro.f1).toBeCloseTo(8 / 14, 12);
    expect(macro.precision).toBeCloseTo(0.8, 12);
    expect(macro.recall).toBeCloseTo(0.5, 12);
    expect(macro.f1).toBeCloseTo((2 / 3 + 0.4) / 2, 12);
  });

  it('is all zeros with no codes', () => {
    expect(averageScores([])).toEqual({ micro: { precision: 0, recall: 0, f1: 0 }, macro: { precision: 0, recall: 0, f1: 0 } });
  });
});
