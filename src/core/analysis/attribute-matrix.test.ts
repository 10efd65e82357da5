import { describe, expect, it } from 'vitest';
import { attributeMatrix, attributeValues, NO_VALUE, pickQuotes, unitsByValue } from './attribute-matrix.js';
import { unitSetOf } from './unit-sets.js';

describe('attribute matrix', () => {
  // Participants 1 and 2 are in Medan, 3 in Bekasi, 4 has no site.
  const memberValue = new Map<number, string | null>([
    [1, 'Medan'],
    [2, 'Medan'],
    [3, 'Bekasi'],
    [4, null],
  ]);

  it("counts units, members and their share of the value's members", () => {
    const byMember = new Map([
      [1, unitSetOf([10, 11])],
      [2, unitSetOf([20])],
      [3, unitSetOf([30])],
    ]);
    const values = attributeValues(memberValue);
    expect(values).toEqual([
      { value: 'Bekasi', members: 1 },
      { value: 'Medan', members: 2 },
      { value: NO_VALUE, members: 1 },
    ]);
    const m = attributeMatrix([{ code: 'a', label: '', category: false, depth: 0, byValue: unitsByValue(byMember, memberValue) }], values);
    // No unit of a member without a site: no (none) column.
    expect(m.values.map((v) => v.value)).toEqual(['Bekasi', 'Medan']);
    expect(m.codes[0]!.cells).toEqual([
      { value: 'Bekasi', units: 1, members: 1, percent: 100 },
      { value: 'Medan', units: 3, members: 2, percent: 100 },
    ]);
  });

  it('quotes the shortest units long enough to say something', () => {
    const length = new Map([
      [1, 80],
      [2, 12],
      [3, 40],
      [4, 35],
    ]);
    expect(pickQuotes(unitSetOf([1, 2, 3, 4]), (id) => length.get(id)!, 2, 30)).toEqual([4, 3]);
    expect(pickQuotes(unitSetOf([1, 2]), (id) => length.get(id)!, 3, 30)).toEqual([1, 2]);
    expect(pickQuotes(unitSetOf([1]), (id) => length.get(id)!, 0, 30)).toEqual([]);
  });
});
