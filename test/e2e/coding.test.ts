import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodingRow } from '../../src/store/list-codings.js';
import { FIXTURES, REPO, tempDir, telaah } from '../helpers/spawn-cli.js';

const MINI = join(FIXTURES, 'mini-study');
const CODEBOOK = join(FIXTURES, 'codebooks', 'mini.yaml');

type Coding = CodingRow;

function codings(dir: string, ...filters: string[]): Coding[] {
  const result = telaah(dir, ['codings', 'list', '--json', ...filters]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Coding[];
}

function study(): string {
  const dir = tempDir();
  expect(telaah(dir, ['init']).code).toBe(0);
  expect(telaah(dir, ['participants', 'import', join(MINI, 'participants.csv')]).code).toBe(0);
  expect(telaah(dir, ['ingest', MINI, '--pseudonyms', join(MINI, 'names.csv')]).code).toBe(0);
  return dir;
}

describe('codebook validate', () => {
  it('accepts the shipped codebook and the fixture', () => {
    for (const file of [CODEBOOK, join(REPO, 'codebooks', 'bpjs-social-work.yaml')]) {
      const result = telaah(tempDir(), ['codebook', 'validate', file]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/valid/);
    }
  });

  it('reports problems at file:line:col and exits 2', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, readFileSync(CODEBOOK, 'utf8').replace('definition: Hands-on help to register.', 'defintion: Hands-on help to register.'));
    const result = telaah(dir, ['codebook', 'validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:19:9: error: .*defintion.*definition/);
  });

  it('refuses a catastrophic regex', () => {
    const dir = tempDir();
    const file = join(dir, 'regex.yaml');
    writeFileSync(file, readFileSync(CODEBOOK, 'utf8').replace('id: [penghasilan]', () => "id: [penghasilan]\n          regex: ['(a+)+$']"));
    const result = telaah(dir, ['codebook', 'validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/regex\.yaml:\d+:\d+: error: .*\(a\+\)\+/);
  });
});

describe('codebook test', () => {
  it('passes the fixture and names a miss with exit 1', () => {
    expect(telaah(tempDir(), ['codebook', 'test', CODEBOOK]).code).toBe(0);
    const dir = tempDir();
    const file = join(dir, 'miss.yaml');
    writeFileSync(file, readFileSync(CODEBOOK, 'utf8').replace('examples: ["Dibantu isi formulir."]', 'examples: ["Dibantu isi formulir.", "Saya daftar sendiri."]'));
    const result = telaah(dir, ['codebook', 'test', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/example of strategy\/registration-assistance did not fire: "Saya daftar sendiri\."/);
  });
});

describe('coding a project', () => {
  let dir: string;
  beforeAll(() => {
    dir = study();
    expect(telaah(dir, ['codebook', 'use', CODEBOOK]).code).toBe(0);
  });

  it('records the codebook in telaah.yaml, keeping its comments', () => {
    const yaml = readFileSync(join(dir, 'telaah.yaml'), 'utf8');
    expect(yaml).toMatch(/^codebook: .*mini\.yaml$/m);
    expect(yaml).toMatch(/^# telaah project settings/);
    expect(codings(dir)).toEqual([]);
  });

  it('codes participant sentences automatically, and again is no change', () => {
    const first = telaah(dir, ['code', 'auto', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout) as { added: number; removed: number };
    expect(summary.added).toBeGreaterThan(0);
    const rows = codings(dir);
    expect(rows.find((r) => r.code === 'strategy/tailored-education' && r.source === 'w01-sumiati')).toMatchObject({ segment: '4.2', speaker: 'Sumiati', participant: 'Sumiati', origin: 'auto', coder: 'auto', matched: 'leaflet' });
    expect(rows.find((r) => r.code === 'barrier/economic')).toMatchObject({ source: 'fgd-pasar', segment: '3.2', participant: 'Joko' });
    expect(rows.some((r) => r.speaker === 'Pewawancara' || r.speaker === 'Moderator')).toBe(false);
    const again = JSON.parse(telaah(dir, ['code', 'auto', '--json']).stdout) as { added: number; removed: number };
    expect(again).toMatchObject({ added: 0, removed: 0 });
  });

  it('adds and removes human codings, with nearest ids for an unknown code', () => {
    expect(telaah(dir, ['code', 'add', 'w01-sumiati', '2.2', 'barrier/economic', '--coder', 'rina']).code).toBe(0);
    const unknown = telaah(dir, ['code', 'add', 'w01-sumiati', '2.2', 'economic']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown code "economic". Did you mean barrier\/economic/);
    const mine = codings(dir, '--coder', 'rina');
    expect(mine).toEqual([expect.objectContaining({ source: 'w01-sumiati', segment: '2.2', code: 'barrier/economic', origin: 'manual', text: 'Majikan saya baik, tapi soal BPJS dia nggak mau urus.' })]);
    expect(codings(dir, '--code', 'barrier', '--origin', 'manual').length).toBe(1);
    expect(codings(dir, '--where', 'group=pekerja-rentan', '--coder', 'rina').length).toBe(1);
    expect(telaah(dir, ['code', 'remove', 'w01-sumiati', '2.2', 'barrier/economic', '--coder', 'rina']).code).toBe(0);
    expect(codings(dir, '--coder', 'rina')).toEqual([]);
  });

  it('keeps human codings when a new codebook version replaces the auto codings', () => {
    expect(telaah(dir, ['code', 'add', 'w01-sumiati', '4', 'strategy/tailored-education', '--coder', 'rina']).code).toBe(0);
    const v2 = join(tempDir(), 'v2.yaml');
    writeFileSync(v2, readFileSync(CODEBOOK, 'utf8').replace('version: "1"', 'version: "2"').replace('id: [leaflet, poster, gambar]', 'id: [poster]'));
    expect(telaah(dir, ['codebook', 'use', v2]).code).toBe(0);
    expect(telaah(dir, ['code', 'auto']).code).toBe(0);
    // The leaflet sentence lost its auto coding (v2 has no "leaflet"); the human coding of turn 4 stays.
    expect(codings(dir, '--code', 'strategy/tailored-education', '--source', 'w01-sumiati').map((r) => [r.segment, r.origin])).toEqual([['4', 'manual']]);
    expect(codings(dir, '--code', 'strategy/tailored-education', '--source', 'obs01').map((r) => [r.origin, r.matched])).toEqual([['auto', 'poster']]);
  });
});

describe('codebook diff and show', () => {
  it('lists what changed between two versions', () => {
    const dir = tempDir();
    const v2 = join(dir, 'v2.yaml');
    writeFileSync(
      v2,
      readFileSync(CODEBOOK, 'utf8')
        .replace('id: [leaflet, poster, gambar]', 'id: [poster]')
        .replace(/      - id: barrier\/economic[\s\S]*$/, '      - id: barrier/distrust\n        label: Curiga\n        definition: Suspicion of the programme.\n        patterns:\n          id: [curiga]\n'),
    );
    const result = telaah(dir, ['codebook', 'diff', CODEBOOK, v2, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      added: ['barrier/distrust'],
      removed: ['barrier/economic'],
      changed: [{ id: 'strategy/tailored-education', fields: ['patterns.id'] }],
    });
  });

  it('shows the tree without a project, and with counts inside one', () => {
    const outside = telaah(tempDir(), ['codebook', 'show', CODEBOOK]);
    expect(outside.code, outside.stderr).toBe(0);
    expect(outside.stdout).toMatch(/^Mini 1 — 5 codes$/m);
    expect(outside.stdout).toMatch(/^├─ strategy\/tailored-education +Edukasi sesuai sasaran$/m);
    const dir = study();
    telaah(dir, ['codebook', 'use', CODEBOOK]);
    telaah(dir, ['code', 'auto']);
    const shown = JSON.parse(telaah(dir, ['codebook', 'show', '--json']).stdout) as { codes: { id: string; total: number; children: { id: string; codings: number }[] }[] };
    const strategy = shown.codes.find((c) => c.id === 'strategy')!;
    expect(strategy.total).toBe(strategy.children.reduce((n, c) => n + c.codings, 0));
    expect(strategy.total).toBeGreaterThan(0);
  });
});
