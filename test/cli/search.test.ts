import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/report/text-layout.js';
import { runInProcess } from '../helpers/fake-ctx.js';
import { FIXTURES, tempDir } from '../helpers/spawn-cli.js';

async function miniStudy(): Promise<string> {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'mini-study'), join(dir, 'data'), { recursive: true });
  for (const argv of [['init'], ['participants', 'import', join(dir, 'data', 'participants.csv')], ['ingest', 'data', '--pseudonyms', join(dir, 'data', 'names.csv')]]) {
    const result = await runInProcess(dir, argv);
    expect(result.code, result.stderr).toBe(0);
  }
  return dir;
}

const TERMINAL = { stdoutIsTTY: true, stderrIsTTY: true, columns: 60 };

describe('telaah search on a terminal', () => {
  it('says once that it indexed the project, fits each hit in the width, and counts under them', async () => {
    const dir = await miniStudy();
    const first = await runInProcess(dir, ['search', 'daftar'], TERMINAL);
    expect(first.code).toBe(0);
    // The progress line, erased, then what was done.
    expect(first.stderr).toMatch(/^\rIndexing for search \[[░█]+\] +\d+% 0\/4 sources.*\r\u001b\[KIndexed 4 sources for search \(\d+ sentences, \d+\.\d s\)\n$/s);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^\d+ hits in \d+ sources$/);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThan(60);
    expect(lines.some((l) => /^fgd-pasar +\d+\.\d+ +\[Moderator\] +.*«terdaftar»\?$/.test(l))).toBe(true);
    expect(lines.some((l) => /«pendaftaran»/.test(l))).toBe(true);

    const again = await runInProcess(dir, ['search', 'daftar'], TERMINAL);
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
  });

  it('paints matches when colour is on and shows the first hits only', async () => {
    const dir = await miniStudy();
    const result = await runInProcess(dir, ['search', 'daftar', '--limit', '1'], { ...TERMINAL, color: true });
    const [hit, count] = result.stdout.trimEnd().split('\n');
    expect(hit).toContain('\u001b[1m\u001b[31m');
    expect(hit).not.toContain('«');
    expect(count).toMatch(/hits in \d+ sources; showing the first 1 \(--limit N shows more\)/);
  });

  it('builds no index for a search it cannot read', async () => {
    const dir = await miniStudy();
    const result = await runInProcess(dir, ['search', '*'], TERMINAL);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing to search for/);
    const then = await runInProcess(dir, ['search', 'daftar'], TERMINAL);
    expect(then.stderr).toMatch(/Indexed 4 sources/);
  });
});
