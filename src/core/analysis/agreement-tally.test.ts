import { describe, expect, it } from 'vitest';
import { AgreementTally, type UnitCodeRow, type UnitDisagreement } from './agreement-tally.js';

const rows = (...list: [number, string, string][]): UnitCodeRow[] => list.map(([unitId, code, coder]) => ({ unitId, code, coder }));

describe('AgreementTally', () => {
  it('tallies each code per pattern, with the units nobody gave it as all-no', () => {
    const tally = new AgreementTally(['ana', 'budi'], () => true);
    tally.addSource(0b11, 10, rows([1, 'a', 'ana'], [1, 'a', 'budi'], [2, 'a', 'ana'], [2, 'b', 'budi'], [5, 'b', 'budi']));
    expect(tally.codesSeen()).toEqual(['a', 'b']);
    expect(tally.patterns('a', false)).toEqual([
      { present: 0b11, yes: 0b11, units: 1 },
      { present: 0b11, yes: 0b01, units: 1 },
      { present: 0b11, yes: 0, units: 8 },
    ]);
    expect(tally.patterns('b', false)).toEqual([
      { present: 0b11, yes: 0b10, units: 2 },
      { present: 0b11, yes: 0, units: 8 },
    ]);
    // Excluding uncoded units: 3 units carry a compared code.
    expect(tally.unitCount(true)).toBe(3);
    expect(tally.patterns('b', true)).toEqual([
      { present: 0b11, yes: 0b10, units: 2 },
      { present: 0b11, yes: 0, units: 1 },
    ]);
  });

  it('ignores codes not compared and coders not present, and reports disagreements among those present', () => {
    const tally = new AgreementTally(['ana', 'budi', 'cici'], (code) => code !== 'x');
    const found: UnitDisagreement[] = [];
    // cici did not code this source: her rows (there should be none) are ignored.
    tally.addSource(0b011, 4, rows([1, 'a', 'ana'], [1, 'a', 'budi'], [1, 'x', 'ana'], [2, 'a', 'ana'], [3, 'a', 'cici']), (d) => found.push(d));
    expect(found.map((d) => [d.unitId, [...d.codes]])).toEqual([[2, [['a', 0b001]]]]);
    expect(tally.codesSeen()).toEqual(['a']);
    expect(tally.unitCount(true)).toBe(2);
  });

  it('a unit only one coder judged is no disagreement', () => {
    const tally = new AgreementTally(['ana', 'budi'], () => true);
    const found: UnitDisagreement[] = [];
    tally.addSource(0b01, 2, rows([1, 'a', 'ana']), (d) => found.push(d));
    expect(found).toEqual([]);
  });
});
