import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/fake-ctx.js';
import { newProject, tempDir, telaah, writeFile } from '../helpers/spawn-cli.js';

interface Cell {
  segments: number;
  sources: number;
  participants: number;
}

interface Stats {
  type: string | null;
  sources: { type: string; sources: number; turns: number; words: number; mediaMinutes: number | null; untimed: number }[];
  totals: { sources: number; turns: number; words: number; mediaMinutes: number | null; untimed: number };
  turns: { total: number; participant: number; interviewer: number; noSpeaker: number };
  participants: { total: number; groups: { group: string | null; participants: number; speaking: number; turns: number }[]; categories: { category: string | null; participants: number }[] };
  codings: { origins: { origin: string; codings: number; rejected: number }[]; coders: { coder: string; codings: number; rejections: number }[] };
  codes: { by: string | null; groups: string[]; rows: (Cell & { code: string; by?: Record<string, Cell> })[] } | null;
}

interface Words {
  unit: string;
  turns: number;
  words: number;
  counted: number;
  top: { word: string; count: number; forms?: { form: string; count: number }[] }[];
}

function ok(dir: string, ...args: string[]): { stdout: string; stderr: string } {
  const result = telaah(dir, args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

const json = <T>(dir: string, ...args: string[]): T => JSON.parse(ok(dir, ...args, '--json').stdout) as T;
const bySegments = (stats: Stats): Record<string, number> => Object.fromEntries(stats.codes!.rows.map((r) => [r.code, r.segments]));

/** Coded segments per code from codebook show (totals) and from triangulate (summed over source types), with triangulate's participants. */
function elsewhere(dir: string, ...scope: string[]): { show: Record<string, number>; triangulate: Record<string, number>; participants: Record<string, number> } {
  interface Shown {
    id: string;
    total: number;
    children: Shown[];
  }
  const show: Record<string, number> = {};
  const walk = (nodes: Shown[]): void => nodes.forEach((n) => ((show[n.id] = n.total), walk(n.children)));
  walk(json<{ codes: Shown[] }>(dir, 'codebook', 'show').codes);
  const audited = json<{ codes: { code: string; sources: Record<string, number>; participants: number }[] }>(dir, 'triangulate', ...scope).codes;
  return {
    show,
    triangulate: Object.fromEntries(audited.map((r) => [r.code, Object.values(r.sources).reduce((a, b) => a + b, 0)])),
    participants: Object.fromEntries(audited.map((r) => [r.code, r.participants])),
  };
}

describe('telaah stats on the sample study', () => {
  let dir: string;
  beforeAll(() => {
    const root = tempDir();
    ok(root, 'demo', 'demo');
    dir = join(root, 'demo');
    // rina codes a turn and one of its sentences by hand (the turn absorbs it), and rejects one automatic coding.
    ok(dir, 'code', 'add', '09-sumiati', '20', 'barrier/documentation', '--coder', 'rina');
    ok(dir, 'code', 'add', '09-sumiati', '20.3', 'barrier/documentation', '--coder', 'rina');
    const first = json<{ source: string; segment: string; code: string }[]>(dir, 'codings', 'list', '--code', 'barrier/economic')[0]!;
    ok(dir, 'code', 'remove', first.source, first.segment, first.code, '--coder', 'rina');
  }, 120_000);

  it('counts what the samples hold: 48 sources by type, 28 participants by group and category', () => {
    const stats = json<Stats>(dir, 'stats');
    expect(stats.sources.map((s) => [s.type, s.sources])).toEqual([
      ['interview', 28],
      ['fgd', 4],
      ['observation', 12],
      ['document', 4],
    ]);
    const listed = json<{ type: string; turns: number; words: number }[]>(dir, 'sources', 'list');
    expect(stats.totals).toMatchObject({ sources: 48, turns: listed.reduce((n, s) => n + s.turns, 0), words: listed.reduce((n, s) => n + s.words, 0) });
    expect(stats.participants.total).toBe(28);
    expect(stats.participants.groups).toEqual([
      { group: 'pekerja-rentan', participants: 20, speaking: 20, sources: expect.any(Number), turns: expect.any(Number) },
      { group: 'pekerja-sosial', participants: 8, speaking: 8, sources: expect.any(Number), turns: expect.any(Number) },
    ]);
    expect(Object.fromEntries(stats.participants.categories.map((c) => [c.category, c.participants]))).toEqual({
      'buruh angkut': 2,
      nelayan: 3,
      'pedagang kaki lima': 3,
      'pekerja lepas': 3,
      'pekerja rumah tangga': 3,
      pemulung: 3,
      'pengemudi ojek online': 3,
      'pekerja sosial': 8,
    });
    // Turns of linked participants are what participants list counts; notes and documents have no speaker.
    const people = json<{ turns: number }[]>(dir, 'participants', 'list');
    expect(stats.participants.groups.reduce((n, g) => n + g.turns, 0)).toBe(people.reduce((n, p) => n + p.turns, 0));
    const units = (type: string): number => stats.sources.find((s) => s.type === type)!.turns;
    expect(stats.turns.noSpeaker).toBe(units('observation') + units('document'));
    expect(stats.turns.participant + stats.turns.interviewer + stats.turns.noSpeaker).toBe(stats.turns.total);
  });

  it("gives media minutes from each timed source's last time stamp, and counts untimed sources", () => {
    const fgd = json<Stats>(dir, 'stats', '--type', 'fgd');
    expect(fgd.sources.map((s) => s.type)).toEqual(['fgd']);
    let ms = 0;
    let untimed = 0;
    for (const name of ['fgd1-medan-pekerja', 'fgd2-bekasi-pekerja', 'fgd3-jakut-pekerja', 'fgd4-pekerja-sosial']) {
      const times = json<{ turns: { startMs: number | null; endMs: number | null }[] }>(dir, 'sources', 'show', name).turns.flatMap((t) => (t.endMs ?? t.startMs) ?? []);
      if (times.length) ms += Math.max(...times);
      else untimed++;
    }
    expect(fgd.sources[0]).toMatchObject({ sources: 4, untimed, mediaMinutes: Math.round(ms / 6000) / 10 });
    expect(untimed).toBeGreaterThan(0);
    expect(json<Stats>(dir, 'stats', '--type', 'document').sources[0]).toMatchObject({ mediaMinutes: null, untimed: 4 });
  });

  it('counts codings per origin and coder, with the rejection apart', () => {
    const { codings } = json<Stats>(dir, 'stats');
    expect(codings.origins.map((o) => [o.origin, o.rejected])).toEqual([
      ['auto', 1],
      ['manual', 0],
    ]);
    expect(codings.coders.find((c) => c.coder === 'rina')).toMatchObject({ codings: 2, rejections: 1 });
  });

  it.each([[[]], [['--origin', 'manual']], [['--coder', 'auto']], [['--origin', 'auto,manual', '--coder', 'rina']]])(
    'gives per code the segments of codebook show and triangulate, and triangulate participants (%j)',
    (scope) => {
      const stats = json<Stats>(dir, 'stats', ...scope);
      const other = elsewhere(dir, ...scope);
      expect(bySegments(stats)).toEqual(other.triangulate);
      expect(Object.fromEntries(stats.codes!.rows.map((r) => [r.code, r.participants]))).toEqual(other.participants);
      if (scope.length === 0) expect(bySegments(stats)).toEqual(other.show);
    },
  );

  it('splits by coder and origin, each column what that coder or origin alone gives', () => {
    const byCoder = json<Stats>(dir, 'stats', '--by', 'coder');
    expect(byCoder.codes!.groups).toEqual(['auto', 'rina']);
    for (const coder of byCoder.codes!.groups) {
      const alone = json<Stats>(dir, 'stats', '--coder', coder).codes!.rows;
      expect(byCoder.codes!.rows.map((r) => r.by![coder])).toEqual(alone.map(({ segments, sources, participants }) => ({ segments, sources, participants })));
    }
    expect(byCoder.codes!.rows.find((r) => r.code === 'barrier/documentation')!.by!.rina).toEqual({ segments: 1, sources: 1, participants: 1 });
    expect(json<Stats>(dir, 'stats', '--by', 'origin').codes!.groups).toEqual(['auto', 'manual']);
  });

  it('writes the code table as CSV', () => {
    const lines = ok(dir, 'stats', '--csv', '--by', 'coder').stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('code,label,category,segments,sources,participants,auto:segments,auto:sources,auto:participants,rina:segments,rina:sources,rina:participants');
    expect(lines).toHaveLength(1 + 20);
  });

  it('fits 80 and 120 columns on a terminal', async () => {
    for (const columns of [80, 120]) {
      for (const args of [['stats'], ['stats', '--by', 'coder'], ['stats', 'words', '--stems']]) {
        const { code, stdout } = await runInProcess(dir, args, { stdoutIsTTY: true, columns });
        expect(code).toBe(0);
        const wide = stdout.split('\n').filter((line) => [...line].length > columns);
        expect(wide, `${args.join(' ')} at ${columns}`).toEqual([]);
      }
    }
  });

  it("lists participants' commonest words without stop-words, by group, and by stem", () => {
    const words = json<Words>(dir, 'stats', 'words');
    expect(words.top).toHaveLength(30);
    const top = words.top.map((w) => w.word);
    expect(top).toEqual(expect.arrayContaining(['bayar', 'daftar', 'bpjs', 'ktp']));
    for (const stop of ['yang', 'di', 'itu', 'nggak', 'udah', 'aja', 'sih', 'kan', 'ya', 'gitu', 'kayak', 'dua']) expect(top).not.toContain(stop);
    const withInterviewer = json<Words>(dir, 'stats', 'words', '--include-interviewer');
    expect(withInterviewer.turns).toBeGreaterThan(words.turns);
    const social = json<Words>(dir, 'stats', 'words', '--where', 'group=pekerja-sosial', '--top', '5');
    expect(social.turns).toBe(json<Stats>(dir, 'stats').participants.groups.find((g) => g.group === 'pekerja-sosial')!.turns);
    const stems = json<Words>(dir, 'stats', 'words', '--stems');
    const daftar = stems.top.find((w) => w.word === 'daftar')!;
    expect(daftar.count).toBeGreaterThan(words.top.find((w) => w.word === 'daftar')!.count);
    expect(daftar.forms!.map((f) => f.form)).toEqual(expect.arrayContaining(['daftar', 'terdaftar', 'pendaftaran']));
  });

  it('answers a mistyped source, attribute or coder with the nearest, exit 2', () => {
    const source = telaah(dir, ['stats', 'words', '--source', '09-sumiaty']);
    expect(source.code).toBe(2);
    expect(source.stderr).toMatch(/no source named "09-sumiaty".*09-sumiati/);
    const where = telaah(dir, ['stats', 'words', '--where', 'categori=pemulung']);
    expect(where.code).toBe(2);
    expect(where.stderr).toMatch(/no participant or source attribute "categori".*category/);
    const coder = telaah(dir, ['stats', '--coder', 'rinna']);
    expect(coder.code).toBe(2);
    expect(coder.stderr).toMatch(/no coder named "rinna".*rina/);
  });
});

describe('telaah stats words on transcripts with known words', () => {
  it('counts exactly the participant words of the turns asked for', () => {
    const dir = newProject();
    writeFile(dir, 'participants.csv', 'pseudonym,group,category\nSumiati,pekerja-rentan,pemulung\nHendra,pekerja-sosial,pekerja sosial\n');
    ok(dir, 'participants', 'import', 'participants.csv');
    writeFile(dir, 'interviews/w01.txt', 'Pewawancara: Iuran iuran iuran, Bu?\nSumiati: Iuran mahal, Pak. Iuran naik lagi.\nPewawancara: Kartu?\nSumiati: Kartu belum ada.\n');
    writeFile(dir, 'interviews/w02.txt', 'Pewawancara: Kartu gimana?\nHendra: Kartu dibagikan, iuran dibantu.\n');
    writeFile(dir, 'observations/o1.md', 'Poster iuran di dinding kelurahan.\n');
    ok(dir, 'ingest', 'interviews', 'observations');
    const counts = (...args: string[]): Record<string, number> => Object.fromEntries(json<Words>(dir, 'stats', 'words', ...args).top.map((w) => [w.word, w.count]));
    expect(counts()).toEqual({ iuran: 3, kartu: 2, mahal: 1, naik: 1, dibagikan: 1, dibantu: 1 });
    expect(counts('--where', 'category=pemulung')).toEqual({ iuran: 2, kartu: 1, mahal: 1, naik: 1 });
    expect(counts('--include-interviewer', '--top', '2')).toEqual({ iuran: 6, kartu: 4 });
    expect(counts('--type', 'observation')).toEqual({ iuran: 1, poster: 1, dinding: 1, kelurahan: 1 });
    expect(counts('--source', 'w02', '--keep-stop-words')).toEqual({ kartu: 1, dibagikan: 1, iuran: 1, dibantu: 1 });
    // Sastrawi takes iuran to iur: the forms under each stem (in --json and the table) show what it stands for.
    expect(counts('--stems', '--source', 'w02')).toEqual({ bagi: 1, bantu: 1, iur: 1, kartu: 1 });
  });
});
