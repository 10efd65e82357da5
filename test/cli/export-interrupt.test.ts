import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/cli/context.js';
import { runInProcess } from '../helpers/fake-ctx.js';
import { FIXTURES, tempDir, writeFile } from '../helpers/spawn-cli.js';

/** A terminal session in which Ctrl-C has been pressed: the signal the command watches is aborted. */
const pressed: Partial<Ctx> = {
  interruptible: (work) => {
    const controller = new AbortController();
    controller.abort();
    return work(controller.signal);
  },
};

describe('Ctrl-C during an export', () => {
  it('leaves the file as it was, no temporary file behind, and exits 130', async () => {
    const dir = tempDir();
    const mini = join(FIXTURES, 'mini-study');
    for (const argv of [['init'], ['ingest', mini, '--pseudonyms', join(mini, 'names.csv')], ['codebook', 'use', join(FIXTURES, 'codebooks', 'mini.yaml')], ['code', 'add', 'fgd-pasar', '3.2', 'barrier/economic', '--coder', 'ana']]) {
      expect((await runInProcess(dir, argv)).code).toBe(0);
    }
    const folder = tempDir();
    const out = writeFile(folder, 'old.csv', 'old\n');
    for (const argv of [['export', 'csv', '--what', 'segments', '-o', out], ['export', 'csv', '--what', 'quotes', '-o', out], ['export', 'codings', '-o', out], ['export', 'qdpx', out]]) {
      const result = await runInProcess(dir, argv, pressed);
      expect(result.code, argv.join(' ')).toBe(130);
      expect(result.stderr).toBe(`Interrupted: ${out} not written\n`);
      expect(readFileSync(out, 'utf8')).toBe('old\n');
      expect(readdirSync(folder)).toEqual(['old.csv']);
    }
    const done = await runInProcess(dir, ['export', 'csv', '--what', 'codings', '-o', out]);
    expect(done.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^source,sourceType,segment,/);
  });
});
