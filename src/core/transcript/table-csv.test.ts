import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseTableCsv, readCsvRecords } from './table-csv.js';
import { errorOf } from '../../../test/helpers/input-error.js';

const survey = new URL('../../../../shared/reference/transcripts/qualcoder/survey456.csv', import.meta.url);

describe('parseTableCsv', () => {
  it('reads the QualCoder survey (CRLF, quoted commas, an empty cell) one unit per row', () => {
    const { turns, meta, warnings } = parseTableCsv(readFileSync(survey, 'utf8'));
    expect(meta).toEqual({ attributes: {} });
    expect(warnings).toEqual([]);
    expect(turns.map((t) => t.line)).toEqual([2, 3, 4]);
    expect(turns[0]).toEqual({
      speaker: null,
      text:
        'Case: ID4; Age: 24; Gender: f; Interest: shopping; freetext: I wanted to do some more studies but after ' +
        'leaving school and start working, I really lost the interest.',
      startMs: null,
      endMs: null,
      line: 2,
    });
    expect(turns[1]?.text).toMatch(/^Case: ID5; Gender: m; Interest: golf; freetext: I needed/);
    expect(turns[2]?.text).toMatch(/doing my gardening\.$/);
  });

  it('turns statistics rows into Header: value units', () => {
    const text = 'Kategori;Sebelum (%);Sesudah (%)\nPedagang kaki lima;24,3;70\n"Pemulung; lepas";;55\n';
    expect(parseTableCsv(text).turns.map((t) => [t.text, t.line])).toEqual([
      ['Kategori: Pedagang kaki lima; Sebelum (%): 24,3; Sesudah (%): 70', 2],
      ['Kategori: Pemulung; lepas; Sesudah (%): 55', 3],
    ]);
  });

  it('names unnamed header cells and keeps quotes, emoji and line breaks in cells', () => {
    const text = 'Dokumen,\n"Brosur ""Ayo Daftar""","hal. 1\nhal. 2 😀"\n';
    expect(parseTableCsv(text).turns.map((t) => [t.text, t.line])).toEqual([
      ['Dokumen: Brosur "Ayo Daftar"; column 2: hal. 1\nhal. 2 😀', 2],
    ]);
  });

  it('rejects an empty table and CSV syntax errors', () => {
    expect(errorOf(() => parseTableCsv('')).message).toMatch(/^empty CSV/);
    expect(errorOf(() => parseTableCsv('a,b\n,\n')).message).toMatch(/^empty table/);
    const err = errorOf(() => parseTableCsv('a,b\n1,2\n3,"4\n'));
    expect(err.location.line).toBe(3);
    expect(err.message).toMatch(/^invalid CSV: Quote Not Closed/);
  });

  it('gives each row the line it starts on', () => {
    const { rows } = readCsvRecords('a,b\r\n1,"x\r\ny"\r\n\r\n,\r\n3,4\r\n');
    expect(rows).toEqual([
      { cells: ['1', 'x\ny'], line: 2 },
      { cells: ['3', '4'], line: 6 },
    ]);
  });

  it('returns or throws InputError on any input', () => {
    const piece = fc.constantFrom('a', 'b', ',', ';', '\t', '"', '\n', '\r\n', ' ', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (t) => {
        try {
          for (const turn of parseTableCsv(t).turns) expect(turn.text).not.toBe('');
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
