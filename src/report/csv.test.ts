import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, renderCsv, renderCsvRow } from './csv.js';

describe('CSV', () => {
  it('quotes fields with commas, quotes and line breaks, and doubles quotes', () => {
    expect(renderCsvRow(['a,b', 'say "iya"', 'one\ntwo', 'plain'])).toBe('"a,b","say ""iya""","one\ntwo",plain\r\n');
    expect(renderCsv(['x', 'y'], [[1, null], [undefined, '']])).toBe('x,y\r\n1,\r\n,\r\n');
  });

  it.each([
    ['=HYPERLINK("http://x","klik")', `'=HYPERLINK("http://x","klik")`],
    ['+62 812 555', "'+62 812 555"],
    ['- iuran mahal', "'- iuran mahal"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A3)', "'@SUM(A1:A3)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['cmd|calc', 'cmd|calc'],
    ['Iya, =1 itu', 'Iya, =1 itu'],
    ['-0.12', '-0.12'],
    ['+5', '+5'],
    ['-3e2', '-3e2'],
    ['2025-04-19', '2025-04-19'],
  ])('neutralises %j as %j', (cell, safe) => {
    expect(neutraliseCell(cell)).toBe(safe);
  });

  it('keeps negative numbers as numbers and neutralises formulas inside quoted fields', () => {
    const line = renderCsvRow([-0.25, -3, '=1+2', '-x, y', 'ok']);
    expect(line).toBe(`-0.25,-3,'=1+2,"'-x, y",ok\r\n`);
    // What a CSV reader gets back is the neutralised text and the number unchanged.
    expect(parse(line)).toEqual([['-0.25', '-3', "'=1+2", "'-x, y", 'ok']]);
  });
});
