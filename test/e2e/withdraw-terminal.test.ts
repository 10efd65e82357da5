import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, newProject, telaah } from '../helpers/spawn-cli.js';
import { HAS_TMUX, Tmux } from '../helpers/tmux.js';

const title = (name: string): string => (HAS_TMUX ? name : `${name} (skipped: tmux is not on PATH)`);

describe.skipIf(!HAS_TMUX)(title('withdraw in a terminal (tmux, 80×24)'), () => {
  let dir: string;
  let tmux: Tmux;
  beforeAll(() => {
    dir = newProject();
    cpSync(join(FIXTURES, 'mini-study'), join(dir, 'data'), { recursive: true });
    for (const args of [
      ['participants', 'import', 'data/participants.csv'],
      ['ingest', 'data', '--pseudonyms', 'data/names.csv'],
    ]) {
      const result = telaah(dir, args);
      expect(result.code, result.stderr).toBe(0);
    }
    tmux = new Tmux(dir, { columns: 80, rows: 24 }, true);
  });
  afterAll(() => tmux?.stop());

  it('shows what will go and asks; no keeps everything (exit 1), yes withdraws (exit 0)', async () => {
    tmux.start(['withdraw', 'Darto']);
    const asked = await tmux.waitFor('[y/N]');
    expect(asked).toMatch(/Withdrawing Darto deletes their words and everything on them:\n  fgd-pasar +1 turn  2 turns of others stay\n/);
    expect(asked).toContain('Withdraw Darto? This cannot be undone. [y/N]');
    tmux.keys('n', 'Enter');
    expect(await tmux.waitFor('[exit 1]')).toContain('Nothing removed.');
    expect(telaah(dir, ['sources', 'show', 'fgd-pasar', '--json']).stdout).toContain('pojok pendaftaran');

    tmux.start(['withdraw', 'Darto']);
    await tmux.waitFor('[y/N]');
    tmux.keys('y', 'Enter');
    const done = await tmux.waitFor('[exit 0]');
    expect(done).toContain('Withdrew Darto: 1 turn removed from 1 source');
    expect(telaah(dir, ['sources', 'show', 'fgd-pasar', '--json']).stdout).not.toContain('pojok pendaftaran');
  });
});
