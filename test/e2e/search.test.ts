import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { newProject, SAMPLES, telaah, writeFile } from '../helpers/spawn-cli.js';

interface Hit {
  source: string;
  sourceType: string;
  segment: string;
  speaker: string | null;
  participant: string | null;
  role: string | null;
  start: number;
  end: number;
  text: string;
  matches: { start: number; end: number; text: string }[];
}

function hits(dir: string, ...args: string[]): Hit[] {
  const result = telaah(dir, ['search', ...args, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Hit[];
}

const matchedWords = (list: Hit[]): Set<string> => new Set(list.flatMap((h) => h.matches.map((m) => m.text.toLowerCase())));

describe('telaah search on the sample study', () => {
  let dir: string;
  beforeAll(() => {
    dir = newProject();
    for (const args of [
      ['participants', 'import', join(SAMPLES, 'participants.csv')],
      ['ingest', SAMPLES, '--pseudonyms', join(SAMPLES, 'pseudonyms.csv')],
    ]) {
      const result = telaah(dir, args);
      expect(result.code, result.stderr).toBe(0);
    }
  });

  it('finds every form of daftar by its stem; --exact finds the word alone', () => {
    const stemmed = hits(dir, 'daftar');
    const words = matchedWords(stemmed);
    for (const form of ['daftar', 'mendaftar', 'pendaftaran', 'didaftarkan', 'terdaftar']) expect(words, form).toContain(form);
    const exact = hits(dir, 'daftar', '--exact');
    expect(matchedWords(exact)).toEqual(new Set(['daftar']));
    expect(exact.length).toBeGreaterThan(0);
    expect(exact.length).toBeLessThan(stemmed.length);
  });

  it('gives each hit with source, segment, speaker and code-point offsets into the source text', () => {
    const list = hits(dir, 'daftar', '--source', '09-sumiati');
    expect(list.length).toBeGreaterThan(0);
    const source = JSON.parse(telaah(dir, ['sources', 'show', '09-sumiati', '--json']).stdout) as { text: string; turns: { index: number; speaker: string; sentences: { index: number; start: number }[] }[] };
    const points = [...source.text];
    for (const hit of list) {
      expect(Object.keys(hit)).toEqual(['source', 'sourceType', 'segment', 'speaker', 'participant', 'role', 'start', 'end', 'text', 'matches']);
      expect(points.slice(hit.start, hit.end).join('')).toBe(hit.text);
      for (const m of hit.matches) expect(points.slice(m.start, m.end).join('')).toBe(m.text);
      const [turn, sentence] = hit.segment.split('.').map(Number);
      const t = source.turns.find((x) => x.index === turn)!;
      expect(t.sentences.find((s) => s.index === sentence)!.start).toBe(hit.start);
      expect(hit.speaker).toBe(t.speaker);
    }
    expect(list.some((h) => h.role === 'participant' && h.participant === 'Sumiati')).toBe(true);
  });

  it('searches interviewer turns too and marks them', () => {
    const list = hits(dir, 'daftar');
    expect(list.some((h) => h.role === 'interviewer' && h.participant === null)).toBe(true);
    const piped = telaah(dir, ['search', 'daftar', '--source', '01-rahmawati']);
    expect(piped.stdout).toContain('01-rahmawati\t11.1\t[Pewawancara]\tDan dia akhirnya «daftar»?\n');
  });

  it('finds a phrase where its words stand together', () => {
    const list = hits(dir, 'kartu keluarga');
    expect(list.length).toBeGreaterThan(0);
    for (const hit of list) expect(hit.matches.map((m) => m.text.toLowerCase())).toContain('kartu keluarga');
    // The same words apart, in either order, are found without the quotes.
    expect(hits(dir, 'kartu', 'keluarga').length).toBeGreaterThanOrEqual(list.length);
    expect(hits(dir, '"keluarga kartu"')).toEqual([]);
  });

  it('filters by type and participant attribute, and a mistyped value names the nearest', () => {
    expect(new Set(hits(dir, 'daftar', '--type', 'observation').map((h) => h.sourceType))).toEqual(new Set(['observation']));
    const social = hits(dir, 'daftar', '--where', 'group=pekerja-sosial');
    expect(social.length).toBeGreaterThan(0);
    const bad = telaah(dir, ['search', 'daftar', '--where', 'group=pekerja']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('telaah: no participant has group=pekerja. Did you mean pekerja-rentan or pekerja-sosial?\n');
    expect(telaah(dir, ['search', 'daftar', '--source', '09-sumiat']).stderr).toMatch(/no source named "09-sumiat"\. Did you mean 09-sumiati/);
  });

  it('writes one line per hit to a pipe and the count to stderr', () => {
    const result = telaah(dir, ['search', 'iuran', 'subsidi']);
    expect(result.stdout).not.toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) expect(line.split('\t')).toHaveLength(4);
    expect(result.stderr).toMatch(new RegExp(`^${lines.length} hits? in \\d+ sources?\\n$`));
    const limited = telaah(dir, ['search', 'daftar', '--limit', '3']);
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(limited.stderr).toMatch(/^\d+ hits in \d+ sources; showing the first 3 \(--limit N shows more\)\n$/);
  });

  it('writes CSV with the matched words', () => {
    const result = telaah(dir, ['search', 'kartu keluarga', '--csv']);
    expect(result.code).toBe(0);
    const [header, ...rows] = result.stdout.trimEnd().split('\r\n');
    expect(header).toBe('source,sourceType,segment,speaker,participant,role,start,end,text,matched');
    expect(rows.length).toBe(hits(dir, 'kartu keluarga').length);
    expect(rows.every((r) => /,Kartu Keluarga$|,kartu keluarga$/i.test(r))).toBe(true);
  });

  it('takes FTS5 syntax as words, and refuses a search with nothing to find (exit 2, one line)', () => {
    for (const args of [['AND'], ['daftar', 'OR'], ['NEAR(daftar'], ['words:daftar'], ['--', '-daftar'], ['daftar*']]) {
      const result = telaah(dir, ['search', '--json', ...args]);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
    }
    for (const [args, message] of [
      [['*'], /^telaah: nothing to search for in "\*"\. Give at least one word/],
      [['"kartu keluarga'], /^telaah: a double quote in '"kartu keluarga' is not closed/],
      [['da*'], /^telaah: the prefix "da\*" is too short/],
    ] as const) {
      const result = telaah(dir, ['search', ...args]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('telaah search after the sources change', () => {
  it('indexes new sources and never returns the words of a replaced or removed one', () => {
    const dir = newProject();
    const ingest = (...args: string[]): void => {
      const result = telaah(dir, ['ingest', ...args]);
      expect(result.code, result.stderr).toBe(0);
    };
    const w01 = writeFile(dir, 'interviews/w01.txt', 'Pewawancara: Sudah daftar?\nRina: Belum, iurannya mahal.\nPewawancara: Oh.\nRina: Ya.\n');
    ingest('interviews');
    expect(hits(dir, 'iuran').map((h) => h.text)).toEqual(['Belum, iurannya mahal.']);
    writeFile(dir, 'interviews/w02.txt', 'Pewawancara: Kenapa?\nRina: Iuran naik terus.\nPewawancara: Oh.\nRina: Ya.\n');
    ingest('interviews');
    expect(hits(dir, 'iuran').map((h) => `${h.source} ${h.text}`)).toEqual(['w01 Belum, iurannya mahal.', 'w02 Iuran naik terus.']);
    writeFileSync(w01, 'Pewawancara: Sudah daftar?\nRina: Sudah, lewat pojok pasar.\nPewawancara: Oh.\nRina: Ya.\n');
    ingest('interviews', '--replace');
    expect(hits(dir, 'iuran').map((h) => h.source)).toEqual(['w02']);
    expect(hits(dir, 'pojok').map((h) => h.source)).toEqual(['w01']);
    expect(telaah(dir, ['sources', 'remove', 'w02', '--yes']).code).toBe(0);
    expect(hits(dir, 'iuran')).toEqual([]);
  });
});
