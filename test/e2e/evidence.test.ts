import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodingRow } from '../../src/store/list-codings.js';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

const MINI = join(FIXTURES, 'mini-study');
const CODEBOOK = join(FIXTURES, 'codebooks', 'mini.yaml');
const CODES = ['strategy', 'strategy/tailored-education', 'strategy/registration-assistance', 'barrier', 'barrier/economic'];

function ok(dir: string, ...args: string[]): { stdout: string; stderr: string } {
  const result = telaah(dir, args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

function codings(dir: string, ...filters: string[]): CodingRow[] {
  return JSON.parse(ok(dir, 'codings', 'list', '--json', ...filters).stdout) as CodingRow[];
}

interface ShownCode {
  id: string;
  codings: number;
  total: number;
  children: ShownCode[];
}

/** Coded segments per code as each of the three commands reports them. */
function countsEverywhere(dir: string): { show: Record<string, number>; triangulate: Record<string, number>; list: Record<string, number> } {
  const shown = JSON.parse(ok(dir, 'codebook', 'show', '--json').stdout) as { codes: ShownCode[] };
  const show: Record<string, number> = {};
  const walk = (nodes: ShownCode[]): void => nodes.forEach((n) => ((show[n.id] = n.total), walk(n.children)));
  walk(shown.codes);
  const audited = JSON.parse(ok(dir, 'triangulate', '--json').stdout) as { codes: { code: string; sources: Record<string, number> }[] };
  const triangulate = Object.fromEntries(audited.codes.map((r) => [r.code, Object.values(r.sources).reduce((a, b) => a + b, 0)]));
  const list: Record<string, number> = {};
  for (const code of CODES) {
    const line = ok(dir, 'codings', 'list', '--code', code).stderr;
    list[code] = Number(/on (\d+) coded segments?/.exec(line)?.[1] ?? 'NaN');
  }
  return { show, triangulate, list };
}

describe('evidence rules on one project', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    ok(dir, 'init');
    ok(dir, 'participants', 'import', join(MINI, 'participants.csv'));
    ok(dir, 'ingest', MINI, '--pseudonyms', join(MINI, 'names.csv'));
    ok(dir, 'codebook', 'use', CODEBOOK);
    ok(dir, 'code', 'auto');
  });

  it('counts a segment once per code in codebook show, triangulate and codings list alike', () => {
    // A reviewer's copy of an auto coding, and a turn coded whose sentences the auto-coder coded.
    ok(dir, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--coder', 'rina');
    ok(dir, 'code', 'add', 'fgd-pasar', '2', 'strategy/registration-assistance', '--coder', 'rina');
    const counts = countsEverywhere(dir);
    expect(counts.show).toEqual(counts.triangulate);
    expect(counts.list).toEqual(counts.show);
    // w01 4.2 (auto and rina) and obs01's poster; fgd turn 2 with its two auto-coded sentences.
    expect(counts.show['strategy/tailored-education']).toBe(2);
    expect(counts.show['strategy/registration-assistance']).toBe(1);
    expect(counts.show.strategy).toBe(3);
  });

  it('a removed auto coding is a rejection: it stops counting everywhere, and code auto does not bring it back', () => {
    expect(codings(dir, '--code', 'barrier/economic').map((r) => `${r.source} ${r.segment}`)).toEqual(['fgd-pasar 3.2']);
    const removed = ok(dir, 'code', 'remove', 'fgd-pasar', '3.2', 'barrier/economic', '--coder', 'auto');
    expect(removed.stderr).toMatch(/rejected 1 automatic coding/i);
    ok(dir, 'code', 'auto');
    expect(codings(dir, '--code', 'barrier/economic')).toEqual([]);
    expect(codings(dir, '--origin', 'rejected')).toEqual([expect.objectContaining({ source: 'fgd-pasar', segment: '3.2', code: 'barrier/economic', origin: 'rejected' })]);
    expect(codings(dir, '--origin', 'rejected')[0]!.coder).not.toBe('auto');
    const counts = countsEverywhere(dir);
    expect(counts.show['barrier/economic']).toBe(0);
    expect(counts.triangulate['barrier/economic']).toBe(0);
    expect(counts.list['barrier/economic']).toBe(0);
  });

  it('gives the whole sentence as text and the matched words apart', () => {
    const [row] = codings(dir, '--code', 'strategy/tailored-education', '--source', 'w01-sumiati', '--coder', 'auto');
    expect(row).toMatchObject({ segment: '4.2', matched: 'leaflet', text: 'Dia bawa leaflet bergambar 📄, jadi saya langsung ngerti.' });
  });

  it('adds a memo to a coding that is already there', () => {
    const result = ok(dir, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--coder', 'rina', '--memo', 'leaflet bergambar');
    expect(result.stderr).toMatch(/memo added to 1/);
    expect(codings(dir, '--coder', 'rina', '--source', 'w01-sumiati')[0]!.memo).toBe('leaflet bergambar');
  });

  it('leaves interviewer turns out of a range and says so', () => {
    const result = ok(dir, 'code', 'add', 'w01-sumiati', '1-5', 'barrier/economic', '--coder', 'budi');
    expect(result.stderr).toMatch(/Added 2 codings .*3 interviewer turns in the range left out/);
    expect(codings(dir, '--coder', 'budi').map((r) => [r.segment, r.speaker])).toEqual([
      ['2', 'Sumiati'],
      ['4', 'Sumiati'],
    ]);
  });

  it.each([
    [['--code', 'tailored'], /unknown code "tailored". Did you mean strategy\/tailored-education/],
    [['--source', 'w01'], /no source named "w01". Did you mean w01-sumiati/],
    [['--where', 'site=Medn'], /no participant has site=Medn. Did you mean Medan/],
    [['--where', 'sit=Medan'], /no participant or source attribute "sit". Did you mean site/],
    [['--where', 'source.sit=Medan'], /no source field or attribute "sit". Did you mean site/],
    [['--origin', 'rejcted'], /unknown origin "rejcted". Did you mean rejected/],
  ])('refuses codings list %j with a did-you-mean, exit 2', (args, message) => {
    const result = telaah(dir, ['codings', 'list', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('triangulate --code gives the flags of the full table, and --strict reads right', () => {
    const full = JSON.parse(ok(dir, 'triangulate', '--json').stdout) as { codes: { code: string; flags: string[] }[] };
    for (const code of ['strategy', 'strategy/tailored-education', 'barrier/economic']) {
      const focused = JSON.parse(ok(dir, 'triangulate', '--json', '--code', code).stdout) as { codes: { code: string; flags: string[] }[] };
      expect(focused.codes.map((r) => r.flags)).toEqual([full.codes.find((r) => r.code === code)!.flags]);
    }
    const strict = telaah(dir, ['triangulate', '--strict', '--all']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).not.toMatch(/undefined/);
    expect(strict.stderr).toMatch(/^below corroborated: barrier\/economic is single-source$/m);
  });
});
