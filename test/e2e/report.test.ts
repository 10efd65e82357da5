import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ThematicReport, ThemeSection } from '../../src/core/report/report-model.js';
import { SAMPLES, tempDir, telaah } from '../helpers/spawn-cli.js';

/** Runs telaah in the project and parses its JSON output. */
function json<T>(dir: string, args: string[]): T {
  const result = telaah(dir, args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

const flat = (sections: readonly ThemeSection[]): ThemeSection[] => sections.flatMap((s) => [s, ...flat(s.children)]);

let project: string;

/**
 * The demo project, then a little human work on it: ana and budi code parts of 09-sumiati (so agreement
 * exists and some quotes are a person's), two automatic proposals are rejected, and a code has a memo.
 */
beforeAll(() => {
  const root = tempDir();
  const demo = telaah(root, ['demo', 'demo']);
  expect(demo.code, demo.stderr).toBe(0);
  project = join(root, 'demo');
  const steps = [
    ['code', 'add', '09-sumiati', '20', 'barrier/documentation', 'strategy/registration-assistance', '--coder', 'ana'],
    ['code', 'add', '09-sumiati', '20', 'barrier/documentation', '--coder', 'budi'],
    ['code', 'add', '09-sumiati', '22.12', 'role/advocate', '--coder', 'ana'],
    ['code', 'add', '09-sumiati', '6', 'barrier/economic', '--coder', 'budi'],
    ['code', 'remove', '09-sumiati', '8.1', 'barrier/literacy-information', '--coder', 'auto'],
    ['memo', 'add', 'code:barrier/documentation', 'KK di kampung: soal dokumen, bukan kemauan', '--author', 'ana'],
  ];
  for (const step of steps) {
    const result = telaah(project, step, { TELAAH_USER: 'ana' });
    expect(result.code, `${step.join(' ')}: ${result.stderr}`).toBe(0);
  }
  // A reviewer who only rejects a proposal has coded nothing to compare: no coder of the agreement.
  const rejected = telaah(project, ['code', 'remove', '02-hendra', '24.15', 'role/educator', '--coder', 'auto'], { TELAAH_USER: 'dina' });
  expect(rejected.code, rejected.stderr).toBe(0);
}, 120_000);

describe('telaah report: every count agrees with the other commands', () => {
  it('codes: stats, codebook show and triangulate --json give the same numbers', () => {
    const report = json<ThematicReport>(project, ['report', '--format', 'json', '-o', '-']);
    const stats = json<{ codes: { rows: { code: string; segments: number; sources: number; participants: number }[] } }>(project, ['stats', '--json']);
    const shown = json<{ codes: { id: string; total: number; children: unknown[] }[] }>(project, ['codebook', 'show', '--json']);
    const triangulation = json<{ codes: { code: string; sources: Record<string, number>; participants: number; groups: number; status: string; flags: string[] }[] }>(project, ['triangulate', '--json']);
    const sections = flat(report.themes);
    expect(sections).toHaveLength(20);
    const totals = new Map<string, number>();
    const walk = (codes: { id: string; total: number; children: unknown[] }[]): void => {
      for (const c of codes) {
        totals.set(c.id, c.total);
        walk(c.children as typeof codes);
      }
    };
    walk(shown.codes);
    for (const s of sections) {
      const row = stats.codes.rows.find((r) => r.code === s.code)!;
      const t = triangulation.codes.find((r) => r.code === s.code)!;
      expect({ code: s.code, segments: s.counts.segments, sources: s.counts.sources, participants: s.counts.participants }).toEqual({ code: s.code, segments: row.segments, sources: row.sources, participants: row.participants });
      expect(s.counts.segments).toBe(totals.get(s.code));
      expect({ code: s.code, types: s.triangulation.sourceTypes, status: s.triangulation.status, flags: s.triangulation.flags, participants: s.counts.participants, groups: s.counts.groups }).toEqual({
        code: s.code, types: t.sources, status: t.status, flags: t.flags, participants: t.participants, groups: t.groups,
      });
      expect(Object.values(s.triangulation.sourceTypes).reduce((a, b) => a + b, 0)).toBe(s.counts.segments);
    }
    // The human coders' segments per code are those of stats --coder.
    const ana = json<typeof stats>(project, ['stats', '--json', '--coder', 'ana']);
    for (const s of sections) expect(s.counts.byCoder.ana ?? 0).toBe(ana.codes.rows.find((r) => r.code === s.code)!.segments);
  });

  it('overview and method: stats --json, and agree on the human coders', () => {
    const report = json<ThematicReport>(project, ['report', '--format', 'json', '-o', '-']);
    type StatsRow = { type: string; sources: number; turns: number; words: number; mediaMinutes: number | null };
    const stats = json<{
      sources: StatsRow[];
      totals: StatsRow;
      participants: { total: number; groups: { group: string | null; participants: number }[] };
      codings: { origins: { origin: string; codings: number; rejected: number }[]; coders: { coder: string; codings: number; origins: Record<string, number> }[] };
    }>(project, ['stats', '--json']);
    expect(report.overview.sources).toEqual(stats.sources.filter((s) => s.sources > 0).map(({ type, sources, turns, words, mediaMinutes }) => ({ type, sources, turns, words, mediaMinutes })));
    const { sources, turns, words, mediaMinutes } = stats.totals;
    expect(report.overview.totals).toEqual({ sources, turns, words, mediaMinutes });
    expect(report.overview.participants.total).toBe(stats.participants.total);
    expect(report.overview.participants.groups).toEqual(stats.participants.groups.map((g) => ({ value: g.group, participants: g.participants })));
    expect(report.method.coders).toEqual(stats.codings.coders.filter((c) => c.codings > 0).map(({ coder, codings, origins }) => ({ coder, codings, origins })));
    const auto = stats.codings.origins.find((o) => o.origin === 'auto')!;
    expect(report.method.automatic).toEqual({ proposals: auto.codings + auto.rejected, reviewed: 2, accepted: 0, rejected: 2, unreviewed: auto.codings });
    const agree = json<{ units: number; coders: string[]; pooled: { percentAgreement: number; kappa: number; alpha: number } }>(project, ['agree', '--coders', 'ana,budi', '--json']);
    expect(report.method.agreement).toEqual({ coders: ['ana', 'budi'], unit: 'turn', units: agree.units, percentAgreement: agree.pooled.percentAgreement, kappa: agree.pooled.kappa, alpha: agree.pooled.alpha });
  });

  it('figures: matrix cooccurrence, and matrix attributes by group and by the outcome', () => {
    const report = json<ThematicReport>(project, ['report', '--format', 'json', '-o', '-']);
    const cooccurrence = json<{ codes: { code: string }[]; counts: number[][] }>(project, ['matrix', 'cooccurrence', '--json']);
    expect(report.cooccurrence.codes.map((c) => c.code)).toEqual(cooccurrence.codes.map((c) => c.code));
    expect(report.cooccurrence.cells).toEqual(cooccurrence.counts);
    type Attributes = { codes: { code: string; cells: { value: string; members: number }[] }[] };
    const members = (matrix: Attributes, code: string, value: string): number => matrix.codes.find((c) => c.code === code)?.cells.find((c) => c.value === value)?.members ?? 0;
    const byGroup = json<Attributes>(project, ['matrix', 'attributes', '--by', 'group', '--json']);
    for (const c of report.byGroup.codes) for (const g of report.byGroup.groups) expect([c.code, g, c.participants[g]]).toEqual([c.code, g, members(byGroup, c.code, g)]);
    const byOutcome = json<Attributes>(project, ['matrix', 'attributes', '--by', 'enrolled_after', '--categories', '--json']);
    expect(report.jointDisplay!.attribute).toBe('enrolled_after');
    expect(report.jointDisplay!.values.map((v) => v.value)).toEqual(['tidak', 'ya']);
    for (const row of report.jointDisplay!.rows) for (const v of ['tidak', 'ya']) expect([row.code, v, row.cells[v]!.participants]).toEqual([row.code, v, members(byOutcome, row.code, v)]);
  });

  it('--origin counts only those origins, as stats --origin does', () => {
    const report = json<ThematicReport>(project, ['report', '--format', 'json', '-o', '-', '--origin', 'manual']);
    const stats = json<{ codes: { rows: { code: string; segments: number; participants: number }[] } }>(project, ['stats', '--json', '--origin', 'manual']);
    expect(report.title.origins).toEqual(['manual']);
    for (const s of flat(report.themes)) expect([s.code, s.counts.segments, s.counts.participants]).toEqual([s.code, ...(({ segments, participants }) => [segments, participants])(stats.codes.rows.find((r) => r.code === s.code)!)]);
    expect(flat(report.themes).find((s) => s.code === 'barrier/documentation')!.quotes.map((q) => `${q.source} ${q.segment}`)).toEqual(['09-sumiati 20']);
  });
});

describe('telaah report: files and Markdown', () => {
  it('writes the same bytes twice (no clock without --date), and replaces the file each time', () => {
    const file = join(project, 'laporan.md');
    writeFileSync(file, 'an older report');
    const first = telaah(project, ['report', '-o', 'laporan.md']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/^Wrote laporan\.md \(Markdown: 20 codes, joint display by enrolled_after\)\n$/);
    const bytes = readFileSync(file);
    expect(telaah(project, ['report', '-o', 'laporan.md']).code).toBe(0);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(telaah(project, ['report', '-o', 'a.json']).code).toBe(0);
    expect(telaah(project, ['report', '-o', 'b.json']).code).toBe(0);
    expect(readFileSync(join(project, 'a.json')).equals(readFileSync(join(project, 'b.json')))).toBe(true);
    const dated = telaah(project, ['report', '-o', '-', '--format', 'md', '--date', '2026-03-01']);
    expect(dated.stdout.split('\n').slice(0, 5).join('\n')).toContain('Tanggal: 2026-03-01');
    expect(bytes.toString()).not.toMatch(/Tanggal:/);
  });

  it('reads as a report: headings, the person-coded quote, the memo, agreement and the joint display', () => {
    const md = telaah(project, ['report', '-o', '-', '--format', 'md']).stdout;
    expect(md.startsWith('# Laporan analisis tematik: BPJS Ketenagakerjaan sample study\n')).toBe(true);
    for (const heading of [
      '## Gambaran studi',
      '## Catatan metode',
      '## Tema dan kode',
      '### Peran pekerja sosial (`role`)',
      '#### Dokumen kependudukan (`barrier/documentation`)',
      '## Ko-okurensi kode',
      '## Kode menurut kelompok partisipan',
      '## Tampilan gabungan menurut hasil: `enrolled_after`',
      '## Lampiran',
      '### Buku kode',
      '### Ringkasan jejak audit',
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    const documentation = md.slice(md.indexOf('#### Dokumen kependudukan'), md.indexOf('#### Akses digital'));
    expect(documentation).toMatch(/\n> — Sumiati \(wawancara, 09-sumiati 20\)\n/);
    expect(documentation).toContain('- *ana*, code barrier/documentation: KK di kampung: soal dokumen, bukan kemauan');
    expect(md).toMatch(/Kesepakatan ana dan budi pada \d+ giliran bicara dari sumber yang dikode lebih dari satu di antara mereka: persentase kesepakatan [\d,]+%, kappa Cohen /);
    expect(md).toContain('| `code add` | 4 |');
  });

  it('writes Word and HTML reports from the project, the same bytes each time', async () => {
    for (const file of ['r1.docx', 'r2.docx', 'r1.html', 'r2.html']) {
      const result = telaah(project, ['report', '-o', file]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(new RegExp(`^Wrote ${file.replace('.', '\\.')} \\((Word|HTML): \\d+ codes, joint display by enrolled_after\\)\n$`));
    }
    expect(readFileSync(join(project, 'r1.docx')).equals(readFileSync(join(project, 'r2.docx')))).toBe(true);
    expect(readFileSync(join(project, 'r1.html'), 'utf8')).toBe(readFileSync(join(project, 'r2.html'), 'utf8'));
    const word = await docxText(join(project, 'r1.docx'));
    expect(word).toContain('Dokumen kependudukan');
    expect(word).toContain('Sumiati');
    const html = readFileSync(join(project, 'r1.html'), 'utf8');
    expect(html).toContain('BPJS Ketenagakerjaan sample study');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
  });

  it('--lang en, and --codes narrows the sections', () => {
    const en = telaah(project, ['report', '-o', '-', '--format', 'md', '--lang', 'en', '--codes', 'barrier']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toContain('# Thematic analysis report: BPJS Ketenagakerjaan sample study');
    expect(en.stdout).toContain('### Barriers (`barrier`)');
    expect(en.stdout).not.toContain('(`role/educator`)');
    expect(en.stdout).toContain('## Joint display by outcome: `enrolled_after`');
  });

  it.each([
    [['report', '-o', 'x.md', '--codes', 'barier'], 'telaah: unknown code "barier". Did you mean barrier?'],
    [['report', '-o', 'x.md', '--outcome', 'enroled_after'], /^telaah: --outcome: no participant attribute "enroled_after"\. Did you mean enrolled_after\? Participants have: .*enrolled_after/],
    [['report', '-o', 'x.md', '--date', '2026-02-30'], /--date takes a day written YYYY-MM-DD/],
    [['report', '-o', 'x.md', '--lang', 'fr'], /argument 'fr' is invalid/],
    [['report', '-o', 'x.txt'], /cannot tell the report format for "x\.txt"/],
    [['report', '-o', '-', '--format', 'docx'], /^telaah: a Word report cannot go to stdout/],
    [['report', '-o', 'missing/x.md'], /cannot write .*missing\/x\.md: its folder does not exist/],
    [['report'], /required option '-o, --output <file>'/],
  ])('telaah %j: one line, exit 2, no file', (args, message) => {
    const result = telaah(project, args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(join(project, 'x.md'))).toBe(false);
  });
});

/** The text of a .docx, through mammoth (a dependency). */
async function docxText(file: string): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  return (await mammoth.extractRawText({ path: file })).value;
}

describe('telaah member-check', () => {
  it("holds the participant's own words with the themes people gave, and nobody else's words", async () => {
    const result = telaah(project, ['member-check', 'Sumiati', '-o', 'sumiati.docx']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Wrote sumiati\.docx: Sumiati's \d+ turns in 2 sources, 4 themes a person gave them\n$/);
    const text = await docxText(join(project, 'sumiati.docx'));
    type Shown = { turns: { participant: string | null; role: string | null; text: string }[] };
    const fgd = json<Shown>(project, ['sources', 'show', 'fgd1-medan-pekerja', '--json']);
    const interview = json<Shown>(project, ['sources', 'show', '09-sumiati', '--json']);
    const flatText = (s: string): string => s.replace(/\s+/g, ' ').trim();
    const words = flatText(text);
    for (const turn of [...fgd.turns, ...interview.turns]) {
      if (turn.participant === 'Sumiati') expect(words).toContain(flatText(turn.text));
      else if (flatText(turn.text).length > 30) expect(words).not.toContain(flatText(turn.text));
    }
    expect(text).toContain('Untuk diperiksa: kata-kata Sumiati');
    expect(text).toContain('Tema: Dokumen kependudukan; Pendampingan pendaftaran');
    expect(text).toContain('“Dokumen kependudukan”, bagian dari tema “Hambatan”');
    // Auto-coded but never reviewed: not a theme of hers.
    expect(text).not.toContain('Literasi dan informasi');
    expect(text).toContain('Koreksi dan tanggapan');
    // Only pseudonyms: none of the real names of the map.
    const realNames = readFileSync(join(SAMPLES, 'pseudonyms.csv'), 'utf8').split('\n').slice(1).map((line) => line.split(',')[0]!).filter(Boolean);
    expect(realNames.length).toBeGreaterThan(5);
    for (const name of realNames) expect(text).not.toContain(name);
  });

  it('speaks English with --lang en', async () => {
    expect(telaah(project, ['member-check', 'sumiati', '-o', 'sumiati-en.docx', '--lang', 'en']).code).toBe(0);
    const text = await docxText(join(project, 'sumiati-en.docx'));
    expect(text).toContain('For your review: the words of Sumiati');
    expect(text).toContain('Corrections and comments');
  });

  it('writes the same bytes on every run (no clock in the file)', () => {
    expect(telaah(project, ['member-check', 'Sumiati', '-o', 'again-1.docx']).code).toBe(0);
    expect(telaah(project, ['member-check', 'Sumiati', '-o', 'again-2.docx']).code).toBe(0);
    expect(readFileSync(join(project, 'again-2.docx')).equals(readFileSync(join(project, 'again-1.docx')))).toBe(true);
  });

  it.each([
    [['member-check', 'Sumiat', '-o', 'x.docx'], 'telaah: no participant "Sumiat". Did you mean Sumiati?'],
    [['member-check', 'Sumiati', '-o', 'x.md'], /a member-check packet is a Word file, so -o names a \.docx file/],
    [['member-check', 'Sumiati', '-o', '-'], /a member-check packet is a Word file/],
  ])('telaah %j: one line, exit 2, no file', (args, message) => {
    const result = telaah(project, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(join(project, 'x.docx'))).toBe(false);
  });
});

describe('telaah report: agreement when the human coders share no source', () => {
  // Last in this file: it adds a coder.
  it('compares every source two or more of them coded, as agree --all-sources does', () => {
    const added = telaah(project, ['code', 'add', '02-hendra', '4', 'role/educator', '--coder', 'cici']);
    expect(added.code, added.stderr).toBe(0);
    const report = json<ThematicReport>(project, ['report', '--format', 'json', '-o', '-']);
    const agree = json<{ pairable: number; pooled: { percentAgreement: number; alpha: number } }>(project, ['agree', '--coders', 'ana,budi,cici', '--all-sources', '--json']);
    expect(report.method.agreement).toEqual({ coders: ['ana', 'budi', 'cici'], unit: 'turn', units: agree.pairable, percentAgreement: agree.pooled.percentAgreement, kappa: null, alpha: agree.pooled.alpha });
  });
});
