import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, telaah, writeFile } from '../helpers/spawn-cli.js';

const MINI = join(FIXTURES, 'mini-study');
const NAMES = join(MINI, 'names.csv');

/** A new project holding a copy of the mini study's interviews, so paths can be typed as a researcher types them. */
function project(): string {
  const dir = tempDir();
  expect(telaah(dir, ['init']).code).toBe(0);
  cpSync(join(MINI, 'interviews'), join(dir, 'interviews'), { recursive: true });
  return dir;
}

const write = writeFile;

/** The database files as bytes (WAL too, if a checkpoint has not emptied it). */
function storedBytes(dir: string): string {
  return ['telaah.db', 'telaah.db-wal']
    .map((f) => join(dir, f))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('');
}

interface Check {
  sources: number;
  found: number;
  possible: number;
  findings: { source: string; where: string; place: string; line: number | null; col: number | null; matched: string; realName: string; possible: boolean }[];
}

describe('issue 8 item 13: a real name never reaches a stored byte', () => {
  it('ingesting interviews/w01-siti.txt directly with --pseudonyms stores no "Siti" anywhere, and the check agrees', () => {
    const dir = project();
    const ingest = telaah(dir, ['ingest', 'interviews/w01-siti.txt', '--pseudonyms', NAMES]);
    expect(ingest.code, ingest.stderr).toBe(0);
    // As a word, in any case ("w01-siti" too); the schema's "position" holds the letters, not the name.
    expect(storedBytes(dir)).not.toMatch(/(?<![a-z])siti(?![a-z])/i);
    expect(storedBytes(dir)).toMatch(/(?<![a-z])sumiati(?![a-z])/i);
    const check = telaah(dir, ['anonymity', 'check', '--pseudonyms', NAMES]);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toBe('');
    expect(check.stderr).toMatch(/^No real names from the map found in 1 sources/);
  });

  it('without --pseudonyms, the check finds the name in the audit trail as well as in the source', () => {
    const dir = project();
    expect(telaah(dir, ['ingest', 'interviews/w01-siti.txt']).code).toBe(0);
    const check = telaah(dir, ['anonymity', 'check', '--pseudonyms', NAMES]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^w01-siti:8:12: "Siti" is the real name Siti Aminah$/m);
    expect(check.stdout).toMatch(/^w01-siti \(speaker label\): "Siti" is the real name Siti Aminah$/m);
    expect(check.stdout).toMatch(/^audit \d+, ingest \(arguments\): "siti" is the real name Siti Aminah$/m);
    const json = JSON.parse(telaah(dir, ['anonymity', 'check', '--pseudonyms', NAMES, '--json']).stdout) as Check;
    expect(new Set(json.findings.map((f) => f.place))).toEqual(
      new Set(['sources.text', 'sources.name', 'sources.file', 'sources.attributes.values', 'segments.speaker', 'audit.arguments']),
    );
    expect(json.found).toBe(json.findings.length);
  });

  it('finds names in memos, and replaces names in front-matter keys at ingest', () => {
    const dir = project();
    write(dir, 'interviews/w05-ani.txt', '---\ncatatan_siti: ditemui di pasar\n---\nPewawancara: Halo.\nSiti: Halo juga.\n');
    expect(telaah(dir, ['ingest', 'interviews/w05-ani.txt', '--pseudonyms', NAMES]).code).toBe(0);
    const shown = JSON.parse(telaah(dir, ['sources', 'show', 'w05-ani', '--json']).stdout) as { attributes: Record<string, string> };
    expect(shown.attributes).toEqual({ catatan_sumiati: 'ditemui di pasar' });
    expect(telaah(dir, ['codebook', 'use', join(FIXTURES, 'codebooks', 'mini.yaml')]).code).toBe(0);
    const added = telaah(dir, ['code', 'add', 'w05-ani', '2', 'barrier', '--memo', 'Tanya lagi ke Siti']);
    expect(added.code, added.stderr).toBe(0);
    const check = telaah(dir, ['anonymity', 'check', '--pseudonyms', NAMES]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^w05-ani 2, code barrier by .+ \(memo\): "Siti" is the real name Siti Aminah$/m);
  });
});

describe('issue 8 item 14: names that are also words', () => {
  it('keeps the lower-case word, and the check lists it as possible without failing', () => {
    const dir = project();
    const map = write(dir, 'map.csv', 'real_name,pseudonym,variants\nBunga Lestari,Mawar,Bunga\n');
    write(dir, 'interviews/w07-bunga.txt', 'Pewawancara: Ibu jual apa?\nBunga: Saya jual bunga, Pak. Bunganya segar.\n');
    expect(telaah(dir, ['ingest', 'interviews/w07-bunga.txt', '--pseudonyms', map]).code).toBe(0);
    const shown = JSON.parse(telaah(dir, ['sources', 'show', 'w07-mawar', '--json']).stdout) as { text: string };
    expect(shown.text).toMatch(/Mawar: Saya jual bunga, Pak\. Mawarnya segar\./);
    const check = telaah(dir, ['anonymity', 'check', '--pseudonyms', map]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^Possible \(written in lower case, perhaps a common word; check by eye\):\nw07-mawar:\d+:\d+: "bunga" may be the real name Bunga Lestari$/m);
    expect(check.stderr).toMatch(/1 lower-case word matches a name/);
    const json = JSON.parse(telaah(dir, ['anonymity', 'check', '--pseudonyms', map, '--json']).stdout) as Check;
    expect(json).toMatchObject({ found: 0, possible: 1, findings: [{ source: 'w07-mawar', where: 'text', matched: 'bunga', possible: true }] });
  });
});

describe('issue 8 item 15: interviewer labels', () => {
  it('reads P as the participant, and warns about a file where only the interviewer speaks', () => {
    const dir = project();
    write(dir, 'interviews/en-01.txt', 'I: How did you hear about BPJS?\nP: From a social worker at the market.\nI: Did you enrol?\nP: Yes, that week.\n');
    write(dir, 'interviews/en-02.txt', 'I: How did you hear about BPJS?\nQ: And then?\nI: Thank you.\n');
    const result = telaah(dir, ['ingest', 'interviews']);
    expect(result.code, result.stderr).toBe(0);
    const shown = JSON.parse(telaah(dir, ['sources', 'show', 'en-01', '--json']).stdout) as { turns: { speaker: string; role: string }[] };
    expect(shown.turns.map((t) => `${t.speaker} ${t.role}`)).toEqual(['I interviewer', 'P participant', 'I interviewer', 'P participant']);
    expect(result.stderr).toMatch(/en-02\.txt: every turn is by an interviewer label \(I, Q\)/);
    expect(result.stderr).not.toMatch(/en-01\.txt: every turn/);
  });
});
