import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { CodingRow } from '../../src/store/list-codings.js';
import { runInProcess } from '../helpers/fake-ctx.js';
import { ingestedMiniStudy, ok } from '../helpers/mini-study.js';
import { FIXTURES } from '../helpers/spawn-cli.js';

// Map files are given as absolute paths: in-process, readers resolve them against the process's folder.
/** A project with a copy of the mini study ingested, coded automatically, and two human codings on w01. */
async function study(): Promise<string> {
  const dir = await ingestedMiniStudy();
  await ok(dir, 'codebook', 'use', join(FIXTURES, 'codebooks', 'mini.yaml'));
  await ok(dir, 'code', 'auto');
  await ok(dir, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--coder', 'rina');
  await ok(dir, 'code', 'add', 'w01-sumiati', '2.1', 'barrier/economic', '--coder', 'rina');
  return dir;
}

const names = async (dir: string): Promise<string[]> => (JSON.parse((await ok(dir, 'sources', 'list', '--json')).stdout) as { name: string }[]).map((s) => s.name);
const codings = async (dir: string): Promise<string[]> =>
  (JSON.parse((await ok(dir, 'codings', 'list', '--json')).stdout) as CodingRow[]).map((c) => `${c.source} ${c.segment} ${c.code} ${c.coder}`);
const show = async (dir: string, name: string): Promise<{ type: string; date: string | null; site: string | null; attributes: Record<string, string> }> =>
  JSON.parse((await ok(dir, 'sources', 'show', name, '--json')).stdout);

function audit(dir: string): { command: string; arguments: string; counts: string }[] {
  const db = openStore(join(dir, 'telaah.db'));
  try {
    return db.prepare('SELECT command, arguments, counts FROM audit ORDER BY id').all() as { command: string; arguments: string; counts: string }[];
  } finally {
    db.close();
  }
}

describe('sources remove', () => {
  it('removes a source without human work at once, saying what went', async () => {
    const dir = await study();
    const { stderr } = await ok(dir, 'sources', 'remove', 'obs01');
    expect(stderr).toMatch(/^obs01: \d+ segments, 1 automatic or suggested coding\nRemoved 1 source\.\n$/);
    expect(await names(dir)).toEqual(['fgd-pasar', 'partisipasi', 'w01-sumiati']);
    expect(audit(dir).at(-1)).toMatchObject({ command: 'sources remove', arguments: '["obs01"]' });
  });

  it('refuses to remove human codings without --yes when it cannot ask, and changes nothing', async () => {
    const dir = await study();
    const before = await codings(dir);
    const result = await runInProcess(dir, ['sources', 'remove', 'fgd-pasar', 'w01-sumiati'], { stderrIsTTY: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/w01-sumiati: 15 segments, 2 human codings/);
    expect(result.stderr).toMatch(/telaah: removing these sources would delete 2 human codings\. Pass --yes to remove them anyway \(nothing was removed\)\n$/);
    expect(await names(dir)).toEqual(['fgd-pasar', 'obs01', 'partisipasi', 'w01-sumiati']);
    expect(await codings(dir)).toEqual(before);
  });

  it('removes human codings with --yes, and the codings with the source', async () => {
    const dir = await study();
    await ok(dir, 'sources', 'remove', 'w01-sumiati', '--yes');
    expect(await names(dir)).toEqual(['fgd-pasar', 'obs01', 'partisipasi']);
    expect((await codings(dir)).filter((c) => c.startsWith('w01'))).toEqual([]);
    const db = openStore(join(dir, 'telaah.db'));
    expect(db.prepare('SELECT COUNT(*) AS n FROM codings c LEFT JOIN segments g ON g.id = c.segment_id WHERE g.id IS NULL').get()).toEqual({ n: 0 });
    db.close();
    expect(JSON.parse(audit(dir).at(-1)!.counts)).toMatchObject({ sources: 1, humanCodings: 2 });
  });

  it('names the closest source for an unknown name and removes nothing', async () => {
    const dir = await study();
    const result = await runInProcess(dir, ['sources', 'remove', 'obs01', 'w01-sumati', '--yes']);
    expect(result).toMatchObject({ code: 2, stderr: 'telaah: no source named "w01-sumati". Did you mean "w01-sumiati"?\n' });
    expect(await names(dir)).toHaveLength(4);
  });
});

describe('sources rename', () => {
  it('renames, codings follow, and a re-ingest of the same file keeps the new name', async () => {
    const dir = await study();
    const { stderr } = await ok(dir, 'sources', 'rename', 'w01-sumiati', 'wawancara-01');
    expect(stderr).toBe('Renamed w01-sumiati to wawancara-01.\n');
    expect(await codings(dir)).toContain('wawancara-01 4.2 strategy/tailored-education rina');
    const again = JSON.parse((await ok(dir, 'ingest', 'data', '--pseudonyms', join(dir, 'data', 'names.csv'), '--replace', '--json')).stdout) as { counts: Record<string, number> };
    expect(again.counts).toMatchObject({ added: 0, replaced: 0, unchanged: 4 });
    expect(await names(dir)).toContain('wawancara-01');
    expect(audit(dir).some((a) => a.command === 'sources rename')).toBe(true);
  });

  it.each([
    [['w01-sumati', 'x'], /no source named "w01-sumati"\. Did you mean "w01-sumiati"\?/],
    [['w01-sumiati', 'obs01'], /there is already a source named "obs01"/],
    [['w01-sumiati', 'a/b'], /cannot rename to "a\/b": a source name cannot hold "\/"/],
    [['w01-sumiati', ' '], /cannot be empty/],
  ])('refuses %j with one line, exit 2', async (args, message) => {
    const dir = await study();
    const result = await runInProcess(dir, ['sources', 'rename', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(await names(dir)).toEqual(['fgd-pasar', 'obs01', 'partisipasi', 'w01-sumiati']);
  });
});

describe('sources set', () => {
  it('sets date, site and attributes, removes one with key=, and says what changed', async () => {
    const dir = await study();
    const { stderr } = await ok(dir, 'sources', 'set', 'fgd-pasar', 'date=2025-04-19', 'site=Medan', 'moderator=Rina', 'language=');
    expect(stderr).toBe('Changed fgd-pasar:\n  date: (none) → 2025-04-19\n  site: (none) → Medan\n  language: id → (none)\n  moderator: (none) → Rina\n');
    expect(await show(dir, 'fgd-pasar')).toMatchObject({ date: '2025-04-19', site: 'Medan', attributes: { moderator: 'Rina' } });
    await ok(dir, 'sources', 'set', 'fgd-pasar', 'moderator=');
    expect((await show(dir, 'fgd-pasar')).attributes).toEqual({});
    expect(audit(dir).filter((a) => a.command === 'sources set')).toHaveLength(2);
  });

  it('refuses an invalid date with one line and changes nothing', async () => {
    const dir = await study();
    const result = await runInProcess(dir, ['sources', 'set', 'w01-sumiati', 'site=Binjai', 'date=2025-02-30']);
    expect(result).toMatchObject({ code: 2, stderr: 'telaah: date "2025-02-30" is not a valid date. Write it as YYYY-MM-DD, e.g. date=2025-03-14 (date= removes it)\n' });
    expect(await show(dir, 'w01-sumiati')).toMatchObject({ date: '2025-03-14', site: 'Medan' });
  });

  it('keeps what was set when a corrected file replaces the source, unless the file says otherwise', async () => {
    const dir = await study();
    await ok(dir, 'sources', 'set', 'fgd-pasar', 'date=2025-04-19', 'site=Medan', 'type=interview');
    await ok(dir, 'sources', 'set', 'w01-sumiati', 'site=Binjai', 'recorder=Zoom');
    const vtt = join(dir, 'data', 'fgd', 'fgd-pasar.vtt');
    writeFileSync(vtt, `${readFileSync(vtt, 'utf8')}\n99:00:00.000 --> 99:00:02.000\n<v Darto>Sudah, terima kasih.\n`);
    const transcript = join(dir, 'data', 'interviews', 'w01-siti.txt');
    writeFileSync(transcript, `${readFileSync(transcript, 'utf8')}[00:01:05] Siti: Sama-sama, Pak.\n`);
    const result = JSON.parse((await ok(dir, 'ingest', 'data', '--pseudonyms', join(dir, 'data', 'names.csv'), '--replace', '--json')).stdout) as { counts: Record<string, number> };
    expect(result.counts).toMatchObject({ replaced: 2, keptCodings: 2, notKept: 0 });
    // The VTT says nothing of date, site or type (its folder only suggests one): what was set stays.
    expect(await show(dir, 'fgd-pasar')).toMatchObject({ type: 'interview', date: '2025-04-19', site: 'Medan' });
    // The transcript's front matter gives its site: the file wins; the attribute it lacks stays.
    expect(await show(dir, 'w01-sumiati')).toMatchObject({ site: 'Medan', attributes: { recorder: 'Zoom', participants: 'Sumiati' } });
  });

  it('refuses an unknown source and keys that are not attributes', async () => {
    const dir = await study();
    expect((await runInProcess(dir, ['sources', 'set', 'fgd-pasr', 'site=Medan'])).stderr).toMatch(/no source named "fgd-pasr"\. Did you mean "fgd-pasar"\?/);
    expect((await runInProcess(dir, ['sources', 'set', 'fgd-pasar', 'name=x'])).stderr).toMatch(/"name" cannot be set\. Rename a source with `telaah sources rename/);
  });
});
