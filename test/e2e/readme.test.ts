import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, SAMPLES, tempDir, telaah } from '../helpers/spawn-cli.js';

// The README's worked example, step by step, on the shipped samples and codebook.
describe('README worked example', () => {
  it('runs as written', () => {
    const root = tempDir();
    const codebook = join(REPO, 'codebooks', 'bpjs-social-work.yaml');
    const pseudonyms = join(SAMPLES, 'pseudonyms.csv');
    expect(telaah(root, ['init', 'bpjs']).code).toBe(0);
    const dir = join(root, 'bpjs');
    const step = (...args: string[]): { stdout: string; stderr: string } => {
      const result = telaah(dir, args);
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
      return result;
    };
    expect(step('participants', 'import', join(SAMPLES, 'participants.csv')).stderr).toMatch(/28 added/);
    expect(step('ingest', SAMPLES, '--pseudonyms', pseudonyms).stderr).toMatch(/^Ingested: 48 added, 2 skipped \(\d+ turns, \d+ segments, \d+ real names replaced\)/);
    expect(step('sources', 'list').stdout.split('\n').filter(Boolean)).toHaveLength(49);
    expect(step('sources', 'show', '09-sumiati').stdout).toMatch(/^ +\d+ +Sumiati$/m);
    step('anonymity', 'check', '--pseudonyms', pseudonyms);
    step('codebook', 'validate', codebook);
    step('codebook', 'test', codebook);
    step('codebook', 'use', codebook);
    expect(step('code', 'auto').stderr).toMatch(/^Coded \d+ sentences with "BPJS social work"/);
    step('code', 'add', '09-sumiati', '20.3', 'barrier/documentation', '--memo', 'KK masih di Tebing Tinggi');
    expect(step('codebook', 'show').stdout).toMatch(/barrier\/documentation/);
    const fgdBarriers = JSON.parse(step('codings', 'list', '--code', 'barrier', '--type', 'fgd', '--json').stdout) as { sourceType: string; code: string }[];
    expect(fgdBarriers.length).toBeGreaterThan(0);
    expect(fgdBarriers.every((c) => c.sourceType === 'fgd' && c.code.startsWith('barrier/'))).toBe(true);
    expect(step('search', 'daftar').stdout).toMatch(/«pendaftaran»/);
    expect(step('search', 'daftar', '--exact').stdout).not.toMatch(/«pendaftaran»/);
    expect(step('search', 'pojok pendaftaran', '--type', 'fgd').stdout).toMatch(/^fgd\S+\t[\d.]+\t\S+\t.*«pojok pendaftaran»/m);
    expect(JSON.parse(step('search', 'iuran', 'subsidi', '--where', 'group=pekerja-rentan', '--json').stdout)).not.toEqual([]);
    expect(step('query', 'barrier/distrust AND (role/educator OR role/advocate)').stderr).toMatch(/^3 units in 2 sources, 3 participants\n$/);
    expect(step('query', 'barrier/documentation NEAR/2 strategy/registration-assistance', '--type', 'fgd').stdout).toMatch(/^fgd3-jakut-pekerja\t26\.4\tSaripah\t/m);
    expect(step('matrix', 'cooccurrence', '--code', 'barrier').stdout.split('\n')[0]).toBe('code\tbarrier/literacy-information\tbarrier/distrust\tbarrier/documentation\tbarrier/digital-access\tbarrier/economic');
    // The framework matrix as the README shows it (piped: one tab-separated table).
    expect(step('matrix', 'attributes', '--by', 'group', '--code', 'barrier').stdout).toMatch(/^barrier\/distrust\t69\t18\t90\t28\t8\t100$/m);
    expect(step('matrix', 'attributes', '--by', 'group', '--codes', 'barrier/distrust', '--cell', 'quotes').stdout).toMatch(/“Dia tak percaya juga mula-mula\.” — Hasan, 28-hasan 28\.4/);
    // Reports and member checking.
    expect(step('report', '-o', 'laporan.md').stderr).toBe('Wrote laporan.md (Markdown: 20 codes, no joint display)\n');
    expect(readFileSync(join(dir, 'laporan.md'), 'utf8')).toContain('> Tapi ada yang kirim video ceramah, ada yang jual panci kredit, ada hoaks katanya BPJS mau bangkrut.\n>\n> — Rudi (FGD, fgd1-medan-pekerja 25.6, 00:21:05)\n');
    expect(step('report', '-o', 'report.md', '--lang', 'en', '--date', '2026-03-01').stderr).toMatch(/^Wrote report\.md/);
    expect((JSON.parse(step('report', '--format', 'json', '-o', '-').stdout) as { themes: unknown[] }).themes).toHaveLength(4);
    expect(step('report', '-o', 'hambatan.md', '--codes', 'barrier', '--origin', 'manual,accepted').stderr).toMatch(/^Wrote hambatan\.md \(Markdown: 6 codes/);
    expect(step('member-check', 'Sumiati', '-o', 'member-check-sumiati.docx').stderr).toMatch(/^Wrote member-check-sumiati\.docx: Sumiati's \d+ turns in 2 sources, 1 theme a person gave them\n$/);
    // Exporting: a table for Excel, and the human codings for a second coder.
    expect(step('export', 'csv', '--what', 'quotes', '-o', 'quotes.csv', '--bom').stderr).toMatch(/^Wrote [\d,]+ quotes to quotes\.csv\n$/);
    expect(step('export', 'codings', '-o', 'codings.jsonl').stderr).toBe('Wrote 1 coding (manual, accepted, imported) to codings.jsonl\n');
    expect(step('import', 'codings', 'codings.jsonl', '--dry-run').stderr).toMatch(/^Would import 0 codings from codings\.jsonl \(dry run: nothing changed\)\n  1 coding already present\n$/);
  });

  it('npx telaah demo builds the sample project', () => {
    const root = tempDir();
    const result = telaah(root, ['demo']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Ingested: 48 added/);
    expect(result.stdout).toMatch(/^fgd1-medan-pekerja\tfgd\t2025-04-19\tMedan\t/m);
    const again = telaah(root, ['demo']);
    expect(again.stderr).toMatch(/using the demo project made earlier[\s\S]*48 unchanged/);
  });
});
