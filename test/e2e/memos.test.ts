import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Memo } from '../../src/core/memo-target.js';
import type { CodingRow } from '../../src/store/list-codings.js';
import { BIN, FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

const MINI = join(FIXTURES, 'mini-study');
const NAMES = join(MINI, 'names.csv');
const CODEBOOK = join(FIXTURES, 'codebooks', 'mini.yaml');

/** The mini study ingested (its interview copied to data/ so a test can correct it), coded automatically. */
function project(): { dir: string; transcript: string } {
  const dir = tempDir();
  const transcript = join(dir, 'data', 'interviews', 'w01-siti.txt');
  mkdirSync(dirname(transcript), { recursive: true });
  cpSync(MINI, join(dir, 'data'), { recursive: true });
  for (const args of [['init'], ['participants', 'import', join(MINI, 'participants.csv')], ['ingest', 'data', '--pseudonyms', NAMES], ['codebook', 'use', CODEBOOK], ['code', 'auto']]) {
    const result = telaah(dir, args, { TELAAH_USER: 'rina' });
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  }
  return { dir, transcript };
}

function ok(dir: string, ...args: string[]): { stdout: string; stderr: string } {
  const result = telaah(dir, args, { TELAAH_USER: 'rina' });
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

function memos(dir: string, ...args: string[]): Memo[] {
  return JSON.parse(ok(dir, 'memo', 'list', '--json', ...args).stdout) as Memo[];
}

const targets = (dir: string, ...args: string[]): string[] => memos(dir, ...args).map((m) => `${m.id} ${m.target}`);

describe('memo add, list, edit and remove', () => {
  it('writes a memo on each kind of target, by the author given or the user', () => {
    const { dir } = project();
    ok(dir, 'memo', 'add', 'project', 'Kepercayaan lebih penting dari biaya?');
    ok(dir, 'memo', 'add', 'source:w01-sumiati', 'Wawancara di dapur majikan', '--author', 'budi');
    expect(ok(dir, 'memo', 'add', 'segment:w01-sumiati:4.2', 'Leaflet dari Dinas Sosial').stderr).toBe('Added memo 3 on segment:w01-sumiati:4.2 by rina\n');
    ok(dir, 'memo', 'add', 'segment:obs01:2', 'Poster, bukan leaflet');
    ok(dir, 'memo', 'add', 'code:strategy/tailored-education', 'Media visual di semua jenis sumber');
    const added = JSON.parse(ok(dir, 'memo', 'add', 'participant:sumiati', 'Terbuka setelah menit pertama', '--json').stdout) as Memo;
    expect(added).toMatchObject({ id: 6, target: 'participant:Sumiati', kind: 'participant', participant: 'Sumiati', author: 'rina', text: 'Terbuka setelah menit pertama' });
    expect(targets(dir)).toEqual([
      '1 project',
      '2 source:w01-sumiati',
      '3 segment:w01-sumiati:4.2',
      '4 segment:obs01:2',
      '5 code:strategy/tailored-education',
      '6 participant:Sumiati',
    ]);
    expect(memos(dir)[1]).toMatchObject({ kind: 'source', source: 'w01-sumiati', segment: null, author: 'budi' });
    expect(targets(dir, '--target', 'source:w01-sumiati')).toEqual(['2 source:w01-sumiati', '3 segment:w01-sumiati:4.2']);
    expect(targets(dir, '--target', 'segment')).toEqual(['3 segment:w01-sumiati:4.2', '4 segment:obs01:2']);
    expect(targets(dir, '--target', 'code:strategy')).toEqual(['5 code:strategy/tailored-education']);
    expect(targets(dir, '--author', 'budi')).toEqual(['2 source:w01-sumiati']);
    // In a pipe: one memo a line, tab-separated.
    expect(ok(dir, 'memo', 'list', '--target', 'project').stdout).toMatch(/^id\ttarget\tauthor\tcreated\tupdated\ttext\n1\tproject\trina\t\S+Z\t\S+Z\tKepercayaan lebih penting dari biaya\?\n$/);
  });

  it('takes a long memo from stdin with -', () => {
    const { dir } = project();
    const text = 'Refleksi minggu 3.\r\n\r\nPola: dokumen, bukan kemauan.\n';
    const result = spawnSync(process.execPath, [BIN, 'memo', 'add', 'project', '-'], { cwd: dir, input: text, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1' } });
    expect(result.status, result.stderr).toBe(0);
    expect(memos(dir)[0]!.text).toBe('Refleksi minggu 3.\n\nPola: dokumen, bukan kemauan.');
  });

  it('refuses what names nothing, with the nearest names (exit 2, nothing stored)', () => {
    const { dir } = project();
    const refused = (target: string): string => {
      const result = telaah(dir, ['memo', 'add', target, 'x']);
      expect(result.code).toBe(2);
      return result.stderr;
    };
    expect(refused('w01-sumiati')).toBe('telaah: "w01-sumiati" is not a memo target. Did you mean source:w01-sumiati? (a segment: segment:w01-sumiati:T.S)\n');
    expect(refused('w01-sumiati:4.2')).toMatch(/Did you mean segment:w01-sumiati:4\.2\?/);
    expect(refused('source:w01-sumiat')).toMatch(/no source named "w01-sumiat". Did you mean "w01-sumiati"\?/);
    expect(refused('segment:w01-sumiati:9.1')).toMatch(/w01-sumiati has no segment 9\.1\. See its turns and sentences with `telaah sources show w01-sumiati --sentences`/);
    expect(refused('code:strategy/tailored')).toMatch(/unknown code "strategy\/tailored". Did you mean strategy\/tailored-education/);
    expect(refused('participant:Darta')).toMatch(/no participant "Darta". Did you mean Darto\?/);
    expect(refused('sorce:obs01')).toMatch(/Did you mean source:obs01\?/);
    expect(memos(dir)).toEqual([]);
  });

  it('edits text and target, removes only memos that exist', () => {
    const { dir } = project();
    ok(dir, 'memo', 'add', 'segment:w01-sumiati:4.2', 'Leaflet');
    ok(dir, 'memo', 'add', 'project', 'Kedua');
    expect(ok(dir, 'memo', 'edit', '1', 'Leaflet bergambar').stderr).toBe('Changed memo 1 on segment:w01-sumiati:4.2: new text\n');
    expect(ok(dir, 'memo', 'edit', '1', '--target', 'segment:w01-sumiati:4').stderr).toMatch(/moved from segment:w01-sumiati:4\.2 to segment:w01-sumiati:4/);
    expect(ok(dir, 'memo', 'edit', '1', 'Leaflet bergambar').stderr).toMatch(/already says that; nothing changed/);
    expect(memos(dir)[0]).toMatchObject({ target: 'segment:w01-sumiati:4', text: 'Leaflet bergambar', author: 'rina' });
    const missing = telaah(dir, ['memo', 'remove', '2', '7']);
    expect([missing.code, missing.stderr]).toEqual([2, 'telaah: there is no memo 7. Nothing was removed; list the memos and their ids with `telaah memo list`\n']);
    expect(telaah(dir, ['memo', 'edit', '7', 'x']).code).toBe(2);
    expect(telaah(dir, ['memo', 'remove', 'two']).stderr).toMatch(/"two" is not a memo id/);
    expect(ok(dir, 'memo', 'remove', '#2').stderr).toBe('Removed memo 2 on project by rina\n');
    expect(targets(dir)).toEqual(['1 segment:w01-sumiati:4']);
  });
});

describe('memos follow what the project does', () => {
  it('a source memo follows sources rename and goes with sources remove, which asks first', () => {
    const { dir } = project();
    ok(dir, 'memo', 'add', 'source:w01-sumiati', 'Di dapur');
    ok(dir, 'memo', 'add', 'segment:w01-sumiati:2.1', 'Tujuh tahun');
    ok(dir, 'memo', 'add', 'source:obs01', 'Pasar Petisah');
    ok(dir, 'sources', 'rename', 'w01-sumiati', 'w01');
    expect(targets(dir)).toEqual(['1 source:w01', '2 segment:w01:2.1', '3 source:obs01']);
    // Memos are human work: a removal that would take them is refused in a pipe without --yes.
    const refused = telaah(dir, ['sources', 'remove', 'w01']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/would delete 2 memos\. Pass --yes/);
    expect(ok(dir, 'sources', 'remove', 'w01', '--yes').stderr).toMatch(/^w01: .*2 memos\n/m);
    expect(targets(dir)).toEqual(['3 source:obs01']);
  });

  it('a code memo follows code merge and code rename', () => {
    const { dir } = project();
    ok(dir, 'memo', 'add', 'code:strategy/registration-assistance', 'Jarang muncul');
    // A code that only a memo uses can still be merged away.
    expect(ok(dir, 'code', 'merge', 'strategy/registration-assistance', 'strategy/tailored-education').stderr).toMatch(/1 memo moved/);
    expect(targets(dir)).toEqual(['1 code:strategy/tailored-education']);
  });

  it('ingest --replace keeps a segment memo on its unchanged sentence and moves one whose sentence changed to the source, listed', () => {
    const { dir, transcript } = project();
    ok(dir, 'memo', 'add', 'segment:w01-sumiati:4.2', 'Leaflet dari Dinas Sosial');
    ok(dir, 'memo', 'add', 'segment:w01-sumiati:4.3', 'Angka iuran: cek');
    ok(dir, 'memo', 'add', 'source:w01-sumiati', 'Di dapur');
    // The transcriber's correction: a turn was missing at the start, one figure was misheard.
    writeFileSync(
      transcript,
      readFileSync(transcript, 'utf8')
        .replace('[00:00:04] Pewawancara:', '[00:00:01] Pewawancara: Baik, kita mulai.\n[00:00:04] Pewawancara:')
        .replace('cuma enam belas ribu delapan ratus', 'cuma enam belas ribu delapan ratus rupiah'),
    );
    const replaced = JSON.parse(ok(dir, 'ingest', 'data', '--pseudonyms', NAMES, '--replace', '--json').stdout) as { counts: Record<string, number>; files: { status: string; keptMemos?: number; notKept?: unknown[] }[] };
    expect(replaced.counts).toMatchObject({ replaced: 1, keptMemos: 2 });
    expect(replaced.files.find((f) => f.status === 'replaced')!.notKept).toContainEqual({
      source: 'w01-sumiati',
      kind: 'memo',
      segment: '4.3',
      code: '',
      coder: 'rina',
      detail: 'memo 2',
      text: 'Iurannya cuma enam belas ribu delapan ratus.',
      reason: 'segment-changed',
    });
    expect(memos(dir).map((m) => `${m.id} ${m.target}: ${m.text}`)).toEqual([
      '1 segment:w01-sumiati:5.2: Leaflet dari Dinas Sosial',
      '2 source:w01-sumiati: Angka iuran: cek',
      '3 source:w01-sumiati: Di dapur',
    ]);
  });

  it('says in words which memo went to the source and how to put it back', () => {
    const { dir, transcript } = project();
    ok(dir, 'memo', 'add', 'segment:w01-sumiati:4.3', 'Angka iuran: cek');
    writeFileSync(transcript, readFileSync(transcript, 'utf8').replace('cuma enam belas ribu delapan ratus', 'cuma enam belas ribu'));
    const { stderr } = ok(dir, 'ingest', 'data', '--pseudonyms', NAMES, '--replace');
    expect(stderr).toContain('w01-sumiati 4.3 memo 1 by rina (kept on the source: `telaah memo edit 1 --target segment:w01-sumiati:T.S` moves it): "Iurannya cuma enam belas ribu delapan ratus."');
  });
});

describe('memos in codings list and triangulate --code', () => {
  it('codings list gives each coding the memos on its segment, beside the coding\'s own memo', () => {
    const { dir } = project();
    ok(dir, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--memo', 'coding note');
    ok(dir, 'memo', 'add', 'segment:w01-sumiati:4.2', 'Leaflet dari Dinas Sosial');
    ok(dir, 'memo', 'add', 'code:strategy/tailored-education', 'not a segment memo');
    const rows = JSON.parse(ok(dir, 'codings', 'list', '--json', '--source', 'w01-sumiati').stdout) as CodingRow[];
    expect(rows.map((r) => [r.segment, r.coder, r.memo, r.memos])).toEqual([
      ['4.2', 'auto', null, [{ id: 1, author: 'rina', text: 'Leaflet dari Dinas Sosial' }]],
      ['4.2', 'rina', 'coding note', [{ id: 1, author: 'rina', text: 'Leaflet dari Dinas Sosial' }]],
    ]);
    expect(ok(dir, 'codings', 'list', '--source', 'w01-sumiati').stdout).toMatch(/\trina\tmanual\t.*\tcoding note \| rina: Leaflet dari Dinas Sosial\n/);
    expect(ok(dir, 'codings', 'list', '--source', 'w01-sumiati', '--csv').stdout.split('\r\n')[0]).toMatch(/,memo,memos$/);
  });

  it('triangulate --code shows the code\'s memos and those on quoted segments under its evidence, and in --json', () => {
    const { dir } = project();
    ok(dir, 'memo', 'add', 'segment:w01-sumiati:4.2', 'Leaflet dari Dinas Sosial');
    ok(dir, 'memo', 'add', 'segment:w01-sumiati:2.1', 'not quoted for this code');
    ok(dir, 'memo', 'add', 'code:strategy/tailored-education', 'Media visual di semua jenis sumber');
    ok(dir, 'memo', 'add', 'code:barrier/economic', 'another code');
    const text = ok(dir, 'triangulate', '--code', 'strategy/tailored-education').stdout;
    expect(text).toContain('  w01-sumiati · 4.2 · Sumiati · 00:00:36\n    “Dia bawa leaflet bergambar 📄, jadi saya langsung ngerti.”\n    memo 1 · rina\n      Leaflet dari Dinas Sosial\n');
    expect(text).toMatch(/\n\nmemos \(1\)\n  memo 3 · rina\n    Media visual di semua jenis sumber\n$/);
    expect(text).not.toMatch(/not quoted|another code/);
    const json = JSON.parse(ok(dir, 'triangulate', '--code', 'strategy/tailored-education', '--json').stdout) as { codes: { memos: Memo[] }[] };
    expect(json.codes[0]!.memos.map((m) => m.target)).toEqual(['segment:w01-sumiati:4.2', 'code:strategy/tailored-education']);
    // Without --code the rows stay as they were.
    const all = JSON.parse(ok(dir, 'triangulate', '--json').stdout) as { codes: Record<string, unknown>[] };
    expect(all.codes.every((r) => !('memos' in r))).toBe(true);
  });
});

describe('memos and anonymity', () => {
  it('anonymity check finds a real name written in a memo', () => {
    const { dir } = project();
    ok(dir, 'memo', 'add', 'participant:Sumiati', 'Bu Siti Aminah minta namanya tidak dipakai');
    const result = telaah(dir, ['anonymity', 'check', '--pseudonyms', NAMES, '--json']);
    expect(result.code).toBe(1);
    const findings = (JSON.parse(result.stdout) as { findings: { source: string; place: string; matched: string; possible: boolean }[] }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ source: 'memo 1 on participant:Sumiati by rina', place: 'memos.text', matched: 'Siti Aminah', possible: false }));
    // The trail holds the memo's id and target, never its words.
    expect(ok(dir, 'log', '--json').stdout).not.toContain('Siti');
  });
});

describe('telaah log', () => {
  it('lists what the commands did, newest first, with a stable JSON shape', () => {
    const { dir } = project();
    ok(dir, 'memo', 'add', 'segment:w01-sumiati:4.2', 'Leaflet dari Dinas Sosial');
    ok(dir, 'memo', 'edit', '1', 'Leaflet bergambar');
    ok(dir, 'code', 'add', 'w01-sumiati', '2.2', 'barrier/economic');
    ok(dir, 'memo', 'remove', '1');
    const entries = JSON.parse(ok(dir, 'log', '--json').stdout) as { id: number; at: string; actor: string; command: string; arguments: string[]; counts: Record<string, number> }[];
    expect(entries.map((e) => e.command)).toEqual(['memo remove', 'code add', 'memo edit', 'memo add', 'code auto', 'codebook use', 'ingest', 'participants import', 'init']);
    expect(Object.keys(entries[0]!)).toEqual(['id', 'at', 'actor', 'command', 'arguments', 'counts']);
    expect(entries.slice(0, 4).map((e) => [e.actor, e.arguments, e.counts])).toEqual([
      ['rina', ['1', 'segment:w01-sumiati:4.2'], { memos: 1 }],
      ['rina', ['w01-sumiati', '2.2', 'barrier/economic'], { codings: 1, memos: 0 }],
      ['rina', ['1', 'segment:w01-sumiati:4.2'], { memos: 1 }],
      ['rina', ['1', 'segment:w01-sumiati:4.2'], { memos: 1 }],
    ]);
    expect(entries.map((e) => e.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(entries.every((e, i) => i === 0 || e.at <= entries[i - 1]!.at)).toBe(true);

    const piped = ok(dir, 'log', '--command', 'memo').stdout.split('\n');
    expect(piped[0]).toBe('id\tat\tactor\tcommand\targuments\tchanged');
    expect(piped.slice(1, 4).map((l) => l.split('\t').slice(2).join(' | '))).toEqual([
      'rina | memo remove | 1 segment:w01-sumiati:4.2 | memos 1',
      'rina | memo edit | 1 segment:w01-sumiati:4.2 | memos 1',
      'rina | memo add | 1 segment:w01-sumiati:4.2 | memos 1',
    ]);
    expect(ok(dir, 'log', '--command', 'ingest').stdout).toMatch(/\tingest\tdata\tadded 4, skipped 2, turns \d+, segments \d+, bytes \d+, names replaced 4\n$/);
    expect(JSON.parse(ok(dir, 'log', '--json', '--limit', '2').stdout)).toHaveLength(2);
    expect(JSON.parse(ok(dir, 'log', '--json', '--since', '2999-01-01').stdout)).toEqual([]);
    expect(JSON.parse(ok(dir, 'log', '--json', '--actor', 'somebody-else').stdout)).toEqual([]);
    const typo = telaah(dir, ['log', '--command', 'memo ad']);
    expect([typo.code, typo.stderr]).toEqual([2, 'telaah: no "memo ad" in the audit trail. Did you mean "memo add"?\n']);
    expect(telaah(dir, ['log', '--since', 'yesterday']).stderr).toMatch(/--since takes a date, e\.g\. --since 2026-01-31/);
  });
});
