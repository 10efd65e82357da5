import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSimpleCsv, type CsvRecord } from './simple-csv.js';

/** What readCsvRecords asks csv-parse for, read by csv-parse: the oracle. */
function csvParse(text: string, delimiter: string): CsvRecord[] | Error {
  try {
    const records = parse(text, { bom: true, delimiter, info: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_empty_values: true, trim: true }) as unknown as CsvRecord[];
    return records.map(({ record, info }) => ({ record, info: { lines: info.lines } }));
  } catch (error) {
    return error as Error;
  }
}

/** Whether readSimpleCsv read the text itself; when it did, its records must be csv-parse's. */
function readsLikeCsvParse(text: string, delimiter: string): boolean {
  const fast = readSimpleCsv(text, delimiter);
  if (fast === undefined) return false;
  expect(fast).toEqual(csvParse(text, delimiter));
  return true;
}

describe('readSimpleCsv', () => {
  it('reads a CSV transcript as csv-parse does: quoted fields, doubled quotes, line breaks in quotes, the line each row ends on', () => {
    const text = 'speaker,start,text\nPeneliti,00:00:04,"Sudah, Bu?"\n\n  Sumiati , 00:00:09 ,"Belum.\nKata dia ""nanti""."\nSumiati,00:00:20,dia bilang "ya" lalu pergi  \n,,\n';
    const records = readSimpleCsv(text, ',');
    expect(records).toEqual(csvParse(text, ','));
    expect(records!.map((r) => r.record[2])).toEqual(['text', 'Sudah, Bu?', 'Belum.\nKata dia "nanti".', 'dia bilang "ya" lalu pergi']);
    expect(records!.map((r) => r.info.lines)).toEqual([1, 2, 5, 6]);
  });

  it('leaves to csv-parse what it refuses or bends: a quote not closed, text after a closing quote, rows of another length, a BOM', () => {
    for (const text of ['a,b\n"open,1\n', 'a,b\n"x"y,1\n', 'a,b\n"x" y,1\n', 'a,b\n1,2,3\n', 'a,b\n\u00a0\n', '\ufeffa,b\n1,2\n', 'a,b\n\ud800,1\n']) {
      expect(readSimpleCsv(text, ',')).toBeUndefined();
    }
    expect(csvParse('a,b\n1,2,3\n', ',')).toBeInstanceOf(Error);
  });

  it('gives csv-parse\'s records wherever it reads the text itself (property)', () => {
    const unit = fc.constantFrom('a', 'Bu', ' ', '  ', '\t', '\f', ',', ';', '"', '""', '\n', '\n\n', 'é', '😀', '\u00a0', '\u3000', 'x y');
    let read = 0;
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), (units, delimiter) => {
        if (readsLikeCsvParse(units.join(''), delimiter)) read++;
      }),
      { numRuns: 20000 },
    );
    // The property must not hold by the reader giving up: most generated texts are read here.
    expect(read).toBeGreaterThan(10000);
  });

  it('gives csv-parse\'s records for table-shaped text of quoted and bare cells (property)', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'b', ' ', '"', 'é', '\u00a0', '.', '\t'), maxLength: 6 }),
      fc.string({ unit: fc.constantFrom('a', ',', ';', '\n', '""', ' ', 'é'), maxLength: 6 }).map((inner) => `"${inner}"`),
    );
    let read = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), fc.constantFrom(',', ';'), fc.boolean(), (width, rows, delimiter, finalNewline) => {
        const text = rows.map((cells) => cells.slice(0, width).join(delimiter)).join('\n') + (finalNewline ? '\n' : '');
        if (readsLikeCsvParse(text, delimiter)) read++;
      }),
      { numRuns: 10000 },
    );
    expect(read).toBeGreaterThan(5000);
  });
});
