import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CodingRow } from '../../src/store/list-codings.js';
import { tempDir, telaah, writeFile } from '../helpers/spawn-cli.js';

type Row = Record<string, string>;

let dir: string;

function run(...args: string[]): { stdout: string; stderr: string } {
  const result = telaah(dir, args);
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
}

function csv(text: string): Row[] {
  return parse(text, { columns: true, bom: true }) as Row[];
}

function json<T>(...args: string[]): T {
  return JSON.parse(run(...args).stdout) as T;
}

// Issue 10 item 4: the sample study coded automatically, with a human coder's work and memos on top.
beforeAll(() => {
  const root = tempDir();
  expect(telaah(root, ['demo', 'demo']).code).toBe(0);
  dir = join(root, 'demo');
  run('code', 'add', '09-sumiati', '20.3', 'barrier/documentation', '--coder', 'ana', '--memo', '=HYPERLINK("http://x","klik")');
  run('code', 'add', '09-sumiati', '20', 'role/broker', '--coder', 'ana');
  run('code', 'add', '10-darto', '5.1', 'barrier/economic', '--coder', 'ana');
  run('code', 'remove', '01-rahmawati', '6.4', 'barrier/literacy-information', '--coder', 'ana');
  run('memo', 'add', 'segment:09-sumiati:20.3', 'KK di kampung');
});

describe('export csv --what codings', () => {
  it('writes what codings list --csv writes, with its filters, rows as codings list --json lists them', () => {
    // (Not the whole listing: its JSON comes near a child process's 1 MB stdout buffer.)
    for (const filters of [['--type', 'fgd'], ['--code', 'barrier', '--type', 'interview'], ['--coder', 'ana'], ['--origin', 'rejected'], ['--where', 'group=pekerja-sosial']]) {
      const exported = run('export', 'csv', '--what', 'codings', ...filters).stdout;
      expect(exported).toBe(run('codings', 'list', '--csv', ...filters).stdout);
      const rows = csv(exported);
      const listed = json<CodingRow[]>('codings', 'list', '--json', ...filters);
      expect(rows).toHaveLength(listed.length);
      expect(rows.map((r) => [r.source, r.segment, r.code, r.coder, r.origin, Number(r.start), Number(r.end), r.text])).toEqual(
        listed.map((c) => [c.source, c.segment, c.code, c.coder, c.origin, c.start, c.end, c.text]),
      );
    }
  });

  it("neutralises a memo that a spreadsheet would run, and keeps the segment's memos", () => {
    const row = csv(run('export', 'csv', '--what', 'codings', '--coder', 'ana').stdout).find((r) => r.segment === '20.3')!;
    expect(row.memo).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(row.memos).toMatch(/: KK di kampung$/);
  });
});

describe('export csv --what segments', () => {
  it('writes every turn and sentence with its speaker, participant and attributes', () => {
    // Written to a file: the whole table is more than a child process's stdout buffer holds.
    const out = join(tempDir(), 'segments.csv');
    run('export', 'csv', '--what', 'segments', '-o', out);
    const rows = csv(readFileSync(out, 'utf8'));
    const sources = json<{ name: string; segments: number }[]>('sources', 'list', '--json');
    expect(rows).toHaveLength(sources.reduce((n, s) => n + s.segments, 0));
    expect(Object.keys(rows[0]!)).toEqual([
      'source', 'source_type', 'segment', 'turn', 'sentence', 'speaker', 'role', 'participant', 'participant_group',
      'participant_age_band', 'participant_category', 'participant_enrolled_after', 'participant_enrolled_before', 'participant_gender', 'participant_organisation', 'participant_site',
      'start', 'end', 'start_ms', 'end_ms', 'media_time', 'text',
    ]);
    const shown = json<{ turns: { index: number; speaker: string; participant: string | null; role: string; start: number; end: number; text: string; sentences: { index: number; start: number; end: number; text: string }[] }[] }>('sources', 'show', '09-sumiati', '--json');
    const turn = shown.turns.find((t) => t.index === 20)!;
    const ofSource = rows.filter((r) => r.source === '09-sumiati');
    expect(ofSource.find((r) => r.segment === '20')).toMatchObject({ turn: '20', sentence: '0', role: 'participant', participant: 'Sumiati', participant_group: 'pekerja-rentan', participant_site: 'Medan', start: String(turn.start), end: String(turn.end), text: turn.text });
    expect(ofSource.find((r) => r.segment === '20.3')).toMatchObject({ speaker: turn.speaker, participant: 'Sumiati', text: turn.sentences[2]!.text, start: String(turn.sentences[2]!.start) });
    expect(ofSource.find((r) => r.segment === '1')).toMatchObject({ role: 'interviewer', participant: '' });
  });

  it('keeps to one source, one kind of segment, and gives media times', () => {
    const sentences = csv(run('export', 'csv', '--what', 'segments', '--source', 'fgd1-medan-pekerja', '--unit', 'sentence').stdout);
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.every((r) => r.source === 'fgd1-medan-pekerja' && r.sentence !== '0')).toBe(true);
    // Sentences take their turn's speaker, role and media time even when turns are left out.
    expect(sentences.every((r) => r.speaker !== '' && r.role !== '' && r.start_ms !== '')).toBe(true);
    const timed = csv(run('export', 'csv', '--what', 'segments', '--type', 'fgd', '--unit', 'turn').stdout).filter((r) => r.start_ms !== '');
    expect(timed.length).toBeGreaterThan(0);
    const first = timed[0]!;
    const seconds = Math.floor(Number(first.start_ms) / 1000);
    expect(first.media_time).toBe(`${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`);
  });
});

