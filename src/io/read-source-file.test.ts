import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import type { InputFile } from './collect-files.js';
import { readSourceFile } from './read-source-file.js';

const file = (name: string, folder = 'interviews'): InputFile => ({ path: `/study/${folder}/${name}`, display: `${folder}/${name}`, explicit: true });
const options = { strict: true, knownSpeakers: ['Pewawancara', 'Sumiati'], columns: {} };

describe('readSourceFile', () => {
  it.each([
    ['t.txt', 'interviews'],
    ['t.md', 'observations'],
    ['t.vtt', 'fgd'],
    ['t.srt', 'interviews'],
    ['t.csv', 'interviews'],
    ['t.csv', 'documents'],
    ['t.docx', 'interviews'],
  ])('on arbitrary bytes as %s in %s/ returns a draft or throws InputError, nothing else', async (name, folder) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        try {
          const read = await readSourceFile(file(name, folder), Buffer.from(bytes), options);
          for (const turn of read.draft.turns) expect(typeof turn.text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).format()).toMatch(new RegExp(`^${folder}/${name.replace('.', '\\.')}`));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('decodes UTF-16 with a BOM, and Windows-1252 with a warning', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Pewawancara: Halo 😀\nSumiati: Iya.\n', 'utf16le')]);
    const a = await readSourceFile(file('a.txt'), utf16, options);
    expect(a.encoding).toBe('utf-16le');
    expect(a.draft.turns.map((t) => [t.speaker, t.text])).toEqual([
      ['Pewawancara', 'Halo 😀'],
      ['Sumiati', 'Iya.'],
    ]);
    const cp1252 = Buffer.from([...Buffer.from('Sumiati: Caf'), 0xe9, 0x20, 0x92, 0x6f, 0x6b, 0x92, 0x0a, ...Buffer.from('Pewawancara: Ya.\n')]);
    const b = await readSourceFile(file('b.txt'), cp1252, options);
    expect(b.draft.turns[0]!.text).toBe('Café ’ok’');
    expect(b.warnings.join('\n')).toMatch(/^interviews\/b\.txt:1:13: not valid UTF-8 .*Windows-1252/);
  });

  it('names the file once in a decoding warning (fuzz counterexample)', async () => {
    const read = await readSourceFile(file('w.txt'), Buffer.from([...Buffer.from('Sumiati: Iya.'), 0x80, 0x0a]), options);
    expect(read.warnings).toEqual([
      'interviews/w.txt:1:14: not valid UTF-8 (byte 0x80), so the file was read as Windows-1252; if characters look wrong, re-save it as UTF-8',
    ]);
  });

  it('gives every file metadata of one shape, whatever its format and the order its keys are written in', async () => {
    // One shape keeps ingest's optimized code: objects of many shapes threw it away as each new kind of file came.
    const study = new URL('../../samples/bpjs-medan/', import.meta.url).pathname;
    const shapes = new Set<string>();
    let formats = 0;
    for (const folder of ['interviews', 'fgd', 'observations', 'documents']) {
      for (const name of readdirSync(join(study, folder))) {
        const read = await readSourceFile({ path: join(study, folder, name), display: `${folder}/${name}`, explicit: true }, readFileSync(join(study, folder, name)), { ...options, strict: false });
        shapes.add(Object.keys(read.draft.meta).join(' '));
        formats |= 1 << ['.txt', '.md', '.vtt', '.srt', '.csv', '.docx'].indexOf(name.slice(name.lastIndexOf('.')));
      }
    }
    expect(formats).toBe(0b111111);
    const front = await readSourceFile(file('f.md', 'observations'), Buffer.from('---\nsite: Medan\ntitle: Pos\ntype: observation\n---\nCatatan.\n'), options);
    shapes.add(Object.keys(front.draft.meta).join(' '));
    expect([...shapes]).toEqual(['type date site title language participants attributes']);
  });

  it('reads NFD text as NFC', async () => {
    const read = await readSourceFile(file('c.txt'), Buffer.from('Sumiati: Cafe\u0301 di Medan.\nPewawancara: Oh.\n'), options);
    expect(read.draft.turns[0]!.text).toBe('Caf\u00e9 di Medan.');
  });
});
