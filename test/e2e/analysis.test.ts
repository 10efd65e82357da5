import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/fake-ctx.js';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

interface ShownCode {
  id: string;
  codings: number;
  total: number;
  children: ShownCode[];
}
interface Cooccurrence {
  unit: string;
  codes: { code: string; category: boolean; units: number }[];
  counts: number[][];
  jaccard: number[][];
}
interface AttributeMatrix {
  by: string;
  base: string;
  leftOut: number;
  values: { value: string; members: number }[];
  codes: { code: string; cells: { value: string; units: number; members: number; percent: number | null; quotes?: { source: string; segment: string; participant: string | null; text: string }[] }[] }[];
}
interface Triangulated {
  code: string;
  sources: Record<string, number>;
  participants: number;
}

// The sample study as `telaah demo` codes it: code auto at the sentence level, one sentence coded by hand.
describe('query and matrices on the sample study', () => {
  let dir: string;
  const json = <T>(...args: string[]): T => {
    const result = telaah(dir, args);
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  /** The number of units `telaah query` lists, run in this process (many runs, spawned they would take long). */
  const count = async (...args: string[]): Promise<number> => {
    const result = await runInProcess(dir, ['query', ...args, '--json']);
    expect(result.code, `query ${args.join(' ')}: ${result.stderr}`).toBe(0);
    return (JSON.parse(result.stdout) as unknown[]).length;
  };

  beforeAll(() => {
    const root = tempDir();
    expect(telaah(root, ['demo', 'demo']).code).toBe(0);
    dir = join(root, 'demo');
  });

  it("counts a code's units as codebook show counts its coded segments, and A AND B as the co-occurrence cell", async () => {
    // Every coding of the demo sits on a participant's sentence or on a note's or document's, so a unit
    // (a sentence) is a coded segment: query, co-occurrence and codebook show give one number per code.
    const shown = new Map<string, ShownCode>();
    const walk = (codes: ShownCode[]): void => codes.forEach((c) => (shown.set(c.id, c), walk(c.children)));
    walk(json<{ codes: ShownCode[] }>('codebook', 'show', '--json').codes);
    const matrix = json<Cooccurrence>('matrix', 'cooccurrence', '--categories', '--json');
    expect(matrix.codes).toHaveLength(shown.size);
    for (const [i, c] of matrix.codes.entries()) {
      const s = shown.get(c.code)!;
      expect(matrix.counts[i]![i], c.code).toBe(c.category ? s.total : s.codings);
      expect(c.units).toBe(matrix.counts[i]![i]);
    }
    const picked = ['role', 'role/educator', 'strategy/tailored-education', 'barrier/distrust', 'barrier/documentation', 'outcome/enrollment'];
    for (const a of picked) {
      const i = matrix.codes.findIndex((c) => c.code === a);
      expect(await count(a), a).toBe(matrix.counts[i]![i]);
      for (const b of picked) {
        const j = matrix.codes.findIndex((c) => c.code === b);
        expect(await count(`${a} AND ${b}`), `${a} AND ${b}`).toBe(matrix.counts[i]![j]);
      }
    }
  });

  it("counts units per source type and participants as triangulate does", async () => {
    const audit = new Map(json<{ codes: Triangulated[] }>('triangulate', '--json').codes.map((c) => [c.code, c]));
    const byType = json<AttributeMatrix>('matrix', 'attributes', '--by', 'source.type', '--categories', '--json');
    expect(byType.base).toBe('sources');
    expect(byType.values.map((v) => v.value)).toEqual(['document', 'fgd', 'interview', 'observation']);
    const byGroup = json<AttributeMatrix>('matrix', 'attributes', '--by', 'group', '--categories', '--json');
    expect(byGroup.values).toEqual([
      { value: 'pekerja-rentan', members: 20 },
      { value: 'pekerja-sosial', members: 8 },
    ]);
    for (const [i, row] of byType.codes.entries()) {
      const t = audit.get(row.code)!;
      for (const cell of row.cells) expect(cell.units, `${row.code} ${cell.value}`).toBe(t.sources[cell.value]);
      // Every participant has a group, so the groups' participants add up to those voicing the code.
      expect(byGroup.codes[i]!.cells.reduce((n, cell) => n + cell.members, 0), row.code).toBe(t.participants);
    }
    for (const code of ['barrier/distrust', 'strategy/peer-agents']) {
      expect(await count(code, '--type', 'fgd')).toBe(audit.get(code)!.sources.fgd);
    }
  });

  it('lists matching units with where they are and who speaks, a count line on stderr when piped', () => {
    const result = telaah(dir, ['query', 'barrier/distrust AND role/educator']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('source\tsegment\tspeaker\tcodes\ttext');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\S+\t\d+\.\d+\t[^\t]*\tbarrier\/distrust role\/educator\t\S/);
    expect(result.stderr).toMatch(new RegExp(`^${lines.length - 1} units? in \\d+ sources?, \\d+ participants?\\n$`));
    const rows = json<{ source: string; sourceType: string; segment: string; speaker: string | null; participant: string | null; codes: string[]; text: string; start: number; end: number }[]>(
      'query',
      'barrier/distrust AND role/educator',
      '--json',
    );
    expect(rows).toHaveLength(lines.length - 1);
    expect(Object.keys(rows[0]!)).toEqual(['source', 'sourceType', 'segment', 'speaker', 'participant', 'codes', 'text', 'start', 'end']);
    const csv = telaah(dir, ['query', 'barrier/distrust AND role/educator', '--csv']).stdout.split('\r\n');
    expect(csv[0]).toBe('source,sourceType,segment,speaker,participant,codes,text,start,end');
    expect(csv.filter(Boolean)).toHaveLength(rows.length + 1);
  });

  it('finds codes near each other and in one turn, returning both sides', () => {
    const near = json<{ source: string; segment: string; codes: string[] }[]>('query', 'barrier/distrust NEAR/1 outcome/enrollment', '--json');
    expect(near.length).toBeGreaterThan(0);
    expect(near.some((r) => r.codes.includes('barrier/distrust'))).toBe(true);
    expect(near.some((r) => r.codes.includes('outcome/enrollment'))).toBe(true);
    const turn = json<{ source: string; segment: string; codes: string[] }[]>('query', 'barrier/distrust SAME-TURN outcome/enrollment', '--json');
    const turns = (rows: { source: string; segment: string }[]): Set<string> => new Set(rows.map((r) => `${r.source} ${r.segment.split('.')[0]}`));
    // Units in one turn are within NEAR/n for n at least the turn's length; every SAME-TURN unit's turn holds both codes.
    for (const key of turns(turn)) {
      const inTurn = turn.filter((r) => `${r.source} ${r.segment.split('.')[0]}` === key);
      expect(inTurn.some((r) => r.codes.includes('barrier/distrust')) && inTurn.some((r) => r.codes.includes('outcome/enrollment'))).toBe(true);
    }
    const both = json<unknown[]>('query', 'barrier/distrust SAME-TURN outcome/enrollment', '--unit', 'turn', '--json');
    expect(both).toHaveLength(json<unknown[]>('query', 'barrier/distrust AND outcome/enrollment', '--unit', 'turn', '--json').length);
    expect(both).toHaveLength(turns(turn).size);
  });

  it('filters by source attributes, so observation notes can be chosen', () => {
    const notes = json<{ source: string; sourceType: string }[]>('query', 'strategy/peer-agents', '--where', 'source.site=Medan', '--type', 'observation', '--json');
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((r) => r.sourceType === 'observation')).toBe(true);
    const byObserver = json<{ source: string }[]>('query', 'strategy/peer-agents', '--where', 'observer=Peneliti 3', '--json');
    // Peneliti 3 observed the three Jakarta Utara sessions (an interview's interviewer is another attribute).
    expect(byObserver.length).toBeGreaterThan(0);
    for (const r of byObserver) expect(['obs10-muaraangke', 'obs11-cilincing', 'obs12-kalibaru']).toContain(r.source);
    const codings = json<{ source: string }[]>('codings', 'list', '--where', 'source.site=Medan', '--type', 'observation', '--json');
    expect(codings.length).toBeGreaterThan(0);
    expect(codings.every((r) => r.source.startsWith('obs0'))).toBe(true);
  });

  it.each([
    [['barrier/distrust AND'], /^telaah: query:1:21: expected a code after AND\. /],
    [['barrier AND (role OR'], /^telaah: query:1:21: expected a code after OR\. /],
    [['barrier AND role/educatr'], /^telaah: query:1:13: unknown code "role\/educatr"\. Did you mean role\/educator\?/],
    [['barrier', '--where', 'sitee=Medan'], /no participant or source attribute "sitee"\. Did you mean site/],
    [['barrier', '--where', 'observer=Peneliti 9'], /no source has observer=Peneliti 9\. Did you mean Peneliti 1/],
  ])('refuses query %j in one line, exit 2', (args, message) => {
    const result = telaah(dir, ['query', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it("fills the framework chart with short quotes of the cell's participants", () => {
    const chart = json<AttributeMatrix>('matrix', 'attributes', '--by', 'group', '--codes', 'barrier/distrust', '--cell', 'quotes', '--quotes', '3', '--json');
    const participants = json<{ pseudonym: string; group: string }[]>('participants', 'list', '--json');
    const groupOf = new Map(participants.map((p) => [p.pseudonym, p.group]));
    for (const cell of chart.codes[0]!.cells) {
      expect(cell.quotes!.length).toBe(3);
      for (const q of cell.quotes!) expect(groupOf.get(q.participant!)).toBe(cell.value);
      const lengths = cell.quotes!.map((q) => [...q.text].length);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
      expect(lengths[0]).toBeGreaterThanOrEqual(30);
    }
    const csv = telaah(dir, ['matrix', 'attributes', '--by', 'group', '--codes', 'barrier/distrust', '--cell', 'quotes', '--csv']).stdout;
    expect(csv.split('\r\n')[0]).toBe('code,label,pekerja-rentan,pekerja-sosial');
  });

  it('refuses an unknown --by key or code with the nearest, exit 2', () => {
    const by = telaah(dir, ['matrix', 'attributes', '--by', 'sit']);
    expect(by.code).toBe(2);
    expect(by.stderr).toMatch(/no participant or source attribute "sit"\. Did you mean site/);
    const code = telaah(dir, ['matrix', 'cooccurrence', '--code', 'barier']);
    expect(code.code).toBe(2);
    expect(code.stderr).toMatch(/unknown code "barier"\. Did you mean barrier/);
  });

  it.each([80, 120])('lays the matrices out within %i columns on a terminal', async (columns) => {
    for (const args of [['matrix', 'cooccurrence'], ['matrix', 'attributes', '--by', 'category'], ['matrix', 'attributes', '--by', 'group', '--cell', 'quotes']]) {
      const result = await runInProcess(dir, args, { stdoutIsTTY: true, columns });
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\n');
      expect(Math.max(...lines.map((l) => [...l].length)), args.join(' ')).toBeLessThanOrEqual(columns);
    }
    const query = await runInProcess(dir, ['query', 'barrier/distrust'], { stdoutIsTTY: true, columns });
    expect(Math.max(...query.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(columns);
    expect(query.stdout).toMatch(/^\d+ units in \d+ sources, \d+ participants$/m);
  });

  it('explains the language and the matrices in help that fits 80 columns', async () => {
    for (const args of [['query'], ['matrix', 'cooccurrence'], ['matrix', 'attributes']]) {
      const { code, stdout } = await runInProcess(dir, [...args, '--help'], { columns: 80 });
      expect(code).toBe(0);
      // Example commands stay whole, so that they can be copied.
      expect(stdout.split('\n').filter((line) => line.length > 80 && !line.startsWith('  $ '))).toEqual([]);
      expect(stdout).toMatch(/Examples:\n {2}\$ telaah /);
    }
    expect((await runInProcess(dir, ['query', '--help'], { columns: 80 })).stdout).toMatch(/NEAR\/n and SAME-TURN bind tighter than AND/);
  });
});

// A study coded by turns: at the turn level, a query's units are the coded segments codebook show counts.
describe('query at the turn level on a study coded by turns', () => {
  it('counts what codebook show counts, code by code', () => {
    const dir = tempDir();
    const fixture = join(FIXTURES, 'triangulation');
    for (const args of [['init'], ['participants', 'import', join(fixture, 'participants.csv')], ['ingest', fixture], ['codebook', 'use', join(fixture, 'codebook.yaml')], ['code', 'auto', '--unit', 'turn']]) {
      const result = telaah(dir, args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    const shown = new Map<string, ShownCode>();
    const walk = (codes: ShownCode[]): void => codes.forEach((c) => (shown.set(c.id, c), walk(c.children)));
    walk(JSON.parse(telaah(dir, ['codebook', 'show', '--json']).stdout).codes as ShownCode[]);
    const matrix = JSON.parse(telaah(dir, ['matrix', 'cooccurrence', '--unit', 'turn', '--categories', '--json']).stdout) as Cooccurrence;
    expect(matrix.unit).toBe('turn');
    expect(matrix.codes.some((c) => c.units > 0)).toBe(true);
    for (const [i, c] of matrix.codes.entries()) {
      const s = shown.get(c.code)!;
      expect(matrix.counts[i]![i], c.code).toBe(c.category ? s.total : s.codings);
    }
  });
});