describe('export csv --what quotes', () => {
  it('gives each code as many quotes as codebook show counts, each a coded unit codings list lists', () => {
    const rows = csv(run('export', 'csv', '--what', 'quotes').stdout);
    type Node = { id: string; codings: number; children: Node[] };
    const counts = new Map<string, number>();
    const walk = (nodes: Node[]): void => nodes.forEach((n) => (counts.set(n.id, n.codings), walk(n.children)));
    walk(json<{ codes: Node[] }>('codebook', 'show', '--json').codes);
    const perCode = new Map<string, number>();
    for (const r of rows) perCode.set(r.code!, (perCode.get(r.code!) ?? 0) + 1);
    expect(Object.fromEntries(perCode)).toEqual(Object.fromEntries([...counts].filter(([, n]) => n > 0)));
    const listed = new Set(json<CodingRow[]>('codings', 'list', '--json').map((c) => `${c.source} ${c.segment} ${c.code}`));
    expect(rows.every((r) => listed.has(`${r.source} ${r.segment} ${r.code}`))).toBe(true);
  });

  it('puts the source, the participant, the whole unit and the code path in columns', () => {
    const rows = csv(run('export', 'csv', '--what', 'quotes', '--source', '09-sumiati').stdout);
    const header = Object.keys(rows[0]!);
    expect(header.slice(0, 5)).toEqual(['source', 'source_type', 'source_date', 'source_site', 'source_language']);
    expect(header).toEqual(expect.arrayContaining(['source_interviewer', 'source_observer', 'participant_category', 'participant_enrolled_after', 'code_1', 'code_2']));
    expect(header.slice(-10)).toEqual(['start_ms', 'end_ms', 'media_time', 'text', 'code', 'code_label', 'code_1', 'code_2', 'coders', 'origins']);
    const documentation = rows.find((r) => r.segment === '20.3' && r.code === 'barrier/documentation')!;
    expect(documentation).toMatchObject({
      source_type: 'interview',
      source_date: '2025-05-03',
      source_site: 'Medan',
      source_interviewer: 'Peneliti 1',
      turn: '20',
      sentence: '3',
      participant: 'Sumiati',
      participant_group: 'pekerja-rentan',
      participant_category: 'pekerja rumah tangga',
      code_label: 'Dokumen kependudukan',
      code_1: 'Hambatan',
      code_2: 'Dokumen kependudukan',
      coders: 'ana;auto',
      origins: 'manual;auto',
      text: 'KK-ku masih KK lama, alamatnya di Tebing Tinggi, kampung suami.',
    });
    // ana coded the whole turn 20 role/broker: its sentences do not come again for that code.
    expect(rows.filter((r) => r.code === 'role/broker' && r.turn === '20').map((r) => r.segment)).toEqual(['20']);
  });

  it('follows the evidence rules: a rejected proposal is no quote, and suggestions only when named', () => {
    const rows = csv(run('export', 'csv', '--what', 'quotes', '--source', '01-rahmawati').stdout);
    expect(rows.some((r) => r.segment === '6.4' && r.code === 'barrier/literacy-information')).toBe(false);
    const result = telaah(dir, ['export', 'csv', '--what', 'quotes', '--origin', 'rejected']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--origin rejected applies to --what codings only/);
  });
});

