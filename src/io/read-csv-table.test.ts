import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { parseCsvTable } from './read-csv-table.js';

describe('parseCsvTable', () => {
  it('reads rows and their lines', () => {
    expect(parseCsvTable('pseudonym,group\nSumiati,a\n\n"Darto, Pak",b\n', 'p.csv')).toEqual({
      header: ['pseudonym', 'group'],
      rows: [
        { line: 2, cells: ['Sumiati', 'a'] },
        { line: 4, cells: ['Darto, Pak', 'b'] },
      ],
    });
  });

  it('numbers lines right when LF and CRLF line ends are mixed (fuzz counterexample)', () => {
    expect(parseCsvTable('a\nb\r\nc\r\n', 'm.csv').rows).toEqual([
      { line: 2, cells: ['b'] },
      { line: 3, cells: ['c'] },
    ]);
    // After a CRLF, a lone LF still ends a row.
    expect(parseCsvTable('a\r\nb\nc\n', 'm.csv').rows.map((r) => r.cells)).toEqual([['b'], ['c']]);
  });

  it('places an unclosed quote on a line of the file (fuzz counterexample)', () => {
    const error = (() => {
      try {
        parseCsvTable('lokasi,catatan\n\r\nMedan,"tertahan\n', 'q.csv');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location).toEqual({ file: 'q.csv', line: 3, col: undefined });
  });
});
