import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

const MINI = join(FIXTURES, 'mini-study');

interface SourceRow {
  name: string;
  type: string;
  turns: number;
  segments: number;
  words: number;
  sha256: string;
}

/** A project with the mini study's participants imported. */
function newProject(): string {
  const dir = tempDir();
  expect(telaah(dir, ['init']).code).toBe(0);
  expect(telaah(dir, ['participants', 'import', join(MINI, 'participants.csv')]).code).toBe(0);
  return dir;
}

function sources(dir: string): SourceRow[] {
  const result = telaah(dir, ['sources', 'list', '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as SourceRow[];
}

describe('init', () => {
  it('creates telaah.yaml and the database, and refuses to overwrite them', () => {
    const dir = tempDir();
    const first = telaah(dir, ['init', 'study']);
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, 'study', 'telaah.yaml'), 'utf8')).toMatch(/^languages: \[id, en\]$/m);
    expect(existsSync(join(dir, 'study', 'telaah.db'))).toBe(true);
    const before = readFileSync(join(dir, 'study', 'telaah.yaml'), 'utf8');
    const again = telaah(dir, ['init', 'study']);
    expect(again.code).toBe(3);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/already a telaah project/);
    expect(readFileSync(join(dir, 'study', 'telaah.yaml'), 'utf8')).toBe(before);
  });

  it('finds the project from a subfolder, or says there is none', () => {
    const dir = tempDir();
    expect(telaah(dir, ['sources', 'list']).code).toBe(3);
    telaah(dir, ['init']);
    cpSync(MINI, join(dir, 'data'), { recursive: true });
    expect(telaah(join(dir, 'data', 'interviews'), ['sources', 'list', '--json']).stdout.trim()).toBe('[]');
    const elsewhere = tempDir();
    expect(telaah(elsewhere, ['sources', 'list', '--json', '--project', dir]).code).toBe(0);
  });

  it('reports an invalid telaah.yaml at file:line:col', () => {
    const dir = tempDir();
    telaah(dir, ['init']);
    writeFileSync(join(dir, 'telaah.yaml'), 'name: x\ncoding_unit: paragraph\n');
    const result = telaah(dir, ['sources', 'list']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/telaah\.yaml:2:14: telaah\.yaml: coding_unit must be "sentence" or "turn"/);
  });
});

describe('participants', () => {
  it('imports, lists and updates by pseudonym', () => {
    const dir = newProject();
    const list = JSON.parse(telaah(dir, ['participants', 'list', '--json']).stdout) as { pseudonym: string; group: string; attributes: Record<string, string> }[];
    expect(list.map((p) => p.pseudonym)).toEqual(['Darto', 'Joko', 'Rahmawati', 'Sumiati']);
    expect(list[0]).toMatchObject({ group: 'pekerja-rentan', attributes: { category: 'pedagang kaki lima', site: 'Medan', gender: 'L' } });
    const csv = join(dir, 'update.csv');
    writeFileSync(csv, 'pseudonym,site\ndarto,Bekasi\nAgus,Bekasi\n');
    const update = telaah(dir, ['participants', 'import', csv, '--json']);
    expect(JSON.parse(update.stdout)).toEqual({ added: 1, updated: 1, unchanged: 0 });
    const after = JSON.parse(telaah(dir, ['participants', 'list', '--json']).stdout) as { pseudonym: string; attributes: Record<string, string> }[];
    expect(after.find((p) => p.pseudonym.toLowerCase() === 'darto')?.attributes.site).toBe('Bekasi');
  });

  it('refuses a CSV without a pseudonym column and changes nothing', () => {
    const dir = newProject();
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'nama,site\nBudi,Medan\n');
    const result = telaah(dir, ['participants', 'import', csv]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/bad\.csv:1: column "nama" looks like real names/);
    expect(JSON.parse(telaah(dir, ['participants', 'list', '--json']).stdout)).toHaveLength(4);
  });
});