describe('export csv --what matrix', () => {
  it('writes what matrix attributes --csv and matrix cooccurrence --csv write', () => {
    expect(run('export', 'csv', '--what', 'matrix', '--by', 'group', '--code', 'barrier').stdout).toBe(run('matrix', 'attributes', '--by', 'group', '--code', 'barrier', '--csv').stdout);
    expect(run('export', 'csv', '--what', 'matrix', '--by', 'source.type', '--categories', '--origin', 'manual').stdout).toBe(run('matrix', 'attributes', '--by', 'source.type', '--categories', '--origin', 'manual', '--csv').stdout);
    expect(run('export', 'csv', '--what', 'matrix', '--matrix', 'cooccurrence', '--jaccard', '--type', 'fgd').stdout).toBe(run('matrix', 'cooccurrence', '--jaccard', '--type', 'fgd', '--csv').stdout);
  });

  it('asks for --by, and refuses options that do not apply', () => {
    for (const [args, message] of [
      [['--what', 'matrix'], /--what matrix needs --by KEY \(the framework matrix\) or --matrix cooccurrence/],
      [['--what', 'matrix', '--matrix', 'cooccurrence', '--by', 'site'], /--by does not apply to --matrix cooccurrence/],
      [['--what', 'segments', '--coder', 'ana'], /--coder does not apply to --what segments\. It applies to --what codings, quotes, matrix/],
      [['--what', 'quotes', '--by', 'site'], /--by does not apply to --what quotes/],
      [['--what', 'matrix', '--by', 'sitee'], /no participant or source attribute "sitee"\. Did you mean site/],
      [['--what', 'codings', '--code', 'barier'], /unknown code "barier"/],
      [['--what', 'segments', '--source', '09-sumiat'], /no source named "09-sumiat"\. Did you mean 09-sumiati/],
      [['--what', 'tables'], /argument 'tables' is invalid/],
    ] as [string[], RegExp][]) {
      const result = telaah(dir, ['export', 'csv', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });
});

describe('export csv -o and --bom', () => {
  it('writes the file whole, with a BOM for Excel when asked, and says how many rows', () => {
    const out = join(tempDir(), 'quotes.csv');
    const result = run('export', 'csv', '--what', 'quotes', '--code', 'barrier/distrust', '-o', out, '--bom');
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csv(bytes.toString('utf8'));
    expect(result.stderr).toBe(`Wrote ${rows.length} quotes to ${out}\n`);
    expect(bytes.subarray(3).toString('utf8')).toBe(run('export', 'csv', '--what', 'quotes', '--code', 'barrier/distrust').stdout);
  });

  it('leaves an existing file as it was when the export fails, and no temporary file behind', () => {
    const folder = tempDir();
    const out = writeFile(folder, 'codings.csv', 'old\n');
    const result = telaah(dir, ['export', 'csv', '--what', 'codings', '--code', 'nope', '-o', out]);
    expect(result.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old\n');
    expect(readdirSync(folder)).toEqual(['codings.csv']);
    const missing = telaah(dir, ['export', 'csv', '--what', 'codings', '-o', join(folder, 'no', 'such', 'x.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot write .*x\.csv: its folder does not exist/);
  });
});

describe('CSV cells a spreadsheet would run', () => {
  it('are neutralised in every export and listing, while numbers stay numbers', () => {
    const project = tempDir();
    expect(telaah(project, ['init']).code).toBe(0);
    writeFile(project, 'documents/formulas.md', '=HYPERLINK("http://evil","klik")\n\n-2+3 kata dia\n\n+62 812 555\n\n@SUM(A1)\n');
    expect(telaah(project, ['ingest', 'documents']).code).toBe(0);
    const segments = csv(telaah(project, ['export', 'csv', '--what', 'segments', '--unit', 'turn']).stdout);
    expect(segments.map((r) => r.text)).toEqual([`'=HYPERLINK("http://evil","klik")`, "'-2+3 kata dia", "'+62 812 555", "'@SUM(A1)"]);
    expect(segments.map((r) => r.start)).toEqual(expect.arrayContaining(['0']));
    expect(csv(telaah(project, ['search', 'kata', '--csv']).stdout).map((r) => r.text)).toEqual(["'-2+3 kata dia"]);
  });
});
