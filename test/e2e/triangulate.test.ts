import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

const FIXTURE = join(FIXTURES, 'triangulation');

interface Row {
  code: string;
  category: boolean;
  sources: Record<string, number>;
  participants: number;
  status: string;
  flags: string[];
  evidence: { source: string; sourceType: string; segment: string; participant: string | null; text: string }[];
}

function rows(dir: string, ...args: string[]): Map<string, Row> {
  const result = telaah(dir, ['triangulate', '--json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return new Map((JSON.parse(result.stdout) as { codes: Row[] }).codes.map((r) => [r.code, r]));
}

// A small study whose statuses and flags are known by construction (see the fixture's texts).
describe('triangulate on a hand-built project', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    const run = (...args: string[]): void => {
      const result = telaah(dir, args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    };
    run('init');
    run('participants', 'import', join(FIXTURE, 'participants.csv'));
    run('ingest', FIXTURE);
    run('codebook', 'use', join(FIXTURE, 'codebook.yaml'));
    run('code', 'auto');
    run('code', 'add', 'i1-ani', '4.2', 'theme/subsidy', '--coder', 'rina');
    run('code', 'add', 'd1', '1', 'theme/subsidy', '--coder', 'rina');
  });

  it('gives each code its status and flags', () => {
    const audit = rows(dir);
    const summary = (id: string): unknown => {
      const r = audit.get(id)!;
      return [r.sources.interview, r.sources.fgd, r.sources.observation, r.sources.document, r.participants, r.status, r.flags];
    };
    expect(summary('theme/leaflet')).toEqual([2, 2, 1, 0, 3, 'convergent', []]);
    expect(summary('theme/fear')).toEqual([2, 0, 0, 0, 1, 'single-source', ['participant-concentrated', 'not-observed', 'one-sided', 'contrasted']]);
    expect(summary('theme/queue')).toEqual([0, 0, 1, 0, 0, 'single-source', ['observed-only']]);
    // "meja pendaftaran" and "terdaftar" share the stem daftar, so both observation sentences count.
    expect(summary('theme/enrolled')).toEqual([0, 0, 2, 0, 0, 'single-source', ['observed-only']]);
    expect(summary('theme/subsidy')).toEqual([1, 0, 0, 1, 1, 'corroborated', ['participant-concentrated', 'not-observed', 'one-sided']]);
    expect(summary('theme/unused')).toEqual([0, 0, 0, 0, 0, 'absent', []]);
    expect(audit.get('theme')).toMatchObject({ category: true, status: 'convergent', sources: { interview: 5, fgd: 2, observation: 2, document: 1 } });
    expect(audit.get('theme/fear')!.evidence.map((e) => [e.source, e.segment, e.participant, e.text])).toEqual([
      ['i1-ani', '2.2', 'Ani', 'Saya takut uangnya hilang.'],
      ['i1-ani', '4.1', 'Ani', 'Saya masih takut sampai sekarang.'],
    ]);
  });

  it('counts only human-reviewed codings with --origin manual,accepted', () => {
    const audit = rows(dir, '--origin', 'manual,accepted');
    expect(audit.get('theme/subsidy')!.status).toBe('corroborated');
    expect(audit.get('theme/leaflet')!.status).toBe('absent');
  });

  it('makes one table per site or group', () => {
    const result = telaah(dir, ['triangulate', '--json', '--by', 'group']);
    const groups = JSON.parse(result.stdout) as { by: string; groups: { value: string; codes: Row[] }[] };
    expect(groups.groups.map((g) => g.value)).toEqual(['pekerja-rentan', 'pekerja-sosial', '(none)']);
    expect(groups.groups[1]!.codes.find((c) => c.code === 'theme/leaflet')!.sources.interview).toBe(1);
  });

  it('--strict exits 1 naming the required codes below the required status', () => {
    const result = telaah(dir, ['triangulate', '--strict']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/below corroborated: theme\/fear is single-source/);
    expect(result.stderr).toMatch(/below corroborated: theme\/unused is absent/);
    expect(result.stderr).not.toMatch(/theme\/queue/);
    expect(telaah(dir, ['triangulate', '--strict', '--all']).stderr).toMatch(/theme\/queue is single-source/);
  });

  it('prints a table, a CSV and one code in depth', () => {
    const table = telaah(dir, ['triangulate']);
    expect(table.stdout).toMatch(/^  theme\/fear\t2\t0\t0\t0\t1\tsingle-source\tparticipant-concentrated, not-observed, one-sided, contrasted$/m);
    const csv = telaah(dir, ['triangulate', '--csv']).stdout;
    expect(csv.split('\r\n')[0]).toBe('code,label,interview,fgd,observation,document,participants,groups,status,flags');
    const depth = telaah(dir, ['triangulate', '--code', 'theme/leaflet']).stdout;
    expect(depth).toMatch(/^observation \(1\)$/m);
    expect(depth).toMatch(/“Peserta antre panjang di meja pendaftaran sambil membaca leaflet\.”/);
  });
});
