import { describe, expect, it } from 'vitest';
import { foldUnit, isWordAt, unitsFolding, wordUnits } from './name-chars.js';

describe('the tables of every BMP unit', () => {
  it('wordUnits marks exactly the units isWordAt calls word characters', () => {
    const differ: string[] = [];
    const words = wordUnits();
    for (let c = 0; c < 0x10000; c++) {
      const surrogate = c >= 0xd800 && c <= 0xdfff;
      if (words[c] !== (!surrogate && isWordAt(String.fromCharCode(c), 0) ? 1 : 0)) differ.push(`U+${c.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });

  it('unitsFolding is the inverse of foldUnit over every unit but the surrogates', () => {
    const inverse = new Map<number, number[]>();
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const f = foldUnit(c);
      inverse.set(f, [...(inverse.get(f) ?? []), c]);
    }
    const differ: string[] = [];
    for (let f = 0; f < 0x10000; f++) {
      if ([...unitsFolding(f)].sort((a, b) => a - b).join() !== (inverse.get(f) ?? []).join()) differ.push(`U+${f.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });

  it('folds what the names need: ASCII case, the long s, the Kelvin sign, every apostrophe', () => {
    expect(unitsFolding(0x73)).toEqual(expect.arrayContaining([0x73, 0x53, 0x17f]));
    expect(unitsFolding(0x6b)).toEqual(expect.arrayContaining([0x6b, 0x4b, 0x212a]));
    expect([...unitsFolding(0x27)].sort((a, b) => a - b)).toEqual([0x27, 0x60, 0x2bc, 0x2018, 0x2019]);
  });
});
