import { describe, expect, it } from 'vitest';
import { isHonorific, labelKey, stripHonorifics } from './honorifics.js';

describe('honorifics', () => {
  it.each(['Bu', 'pak', 'Dr.', 'HJ', 'Mrs.', 'Prof', 'Mbak'])('%s is an honorific', (word) => {
    expect(isHonorific(word)).toBe(true);
  });

  it.each(['Siti', 'Drs.x', 'kabupaten', ''])('%s is not', (word) => {
    expect(isHonorific(word)).toBe(false);
  });

  it.each([
    ['Ibu Hj. Siti Aminah', 'Siti Aminah'],
    ['Dr. Lin Wei', 'Lin Wei'],
    ['Dr.Lin', 'Lin'],
    ['Pak  Sudarto', 'Sudarto'],
    ['Pak', 'Pak'],
    ['Bu. Pak.', 'Bu. Pak.'],
    ['Sudarto Pak', 'Sudarto Pak'],
    ['Pakde Karto', 'Pakde Karto'],
  ])('stripHonorifics(%j) is %j', (name, expected) => {
    expect(stripHonorifics(name)).toBe(expected);
  });

  it('labelKey strips leading honorifics but never the whole label', () => {
    expect(labelKey('Ibu Hj.  Nurhaliza')).toBe('nurhaliza');
    expect(labelKey('Bu')).toBe('bu');
  });
});
