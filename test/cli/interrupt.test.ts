import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/cli/context.js';
import { runInProcess } from '../helpers/fake-ctx.js';
import { FIXTURES, SAMPLES, tempDir } from '../helpers/spawn-cli.js';

/**
 * A terminal session in which the user presses Ctrl-C as soon as the progress line first shows: the
 * signal the command watches is aborted from inside that write.
 */
function ctrlCAtFirstProgress(): { overrides: Partial<Ctx>; stderr: () => string } {
  const controller = new AbortController();
  let stderr = '';
  return {
    overrides: {
      stderrIsTTY: true,
      stderr: {
        write(text: string) {
          stderr += text;
          if (text.startsWith('\r') && !controller.signal.aborted) controller.abort();
          return true;
        },
      },
      interruptible: (work) => work(controller.signal),
    },
    stderr: () => stderr,
  };
}

async function ok(dir: string, ...argv: string[]): Promise<{ stdout: string; stderr: string }> {
  const result = await runInProcess(dir, argv);
  expect(result.code, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

describe('Ctrl-C during ingest', () => {
  it('finishes the file in hand, keeps it, says so and exits 130; the same command then goes on', async () => {
    const dir = tempDir();
    await ok(dir, 'init');
    const pseudonyms = join(SAMPLES, 'pseudonyms.csv');
    const session = ctrlCAtFirstProgress();
    const interrupted = await runInProcess(dir, ['ingest', SAMPLES, '--pseudonyms', pseudonyms], session.overrides);
    expect(interrupted.code).toBe(130);
    expect(session.stderr()).toContain('Stopping after this file (Ctrl-C again stops at once, losing the files not yet saved)\n');
    expect(session.stderr()).toContain('Ingested: 1 added (');
    expect(session.stderr()).toMatch(/\nInterrupted: 1 of 50 files ingested and kept; run the same command again to go on\n$/);
    expect((await ok(dir, 'sources', 'list')).stdout.trim().split('\n')).toHaveLength(2);
    expect((await ok(dir, 'ingest', SAMPLES, '--pseudonyms', pseudonyms)).stderr).toMatch(/^Ingested: 47 added, 1 unchanged, 2 skipped/);
  });
});

describe('Ctrl-C during code auto', () => {
  it('keeps the sources already coded, says so and exits 130; the same command then codes the rest, and again changes nothing', async () => {
    const dir = tempDir();
    const mini = join(FIXTURES, 'mini-study');
    await ok(dir, 'init');
    await ok(dir, 'ingest', mini, '--pseudonyms', join(mini, 'names.csv'));
    await ok(dir, 'codebook', 'use', join(FIXTURES, 'codebooks', 'mini.yaml'));
    const session = ctrlCAtFirstProgress();
    const interrupted = await runInProcess(dir, ['code', 'auto'], session.overrides);
    expect(interrupted.code).toBe(130);
    expect(interrupted.stdout).toBe('');
    expect(session.stderr()).toMatch(/\r\u001b\[KInterrupted: 1 of 4 sources coded with "Mini[^"]*" \S+ and kept \(\d+ codings: \d+ new, 0 removed, 0 unchanged\); run the same command again to go on\n$/);
    const first = JSON.parse((await ok(dir, 'codings', 'list', '--json')).stdout) as { source: string }[];
    expect([...new Set(first.map((c) => c.source))]).toEqual(['fgd-pasar']);

    const rest = await ok(dir, 'code', 'auto', '--json');
    const summary = JSON.parse(rest.stdout) as { added: number; removed: number; kept: number };
    expect(summary).toMatchObject({ removed: 0, kept: first.length });
    expect(summary.added).toBeGreaterThan(0);
    expect((await ok(dir, 'code', 'auto')).stderr).toMatch(/^No change: /);
  });
});
