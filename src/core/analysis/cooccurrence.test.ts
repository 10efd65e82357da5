import { describe, expect, it } from 'vitest';
import { cooccurrenceMatrix } from './cooccurrence.js';
import { unitSetOf } from './unit-sets.js';

const code = (id: string, units: number[]) => ({ code: id, label: '', category: false, units: unitSetOf(units) });

describe('cooccurrenceMatrix', () => {
  it("counts units with both codes, symmetric, with each code's units on the diagonal", () => {
    const m = cooccurrenceMatrix([code('a', [1, 2, 3, 4]), code('b', [3, 4, 5]), code('c', [])]);
    expect(m.counts).toEqual([
      [4, 2, 0],
      [2, 3, 0],
      [0, 0, 0],
    ]);
    expect(m.jaccard[0]![1]).toBe(0.4);
    expect(m.jaccard[1]![0]).toBe(0.4);
    expect(m.jaccard[2]![2]).toBe(0);
    expect(m.codes.map((c) => c.units)).toEqual([4, 3, 0]);
  });
});
