import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePseudonymizer } from '../core/pseudonymize.js';
import { InputError } from '../errors.js';
import { readPseudonymMap } from './read-pseudonym-map.js';

const SAMPLE = fileURLToPath(new URL('../../samples/bpjs-medan/pseudonyms.csv', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'telaah-pseudonyms-'));
});

/** Write `content` to a fresh file in the test folder and return its path. */
function mapFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The one-line message the CLI would print, with the temporary folder removed. */
function refusal(path: string): string {
  try {
    readPseudonymMap(path);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).format().replace(`${dir}/`, '');
  }
  throw new Error('expected readPseudonymMap to refuse the file');
}

describe('readPseudonymMap', () => {
  it('reads every row when LF and CRLF line ends are mixed: no real name hides in a pseudonym (fuzz counterexample)', () => {
    // After a CRLF header, csv-parse did not end a row at a lone LF: "Siti Aminah" became part of Sumiati's
    // pseudonym ("Sumiati Siti Aminah"), and her name was never replaced.
    const path = mapFile('mixed.csv', 'real_name,pseudonym\r\nSudarto Wibowo,Darto\nSiti Aminah,Sumiati\n');
    expect(readPseudonymMap(path)).toEqual([
      { realName: 'Sudarto Wibowo', pseudonym: 'Darto', variants: [] },
      { realName: 'Siti Aminah', pseudonym: 'Sumiati', variants: [] },
    ]);
    expect(refusal(mapFile('mixed-dup.csv', 'real_name,pseudonym\nA,B\r\nA,C\n'))).toMatch(/^mixed-dup\.csv:3: real name "A" is listed twice \(also on line 2\)/);
  });

  it('reads the sample study map', () => {
    const entries = readPseudonymMap(SAMPLE);
    expect(entries).toHaveLength(8);
    expect(entries[0]).toEqual({ realName: 'Siti Aminah Lubis', pseudonym: 'Sumiati', variants: ['Siti Aminah', 'Siti'] });
    expect(entries[7]).toEqual({ realName: 'Teguh Santoso', pseudonym: 'Joko', variants: ['Teguh'] });
  });

  it('gives a map that pseudonymizes the sample names', () => {
    const p = compilePseudonymizer(readPseudonymMap(SAMPLE));
    expect(p.replace('SITI AMINAH (00:02:10): Kata Pak Hotman, Bu Suryani sudah daftar.').text).toBe(
      'SUMIATI (00:02:10): Kata Pak Tigor, Bu Saripah sudah daftar.',
    );
  });

  it('reads an Excel (Indonesian locale) export: BOM, semicolons, CRLF, Indonesian headers', () => {
    const path = mapFile('excel-id.csv', '\uFEFFNama Asli;Nama Samaran;Varian\r\nSiti Aminah Lubis;Sumiati;"Siti Aminah; Siti"\r\nBenny Simanjuntak;Bonar;\r\n');
    expect(readPseudonymMap(path)).toEqual([
      { realName: 'Siti Aminah Lubis', pseudonym: 'Sumiati', variants: ['Siti Aminah', 'Siti'] },
      { realName: 'Benny Simanjuntak', pseudonym: 'Bonar', variants: [] },
    ]);
  });

  it('reads a UTF-16 tab-separated "Unicode text" export with "real name" and "alias" headers', () => {
    const text = 'real name\talias\nJosé Hernández\tMateo\nMa’ruf Siregar\tAmir\n';
    const path = mapFile('unicode.txt', Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]));
    expect(readPseudonymMap(path)).toEqual([
      { realName: 'José Hernández', pseudonym: 'Mateo', variants: [] },
      { realName: 'Ma’ruf Siregar', pseudonym: 'Amir', variants: [] },
    ]);
  });

  it('reads a Windows-1252 file', () => {
    const path = mapFile('cp1252.csv', Buffer.from('name,samaran\nJos\xe9 Hern\xe1ndez,Mateo\n', 'latin1'));
    expect(readPseudonymMap(path)).toEqual([{ realName: 'José Hernández', pseudonym: 'Mateo', variants: [] }]);
  });

  it('keeps commas inside quotes, tidies spaces, skips blank rows and ignores extra columns', () => {
    const path = mapFile('quoted.csv', 'real_name,pseudonym,variants,note\n"Lubis,  Siti Aminah" , Sumiati ,  Siti ; ;Aminah ,x\n,,,\n\nTeguh Santoso,Joko,,ok\n');
    expect(readPseudonymMap(path)).toEqual([
      { realName: 'Lubis, Siti Aminah', pseudonym: 'Sumiati', variants: ['Siti', 'Aminah'] },
      { realName: 'Teguh Santoso', pseudonym: 'Joko', variants: [] },
    ]);
  });
});

