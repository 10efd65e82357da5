import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';
import { HAS_TMUX, Tmux } from '../helpers/tmux.js';

const MINI = join(FIXTURES, 'mini-study');
const CODEBOOK = join(FIXTURES, 'codebooks', 'mini.yaml');

interface Coding {
  source: string;
  segment: string;
  code: string;
  coder: string;
  origin: string;
  text: string;
}

function codings(dir: string, ...filters: string[]): Coding[] {
  const result = telaah(dir, ['codings', 'list', '--json', ...filters]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Coding[];
}

/** The mini study, auto-coded with the mini codebook: five proposals, in fgd-pasar, obs01 and w01-sumiati. */
function codedStudy(): string {
  const dir = tempDir();
  for (const args of [
    ['init'],
    ['participants', 'import', join(MINI, 'participants.csv')],
    ['ingest', MINI, '--pseudonyms', join(MINI, 'names.csv')],
    ['codebook', 'use', CODEBOOK],
    ['code', 'auto'],
  ]) {
    const result = telaah(dir, args);
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  }
  return dir;
}

describe('review without a terminal', () => {
  it('refuses piped use and points to codings list', () => {
    const result = telaah(tempDir(), ['review']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('telaah: review is interactive: run it in a terminal (use `telaah codings list` to read codings in scripts)\n');
  });
});

describe.skipIf(!HAS_TMUX)(HAS_TMUX ? 'review in a terminal (tmux, 80×24)' : 'review in a terminal (skipped: tmux is not on PATH)', () => {
  let dir: string;
  let tmux: Tmux;
  beforeAll(() => {
    dir = codedStudy();
    tmux = new Tmux(dir);
  });
  afterAll(() => tmux?.stop());

  it('accepts, rejects, undoes, skips, adds a code and quits; a new session resumes after what was decided', async () => {
    tmux.start(['review', '--coder', 'rina']);
    let screen = await tmux.waitFor('2.1 · 1/5 · rina');
    expect(screen).toContain('fgd-pasar · fgd');
    expect(screen).toContain('Darto · participant Darto');
    expect(screen).toContain('▌  2.1 Saya sudah, sejak ada «pojok pendaftaran» di pasar.');
    expect(screen).toContain('Kita mulai ya. Siapa yang sudah terdaftar?');
    expect(screen).toMatch(/code {2}strategy\/registration-assistance +auto/);
    expect(screen).toContain('why   term "pojok pendaftaran"');
    expect(screen).toContain('a accept  r reject  c add code  s skip  u undo  q quit  ? help');

    tmux.keys('a');
    screen = await tmux.waitFor('2.2 · 2/5');
    expect(screen).toContain('Accepted strategy/registration-assistance on fgd-pasar 2.1');
    expect(screen).toContain('▌  2.2 Dibantu isi «formulir», pakai KTP saja.');
    expect(codings(dir, '--coder', 'rina')).toEqual([
      expect.objectContaining({ source: 'fgd-pasar', segment: '2.1', code: 'strategy/registration-assistance', coder: 'rina', origin: 'accepted', matched: 'pojok pendaftaran' }),
    ]);

    tmux.keys('r');
    screen = await tmux.waitFor('3.2 · 3/5');
    expect(screen).toContain('Rejected strategy/registration-assistance on fgd-pasar 2.2');
    expect(screen).toContain('«Penghasilan» nggak tentu, Bang.');

    tmux.keys('u');
    screen = await tmux.waitFor('2.2 · 2/5');
    expect(screen).toContain('Undone: rejecting strategy/registration-assistance on fgd-pasar 2.2');
    tmux.keys('r');
    await tmux.waitFor('3.2 · 3/5');

    tmux.keys('a');
    await tmux.waitFor('1.1 · 4/5');
    expect(codings(dir, '--coder', 'rina').map((c) => c.code)).toEqual(['strategy/registration-assistance', 'barrier/economic']);
    tmux.keys('u');
    await tmux.waitFor('Undone: accepting barrier/economic on fgd-pasar 3.2');
    expect(codings(dir, '--coder', 'rina').map((c) => c.code)).toEqual(['strategy/registration-assistance']);

    tmux.keys('s');
    screen = await tmux.waitFor('1.1 · 4/5');
    expect(screen).toContain('obs01 · observation');
    expect(screen).toContain('«poster»');

    tmux.keys('c');
    await tmux.waitFor('code> ');
    tmux.keys('barr', 'Tab');
    screen = await tmux.waitFor('code> barrier█');
    expect(screen).toContain('barrier/economic  Ekonomi · Economic');
    tmux.keys('/e', 'Tab');
    await tmux.waitFor('code> barrier/economic █');
    tmux.keys('Enter');
    screen = await tmux.waitFor('Added barrier/economic to obs01 1.1');
    expect(screen).toContain('1.1 · 4/5');
    expect(screen).toContain('yours barrier/economic');
    expect(codings(dir, '--coder', 'rina', '--source', 'obs01')).toEqual([expect.objectContaining({ segment: '1.1', code: 'barrier/economic', origin: 'manual' })]);

    tmux.keys('q');
    screen = await tmux.waitFor('[exit 0]');
    expect(screen).toContain('rina: 2 decided this session (1 accepted, 1 rejected, 1 code added); 3 remain.\nGo on with: telaah review --coder rina\n');

    tmux.start(['review', '--coder', 'rina']);
    screen = await tmux.waitFor('3.2 · 1/3 · rina');
    expect(screen).toContain('«Penghasilan» nggak tentu, Bang.');
    tmux.keys('C-c');
    screen = await tmux.waitFor('[exit 130]');
    expect(screen).toContain('rina: 0 decided this session (no decisions); 3 remain.');
  });

  it('with --uncoded and --code, goes through uncoded units too and records that no code fits', async () => {
    tmux.start(['review', '--coder', 'dewi', '--code', 'barrier', '--uncoded']);
    let screen = await tmux.waitFor(/3\.1 · 1\/\d+ · dewi/);
    expect(screen).toContain('none yet: nobody has coded this unit');
    expect(screen).toContain('▌  3.1 Saya belum.');
    expect(screen).toContain('c add code  r no code fits  s skip');
    tmux.keys('r');
    screen = await tmux.waitFor(/3\.2 · 2\/\d+ · dewi/);
    expect(screen).toContain('Recorded that no code fits fgd-pasar 3.1');
    expect(screen).toContain('barrier/economic');
    tmux.keys('?');
    await tmux.waitFor('telaah review: help');
    tmux.keys('x');
    await tmux.waitFor(/3\.2 · 2\/\d+ · dewi/);
    tmux.keys('q');
    await tmux.waitFor('[exit 0]');

    tmux.start(['review', '--coder', 'dewi', '--code', 'barrier', '--uncoded']);
    screen = await tmux.waitFor(/· 1\/\d+ · dewi/);
    expect(screen).toContain('3.2 · 1/');
    tmux.keys('q');
    await tmux.waitFor('[exit 0]');
  });
});
