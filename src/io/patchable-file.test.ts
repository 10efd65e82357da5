import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/spawn-cli.js';
import { PatchableFile } from './patchable-file.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('PatchableFile', () => {
  it('appears whole on commit, with its patches, and not before', () => {
    const dir = tempDir();
    const path = join(dir, 'x.qdpx');
    writeFileSync(path, 'old');
    const file = new PatchableFile(path);
    file.write(bytes('header: ????\n'));
    file.write(bytes('body\n'));
    file.writeAt(bytes('done'), 8);
    expect(readFileSync(path, 'utf8')).toBe('old');
    file.commit();
    expect(readFileSync(path, 'utf8')).toBe('header: done\nbody\n');
    expect(readdirSync(dir)).toEqual(['x.qdpx']);
  });

  it('leaves the old file and no temporary one when aborted', () => {
    const dir = tempDir();
    const path = join(dir, 'x.qdpx');
    writeFileSync(path, 'old');
    const file = new PatchableFile(path);
    file.write(bytes('half'));
    file.abort();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['x.qdpx']);
  });

  it('writes into a device through a temporary file it then removes', () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('.null.tmp-'));
    const file = new PatchableFile('/dev/null');
    file.write(bytes('abc'));
    file.writeAt(bytes('x'), 0);
    file.commit();
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('.null.tmp-'))).toEqual(before);
  });

  it('writes through /dev/fd/N (stdout sent to a file) into that file, and never renames over the link', () => {
    const path = join(tempDir(), 'out.qdpx');
    const fd = openSync(path, 'w');
    try {
      const file = new PatchableFile(`/dev/fd/${fd}`);
      file.write(bytes('PK....'));
      file.writeAt(bytes('ok'), 2);
      file.commit();
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, 'utf8')).toBe('PKok..');
  });

  it('refuses a folder, and a missing folder, in one line', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    expect(() => new PatchableFile(join(dir, 'out'), 'out')).toThrow(/cannot write out: it is a folder/);
    expect(() => new PatchableFile(join(dir, 'missing', 'x.qdpx'), 'missing/x.qdpx')).toThrow(/cannot write missing\/x\.qdpx: its folder does not exist/);
  });
});
