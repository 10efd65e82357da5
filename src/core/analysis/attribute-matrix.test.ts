import { describe, expect, it } from 'vitest';
import { attributeMatrix, attributeValues, NO_VALUE, QuotePicker, unitsByValue } from './attribute-matrix.js';
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
    const pick = (ids: number[], k: number): number[] => {
      const picker = new QuotePicker(k, 30);
      for (const id of ids) picker.offer(id, length.get(id)!);
      return picker.ids();
    };
    expect(pick([1, 2, 3, 4], 2)).toEqual([4, 3]);
    expect(pick([1, 2], 3)).toEqual([1, 2]);
    expect(pick([1], 0)).toEqual([]);
    // Offered in any order and more than once, a unit is kept once; equal lengths go to the earlier unit.
    const picker = new QuotePicker(2, 30);
    for (const [id, len] of [[9, 40], [3, 35], [3, 35], [5, 35], [2, 10]] as const) picker.offer(id, len);
    expect(picker.ids()).toEqual([3, 5]);
  });
});
