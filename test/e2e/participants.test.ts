import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

interface Listed {
  pseudonym: string;
  group: string | null;
  attributes: Record<string, string>;
}

function project(): string {
  const dir = tempDir();
  expect(telaah(dir, ['init']).code).toBe(0);
  expect(telaah(dir, ['participants', 'import', join(FIXTURES, 'mini-study', 'participants.csv')]).code).toBe(0);
  return dir;
}

function list(dir: string): Listed[] {
  const result = telaah(dir, ['participants', 'list', '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Listed[];
}

describe('participants import merges into existing participants', () => {
  it('replaces the attributes the file has, keeps the others, and keeps an old value where a cell is empty', () => {
    const dir = project();
    const csv = join(dir, 'update.csv');
    // Sumiati moved and has a new attribute; Darto's site cell is empty; Joko's group is left empty.
    writeFileSync(csv, 'pseudonym,group,site,enrolled\nSumiati,,Binjai,2025-03\nDarto,,,2025-01\nJoko,,Bekasi,\n');
    const result = telaah(dir, ['participants', 'import', csv, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ added: 0, updated: 2, unchanged: 1 });
    const byName = new Map(list(dir).map((p) => [p.pseudonym, p]));
    expect(byName.get('Sumiati')).toEqual({
      pseudonym: 'Sumiati',
      group: 'pekerja-rentan',
      attributes: { category: 'pekerja rumah tangga', site: 'Binjai', gender: 'P', enrolled: '2025-03' },
      sources: 0,
      turns: 0,
    });
    expect(byName.get('Darto')?.attributes).toEqual({ category: 'pedagang kaki lima', site: 'Medan', gender: 'L', enrolled: '2025-01' });
    expect(byName.get('Joko')).toMatchObject({ group: 'pekerja-rentan', attributes: { category: 'pemulung', site: 'Bekasi', gender: 'L' } });
    expect(byName.get('Rahmawati')?.attributes).toEqual({ category: 'pekerja sosial', site: 'Medan', gender: 'P' });
  });

  it('matches attribute names without regard to case, taking the new spelling', () => {
    const dir = project();
    const csv = join(dir, 'update.csv');
    writeFileSync(csv, 'Pseudonym,Site\nRahmawati,Deli Serdang\n');
    expect(telaah(dir, ['participants', 'import', csv]).code).toBe(0);
    expect(list(dir).find((p) => p.pseudonym === 'Rahmawati')?.attributes).toEqual({ category: 'pekerja sosial', Site: 'Deli Serdang', gender: 'P' });
  });

  it('refuses a file without a pseudonym column, naming the columns found and the names accepted, and changes nothing', () => {
    const dir = project();
    const before = list(dir);
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'kota,jenis kelamin\nMedan,P\n');
    const result = telaah(dir, ['participants', 'import', csv]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/bad\.csv:1: no pseudonym column: the header has "kota", "jenis kelamin"\. Name the pseudonym column one of: pseudonym, pseudonim, alias, /);
    expect(list(dir)).toEqual(before);
  });

  it('takes the pseudonym column by the order of accepted names, not of the header', () => {
    const dir = project();
    const csv = join(dir, 'ids.csv');
    writeFileSync(csv, 'id,pseudonym,site\n7,Sumiati,Binjai\n');
    const result = telaah(dir, ['participants', 'import', csv, '--json']);
    expect(JSON.parse(result.stdout)).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect(list(dir).find((p) => p.pseudonym === 'Sumiati')?.attributes).toMatchObject({ id: '7', site: 'Binjai' });
  });
});
