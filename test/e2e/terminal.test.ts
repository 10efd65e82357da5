import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The benchmark's corpus maker: copies of the samples, each varied so that no two files hash alike.
import { makeCorpus } from '../../bench/make-corpus.js';
import { FIXTURES, SAMPLES, tempDir, telaah } from '../helpers/spawn-cli.js';
import { HAS_TMUX, Tmux } from '../helpers/tmux.js';

const title = (name: string): string => (HAS_TMUX ? name : `${name} (skipped: tmux is not on PATH)`);

describe.skipIf(!HAS_TMUX)(title('ingest in a terminal (tmux, 120×30)'), () => {
  let dir: string;
  let tmux: Tmux;
  beforeAll(() => {
    dir = tempDir();
    // About 3,000 files: long enough (seconds) to press Ctrl-C in the middle.
    makeCorpus(join(dir, 'corpus'), [SAMPLES, FIXTURES], 20 * 1024 * 1024);
    expect(telaah(dir, ['init', 'study']).code).toBe(0);
    tmux = new Tmux(join(dir, 'study'), { columns: 120, rows: 30 }, true);
  });
  afterAll(() => tmux?.stop());

  it('shows counts and rate while it runs; Ctrl-C stops after the current file, keeps what landed and exits 130', async () => {
    tmux.start(['ingest', '../corpus']);
    const running = await tmux.waitFor(/Ingesting \[[█░]{10}\] +\d+% [1-9][\d,]*\/[\d,]+ files · [\d.]+ MB · [\d.]+ MB\/s · [\d,]+ segments/);
    expect(running.split('\n').filter((line) => line.startsWith('Ingesting'))).toHaveLength(1);
    tmux.keys('C-c');
    const screen = await tmux.waitFor('[exit 130]');
    expect(screen).toContain('Stopping after this file (Ctrl-C again stops at once, losing the files not yet saved)');
    const [, kept, total] = /Interrupted: (\d+) of (\d+) files ingested and kept; run the same command again to go on/.exec(screen) ?? [];
    expect(Number(kept)).toBeGreaterThan(0);
    expect(Number(kept)).toBeLessThan(Number(total));

    const sources = telaah(join(dir, 'study'), ['sources', 'list', '--json']);
    expect(JSON.parse(sources.stdout)).toHaveLength(Number(kept));
    const rest = telaah(join(dir, 'study'), ['ingest', '../corpus']);
    expect(rest.code, rest.stderr).toBe(0);
    expect(rest.stderr).toMatch(new RegExp(`^Ingested: ${Number(total) - Number(kept)} added, ${kept} unchanged`));
  });
});
