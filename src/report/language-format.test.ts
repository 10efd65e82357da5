import { describe, expect, it } from 'vitest';
import { capitalize, joinList, numberFormat } from './language-format.js';

describe('numberFormat', () => {
  it('groups digits and places the decimal point as each language writes them', () => {
    const id = numberFormat('id');
    const en = numberFormat('en');
    expect([id.number(1178.1, 1), en.number(1178.1, 1), id.number(1234567), en.number(1234567), id.number(999), en.number(-1234)]).toEqual([
      '1.178,1', '1,178.1', '1.234.567', '1,234,567', '999', '-1,234',
    ]);
    expect([id.number(0.875 * 100, 1), en.number(0.7125, 2), id.number(12.5), en.number(3, 2)]).toEqual(['87,5', '0.71', '13', '3.00']);
  });

  it('writes a negative number that rounds to zero as zero', () => {
    expect([numberFormat('id').number(-0.04, 1), numberFormat('en').number(-0.4)]).toEqual(['0,0', '0']);
  });

  it('gives the separators for code that formats elsewhere (the HTML report in the browser)', () => {
    expect([numberFormat('id').group, numberFormat('id').point, numberFormat('en').group, numberFormat('en').point]).toEqual(['.', ',', ',', '.']);
  });
});

describe('joinList', () => {
  it('reads a list aloud with the language\'s "and"', () => {
    expect([joinList([], 'dan'), joinList(['ana'], 'dan'), joinList(['ana', 'budi'], 'dan'), joinList(['a', 'b', 'c'], 'and')]).toEqual(['', 'ana', 'ana dan budi', 'a, b and c']);
  });
});

describe('capitalize', () => {
  it('raises the first letter only', () => {
    expect([capitalize('wawancara'), capitalize('FGD'), capitalize('focus group'), capitalize('')]).toEqual(['Wawancara', 'FGD', 'Focus group', '']);
  });
});