describe('readPseudonymMap refuses', () => {
  it.each([
    ['a missing column, listing the header', 'real_name,alias2\nSiti,Sumiati\n', 'm1.csv:1: no pseudonym column (the header is: real_name, alias2). Name the columns real_name and pseudonym; variants (separated by ";") is optional'],
    ['a missing real-name column', 'who,pseudonym\nSiti,Sumiati\n', 'm2.csv:1: no real_name column (the header is: who, pseudonym). Name the columns real_name and pseudonym; variants (separated by ";") is optional'],
    ['an empty pseudonym cell', 'real_name,pseudonym\nSiti Aminah,Sumiati\nBenny,  \n', 'm3.csv:3: empty pseudonym cell. Fill in both real_name and pseudonym, or delete the row'],
    ['an empty real-name cell after a blank line', 'real_name,pseudonym\n\n,Sumiati\n', 'm4.csv:3: empty real_name cell. Fill in both real_name and pseudonym, or delete the row'],
    ['a short row', 'real_name,pseudonym\nSiti Aminah\n', 'm5.csv:2: empty pseudonym cell. Fill in both real_name and pseudonym, or delete the row'],
    ['the same real name twice', 'real_name,pseudonym\nSiti Aminah,Sumiati\nBenny,Bonar\nsiti aminah,Sari\n', 'm6.csv:4: real name "siti aminah" is listed twice (also on line 2). Keep one row per person'],
    ['a pseudonym that is a real name', 'real_name,pseudonym\nSiti Aminah,Sumiati\nBenny,Siti Aminah\n', 'm7.csv:3: pseudonym "Siti Aminah" is also a real name ("Siti Aminah", line 2). Choose a pseudonym that is nobody\'s real name'],
    ['a pseudonym that is a variant', 'real_name,pseudonym,variants\nSiti Aminah,Sumiati,Siti\nBenny,siti,\n', 'm8.csv:3: pseudonym "siti" is also a real name ("Siti Aminah", line 2). Choose a pseudonym that is nobody\'s real name'],
    ['one pseudonym for two people', 'real_name,pseudonym\nSiti Aminah,Sumiati\nBenny,Sumiati\n', 'm9.csv:3: pseudonym "Sumiati" is given to two people (also on line 2). Give each person their own pseudonym; list other spellings of one name as variants'],
    ['a variant shared by two people', 'real_name,pseudonym,variants\nSiti Aminah,Sumiati,Siti\nSiti Rahma,Sari,Siti\n', 'm10.csv:3: "Siti" is a name of both "Siti Aminah" (line 2) and "Siti Rahma". A shared first name cannot be pseudonymized safely; keep it as a variant of one person only'],
    ['a header without rows', 'real_name,pseudonym\n\n', 'm11.csv:1: has a header but no names. Add one row per participant'],
    ['an unclosed quote', 'real_name,pseudonym\n"Siti Aminah,Sumiati\n', 'm12.csv:2: is not valid CSV'],
  ])('%s', (_name, content, message) => {
    const file = message.slice(0, message.indexOf(':'));
    expect(refusal(mapFile(file, content))).toContain(message);
  });

  it('reports the line where a multi-line row starts', () => {
    const path = mapFile('multi.csv', 'real_name,pseudonym\n"Siti\nAminah",Sumiati\nBenny,\n');
    expect(refusal(path)).toBe('multi.csv:4: empty pseudonym cell. Fill in both real_name and pseudonym, or delete the row');
    expect(readPseudonymMap(mapFile('multi-ok.csv', 'real_name,pseudonym\n"Siti\nAminah",Sumiati\n'))).toEqual([
      { realName: 'Siti Aminah', pseudonym: 'Sumiati', variants: [] },
    ]);
  });

  it('a missing file', () => {
    expect(refusal(join(dir, 'nope.csv'))).toBe('nope.csv: pseudonym map not found. Check the path given to --pseudonyms');
  });

  it('a folder', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(refusal(folder)).toBe('a-folder: is a folder, not a CSV file. Give the pseudonym map file itself');
  });

  it('an empty file', () => {
    expect(refusal(mapFile('empty.csv', ''))).toBe('empty.csv: is empty. Check that this is the file you meant');
  });
});
