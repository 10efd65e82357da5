import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { collectInputFiles, foldersOf } from './collect-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telaah-collect-'));
  for (const path of ['study/interviews/w02.txt', 'study/interviews/W01.vtt', 'study/interviews/notes.pdf', 'study/fgd/f1.md', 'study/.hidden/x.txt', 'study/node_modules/y.txt', 'study/interviews/.z.txt']) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), 'Pewawancara: halo\n');
  }
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('collectInputFiles', () => {
  it('walks folders in name order, leaving out hidden entries, node_modules and what telaah does not read', () => {
    const files = collectInputFiles(['study'], dir);
    expect(files.map((f) => f.display)).toEqual([join('study', 'fgd', 'f1.md'), join('study', 'interviews', 'W01.vtt'), join('study', 'interviews', 'w02.txt')]);
    expect(files.map((f) => f.path)).toEqual(files.map((f) => join(dir, f.display)));
    expect(files.every((f) => !f.explicit)).toBe(true);
  });

  it('shows a file by its path from the working folder as path.relative gives it, however the folder is written', () => {
    const inside = join(dir, 'study');
    for (const cwd of [inside, `${inside}${sep}`, join(inside, 'fgd', '..'), `${inside}${sep}.${sep}`, join(inside, 'interviews'), dir.slice(0, dir.indexOf(sep, 1) + 1)]) {
      const files = collectInputFiles([join(dir, 'study')], cwd);
      expect(files.map((f) => f.display)).toEqual(files.map((f) => relative(cwd, f.path)));
    }
  });

  it('takes a named file once, as named, and refuses a missing path or a type it does not read', () => {
    const files = collectInputFiles([join('study', 'fgd', 'f1.md'), 'study', join(dir, 'study', 'fgd', 'f1.md')], dir);
    expect(files.map((f) => [f.display, f.explicit])).toEqual([
      [join('study', 'fgd', 'f1.md'), true],
      [join('study', 'interviews', 'W01.vtt'), false],
      [join('study', 'interviews', 'w02.txt'), false],
    ]);
    expect(() => collectInputFiles(['nothing'], dir)).toThrow(InputError);
    expect(() => collectInputFiles([join('study', 'interviews', 'notes.pdf')], dir)).toThrow('does not read .pdf');
  });

  it('gives the folders from the root to the file, for type inference', () => {
    const [file] = collectInputFiles([join('study', 'fgd')], dir);
    expect(foldersOf(file!)).toEqual(join(dir, 'study', 'fgd').split(sep));
  });
});