describe('ingest', () => {
  let dir: string;
  beforeAll(() => {
    dir = newProject();
    const result = telaah(dir, ['ingest', MINI, '--pseudonyms', join(MINI, 'names.csv'), '--json']);
    expect(result.code, result.stderr).toBe(0);
  });

  it('reads every format and infers types from folders and front matter', () => {
    const rows = sources(dir);
    expect(rows.map((r) => [r.name, r.type])).toEqual([
      ['fgd-pasar', 'fgd'],
      ['obs01', 'observation'],
      ['partisipasi', 'document'],
      ['w01-sumiati', 'interview'],
    ]);
    expect(rows.find((r) => r.name === 'fgd-pasar')?.turns).toBe(3);
  });

  it('replaces real names before storing and attributes turns to participants', () => {
    const shown = JSON.parse(telaah(dir, ['sources', 'show', 'w01-sumiati', '--json']).stdout) as {
      text: string;
      attributes: Record<string, string>;
      turns: { speaker: string; participant: string | null; role: string; startMs: number; text: string; start: number; end: number; sentences: { text: string; start: number; end: number }[] }[];
    };
    expect(shown.text).not.toMatch(/Siti/);
    expect(shown.attributes.participants).toBe('Sumiati');
    expect(shown.turns[0]).toMatchObject({ speaker: 'Pewawancara', role: 'interviewer', participant: null, startMs: 4000 });
    expect(shown.turns[0]!.text).toBe('Selamat pagi, Bu Sumiati. Sudah lama kerja di rumah itu?');
    expect(shown.turns[1]).toMatchObject({ speaker: 'Sumiati', role: 'participant', participant: 'Sumiati', startMs: 9000 });
    expect(shown.turns[1]!.text).toContain('\nKatanya itu urusan saya sendiri.');
    // Offsets count code points: slicing the text by code points gives back each turn and sentence.
    const points = Array.from(shown.text);
    for (const turn of shown.turns) {
      expect(points.slice(turn.start, turn.end).join('')).toBe(turn.text);
      for (const s of turn.sentences) expect(points.slice(s.start, s.end).join('')).toBe(s.text);
    }
    const emojiTurn = shown.turns[3]!;
    expect(emojiTurn.sentences.map((s) => s.text)).toEqual([
      'Bu Rahmawati dari Dinas Sosial.',
      'Dia bawa leaflet bergambar 📄, jadi saya langsung ngerti.',
      'Iurannya cuma enam belas ribu delapan ratus.',
    ]);
    expect(telaah(dir, ['anonymity', 'check', '--pseudonyms', join(MINI, 'names.csv')]).code).toBe(0);
  });

  it('merges consecutive cues of one speaker and keeps media times', () => {
    const shown = JSON.parse(telaah(dir, ['sources', 'show', 'fgd-pasar', '--json']).stdout) as { turns: { speaker: string; participant: string; startMs: number; endMs: number; text: string }[] };
    expect(shown.turns[1]).toMatchObject({ speaker: 'Darto', participant: 'Darto', startMs: 4500, endMs: 12250 });
    expect(shown.turns[1]!.text).toBe('Saya sudah, sejak ada pojok pendaftaran di pasar. Dibantu isi formulir, pakai KTP saja.');
  });

  it('skips unchanged files and refuses changed ones without --replace', () => {
    const again = telaah(dir, ['ingest', MINI, '--pseudonyms', join(MINI, 'names.csv'), '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ added: 0, unchanged: 4 });
    const own = newProject();
    const copy = tempDir();
    cpSync(join(MINI, 'observations'), join(copy, 'observations'), { recursive: true });
    const notes = join(copy, 'observations', 'obs01.md');
    expect(telaah(own, ['ingest', notes]).code).toBe(0);
    writeFileSync(notes, `${readFileSync(notes, 'utf8')}\nSatu paragraf tambahan.\n`);
    const before = sources(own);
    const refused = telaah(own, ['ingest', notes]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already in the project with different content.*--replace/);
    expect(sources(own)).toEqual(before);
    const replaced = telaah(own, ['ingest', notes, '--replace', '--json']);
    expect(JSON.parse(replaced.stdout).counts).toMatchObject({ replaced: 1 });
    expect(sources(own).map((r) => [r.name, r.turns])).toEqual([['obs01', 4]]);
  });

  it('finds real names left in a project ingested without the map', () => {
    const raw = newProject();
    telaah(raw, ['ingest', join(MINI, 'interviews')]);
    const check = telaah(raw, ['anonymity', 'check', '--pseudonyms', join(MINI, 'names.csv')]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^w01-siti:3:12: "Siti" is the real name Siti Aminah$/m);
    // The file name carries the real name too, and the check says so.
    expect(check.stdout).toMatch(/^w01-siti \(name\): "siti" is the real name Siti Aminah$/m);
  });
});

describe('bad input', () => {
  it.each([
    ['a missing file', (d: string) => join(d, 'nope.txt'), /no such file or folder/],
    ['an empty file', (d: string) => write(d, 'interviews/empty.txt', ''), /empty/],
    ['a binary file', (d: string) => write(d, 'interviews/blob.txt', Buffer.from([0x41, 0, 1, 2, 0, 0x42])), /binary/],
    ['a CSV without a text column', (d: string) => write(d, 'interviews/t.csv', 'speaker,start\nDarto,00:00:01\n'), /no text column/],
    ['a malformed timestamp', (d: string) => write(d, 'interviews/t.txt', 'Pewawancara: Halo.\n[00:7x:12] Darto: Iya.\nDarto: Betul.\n'), /t\.txt:2:\d+: .*timestamp/],
    ['a folder without transcripts', (d: string) => write(d, 'empty-folder/readme.pdf', '%PDF-1.4').replace(/readme\.pdf$/, ''), /no transcripts found/],
  ])('refuses %s with one line, exit 2 and the project unchanged', (_label, make, message) => {
    const dir = newProject();
    const path = make(dir);
    const result = telaah(dir, ['ingest', path]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(sources(dir)).toEqual([]);
  });

  it('refuses a speaker map that names an unknown participant', () => {
    const dir = newProject();
    const map = write(dir, 'speakers.csv', 'label,pseudonym\nSiti,Nobody\n');
    const result = telaah(dir, ['ingest', join(MINI, 'interviews'), '--speakers', map]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no participant has that pseudonym/);
    expect(sources(dir)).toEqual([]);
  });

  it('lands the good files of a run and names the one that failed', () => {
    const dir = newProject();
    const folder = join(dir, 'batch', 'interviews');
    write(dir, 'batch/interviews/good.txt', 'Pewawancara: Apa kabar?\nDarto: Baik.\n');
    write(dir, 'batch/interviews/bad.txt', '');
    copyFileSync(join(MINI, 'interviews', 'w01-siti.txt'), join(folder, 'w01.txt'));
    const result = telaah(dir, ['ingest', join(dir, 'batch')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/2 added, .*1 failed/);
    expect(result.stderr).toMatch(/failed .*bad\.txt.*empty/);
    expect(sources(dir).map((s) => s.name)).toEqual(['good', 'w01']);
  });
});

describe('help', () => {
  it.each([[[]], [['ingest']], [['init']], [['sources', 'show']], [['participants', 'import']], [['anonymity', 'check']], [['demo']]])('telaah %s --help has examples', (args) => {
    const result = telaah(tempDir(), [...args, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Examples:\n\s+\$ (npx )?telaah/);
  });
});

function write(dir: string, rel: string, content: string | Buffer): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
