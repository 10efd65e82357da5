import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCodings, parseCodingLines } from '../../src/core/team/coding-line.js';
import type { ImportSummary } from '../../src/report/import-summary.js';
import type { CodingRow } from '../../src/store/list-codings.js';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

const MINI = join(FIXTURES, 'mini-study');
const CODEBOOK = join(FIXTURES, 'codebooks', 'mini.yaml');

function ok(dir: string, ...args: string[]): { stdout: string; stderr: string } {
  const result = telaah(dir, args);
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
}

/** The mini study ingested (real names replaced, unless `pseudonyms` is false), coded automatically. */
function study(options: { pseudonyms?: boolean; files?: string } = {}): string {
  const dir = tempDir();
  const files = options.files ?? MINI;
  ok(dir, 'init');
  ok(dir, 'participants', 'import', join(MINI, 'participants.csv'));
  ok(dir, 'ingest', ...['interviews', 'fgd', 'observations', 'documents'].map((f) => join(files, f)), ...(options.pseudonyms === false ? [] : ['--pseudonyms', join(MINI, 'names.csv')]));
  ok(dir, 'codebook', 'use', CODEBOOK);
  ok(dir, 'code', 'auto');
  return dir;
}

function codings(dir: string, ...filters: string[]): CodingRow[] {
  return JSON.parse(ok(dir, 'codings', 'list', '--json', ...filters).stdout) as CodingRow[];
}

/** A's codings exported to a file. */
function exported(dir: string, ...args: string[]): string {
  const file = join(tempDir(), 'codings.jsonl');
  ok(dir, 'export', 'codings', '-o', file, ...args);
  return file;
}

function importJson(dir: string, file: string, ...args: string[]): ImportSummary {
  return JSON.parse(ok(dir, 'import', 'codings', file, '--json', ...args).stdout) as ImportSummary;
}

// Issue 10 item 5: two coders, two projects from the same files, merged through a file in git.
describe('team coding: export codings and import codings', () => {
  it("brings coder A's hand coding into B as it was, and a second import changes nothing", () => {
    const a = study();
    const b = study();
    ok(a, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--coder', 'ana', '--memo', 'leaflet 📄, bukan ceramah');
    ok(a, 'code', 'add', 'w01-sumiati', '2', 'barrier/economic', '--coder', 'ana');
    ok(a, 'code', 'add', 'fgd-pasar', '3.2', 'barrier/economic', '--coder', 'ana');
    ok(a, 'code', 'add', 'fgd-pasar', '2.1-2.2', 'strategy/registration-assistance', '--coder', 'budi');
    ok(a, 'code', 'remove', 'obs01', '1.1', 'strategy/tailored-education', '--coder', 'ana');
    const file = exported(a);

    const lines = parseCodingLines(readFileSync(file, 'utf8'));
    expect(lines).toHaveLength(5);
    expect([...lines].sort(compareCodings)).toEqual(lines);
    expect(lines.every((l) => l.origin === 'manual')).toBe(true);
    expect(lines.find((l) => l.segment === '4.2')).toMatchObject({ source: 'w01-sumiati', text: 'Dia bawa leaflet bergambar 📄, jadi saya langsung ngerti.', memo: 'leaflet 📄, bukan ceramah' });

    const auto = codings(b, '--coder', 'auto');
    expect(importJson(b, file, '--dry-run')).toMatchObject({ dryRun: true, imported: 5, alreadyPresent: 0 });
    expect(codings(b, '--coder', 'ana')).toEqual([]);
    expect(ok(b, 'import', 'codings', file).stderr).toBe(`Imported 5 codings from ${file}\n`);
    for (const coder of ['ana', 'budi']) expect(codings(b, '--coder', coder)).toEqual(codings(a, '--coder', coder));
    expect(codings(b, '--coder', 'auto')).toEqual(auto);
    // B's export is A's, byte for byte: times, memos and offsets came across.
    expect(readFileSync(exported(b), 'utf8')).toBe(readFileSync(file, 'utf8'));

    expect(importJson(b, file)).toMatchObject({ imported: 0, alreadyPresent: 5, conflicts: [], notAnchored: [], unknownSources: [], unknownCodes: [] });
    const log = JSON.parse(ok(b, 'log', '--command', 'import', '--json').stdout) as { command: string; arguments: string[]; counts: Record<string, number> }[];
    expect(log.map((e) => [e.command, e.counts.imported, e.counts.alreadyPresent])).toEqual([
      ['import codings', 0, 5],
      ['import codings', 5, 0],
    ]);
  });

  it('writes human codings by default, others with --origin, and only one coder with --coder', () => {
    const a = study();
    ok(a, 'code', 'add', 'fgd-pasar', '3.2', 'barrier/economic', '--coder', 'ana');
    ok(a, 'code', 'add', 'fgd-pasar', '3.1', 'barrier/economic', '--coder', 'budi');
    const read = (...args: string[]): string[] => parseCodingLines(readFileSync(exported(a, ...args), 'utf8')).map((l) => `${l.segment} ${l.coder} ${l.origin}`);
    expect(read()).toEqual(['3.1 budi manual', '3.2 ana manual']);
    expect(read('--coder', 'ana')).toEqual(['3.2 ana manual']);
    expect(read('--origin', 'auto', '--source', 'fgd-pasar')).toEqual(['2.1 auto auto', '2.2 auto auto', '3.2 auto auto']);
  });

  it('reports conflicts and keeps what B holds: another memo, a rejection', () => {
    const a = study();
    const b = study();
    ok(a, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--coder', 'ana', '--memo', 'leaflet');
    ok(a, 'code', 'add', 'fgd-pasar', '3.2', 'barrier/economic', '--coder', 'ana');
    ok(a, 'code', 'add', 'fgd-pasar', '2.1', 'barrier/economic', '--coder', 'ana');
    ok(b, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--coder', 'ana', '--memo', 'poster');
    ok(b, 'code', 'remove', 'fgd-pasar', '3.2', 'barrier/economic', '--coder', 'ana');
    const file = exported(a);
    const result = ok(b, 'import', 'codings', file);
    expect(result.stderr).toBe(
      `Imported 1 coding from ${file}\n` +
        '  2 conflicts, kept as they are here (not imported):\n' +
        '    fgd-pasar 3.2 barrier/economic ana: ana rejected this code here; the file codes it (manual)\n' +
        '    w01-sumiati 4.2 strategy/tailored-education ana: here manual, memo "poster"; in the file manual, memo "leaflet"\n',
    );
    expect(codings(b, '--coder', 'ana').map((c) => [c.source, c.segment, c.memo])).toEqual([
      ['fgd-pasar', '2.1', null],
      ['w01-sumiati', '4.2', 'poster'],
    ]);
    expect(codings(b, '--origin', 'rejected').map((c) => [c.segment, c.coder])).toEqual([['3.2', 'ana']]);
    const summary = importJson(b, file);
    expect(summary.conflicts.map((c) => c.differs)).toEqual([['rejected'], ['memo']]);
  });

  it('re-anchors codings whose text moved and reports those whose words are not there', () => {
    const a = study();
    // B ingested the same files without the name map: same sha256, "Bu Siti" where A reads "Bu Sumiati".
    const b = study({ pseudonyms: false });
    ok(a, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--coder', 'ana');
    ok(a, 'code', 'add', 'w01-sumiati', '2', 'barrier/economic', '--coder', 'ana');
    ok(a, 'code', 'add', 'w01-sumiati', '1.1', 'strategy/tailored-education', '--coder', 'ana');
    const summary = importJson(b, exported(a));
    expect(summary).toMatchObject({ imported: 2, reanchored: 2, matchedByName: [], unknownSources: [] });
    expect(summary.notAnchored).toEqual([{ source: 'w01-siti', segment: '1.1', code: 'strategy/tailored-education', coder: 'ana', text: 'Selamat pagi, Bu Sumiati.' }]);
    const inA = codings(a, '--coder', 'ana');
    const inB = codings(b, '--coder', 'ana');
    expect(inB.map((c) => [c.source, c.segment, c.code, c.text])).toEqual([
      ['w01-siti', '2', 'barrier/economic', inA.find((c) => c.segment === '2')!.text],
      ['w01-siti', '4.2', 'strategy/tailored-education', 'Dia bawa leaflet bergambar 📄, jadi saya langsung ngerti.'],
    ]);
    // "Sumiati" is three code points longer than "Siti": in the greeting and in the speaker labels of turns 2 and 4.
    expect(inB.find((c) => c.segment === '4.2')!.start).toBe(inA.find((c) => c.segment === '4.2')!.start - 9);
  });

  it('finds a corrected transcript by its name and places codings by their words', () => {
    const files = tempDir();
    cpSync(MINI, files, { recursive: true });
    const transcript = join(files, 'interviews', 'w01-siti.txt');
    writeFileSync(transcript, readFileSync(transcript, 'utf8').replace('Sudah tujuh tahun, Pak.', 'Sudah tujuh tahun lebih, Pak.'));
    const a = study();
    const b = study({ files });
    ok(a, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--coder', 'ana');
    ok(a, 'code', 'add', 'w01-sumiati', '2.1', 'barrier/economic', '--coder', 'ana');
    const summary = importJson(b, exported(a));
    expect(summary.matchedByName.map((m) => m.source)).toEqual(['w01-sumiati']);
    expect(summary).toMatchObject({ imported: 1, reanchored: 1 });
    expect(summary.notAnchored.map((c) => c.segment)).toEqual(['2.1']);
    expect(codings(b, '--coder', 'ana').map((c) => c.segment)).toEqual(['4.2']);
  });

  it('reports sources not in the project and codes not in the codebook, importing neither', () => {
    const a = study();
    const b = study();
    ok(a, 'code', 'add', 'partisipasi', '1', 'barrier/economic', '--coder', 'ana');
    ok(a, 'code', 'add', 'fgd-pasar', '3.2', 'barrier/economic', '--coder', 'ana');
    ok(a, 'code', 'add', 'fgd-pasar', '3.1', 'barrier/economic', '--coder', 'ana');
    ok(b, 'sources', 'remove', 'partisipasi', '--yes');
    const file = exported(a);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/("segment":"3\.1".*?"code":)"barrier\/economic"/, '$1"barrier/lupa"'));
    const codes = JSON.parse(ok(b, 'codebook', 'show', '--json').stdout) as unknown;
    const result = ok(b, 'import', 'codings', file);
    expect(result.stderr).toMatch(/^Imported 1 coding from /);
    expect(result.stderr).toMatch(/1 source not in this project \(their codings not imported\):\n {4}partisipasi \(sha256 [0-9a-f]{12}…\): 1 coding\n/);
    expect(result.stderr).toMatch(/1 code not in the current codebook \(not imported; [^\n]*\n {4}barrier\/lupa: 1 coding\n$/);
    expect(codings(b, '--coder', 'ana').map((c) => `${c.segment} ${c.code}`)).toEqual(['3.2 barrier/economic']);
    expect(JSON.parse(ok(b, 'codebook', 'show', '--json').stdout)).toEqual(codes);
  });

  it('refuses a malformed line at FILE:LINE and imports nothing', () => {
    const a = study();
    const b = study();
    ok(a, 'code', 'add', 'fgd-pasar', '3.1-3.2', 'barrier/economic', '--coder', 'ana');
    ok(a, 'code', 'add', 'w01-sumiati', '4.2', 'barrier/economic', '--coder', 'ana');
    const file = exported(a);
    const good = readFileSync(file, 'utf8').trimEnd().split('\n') as [string, string, string];
    const before = codings(b);
    for (const [lines, message] of [
      [[good[0], good[1], '{"source": "w01"', good[2]], /^telaah: .*codings\.jsonl:3: not a JSON object \(/],
      [[good[0], '<<<<<<< HEAD', good[1], '=======', good[2], '>>>>>>> budi'], /^telaah: .*codings\.jsonl:2: a git merge conflict marker\. Resolve the conflict first/],
      [[good[0], good[1].replace('"manual"', '"manul"')], /^telaah: .*codings\.jsonl:2: "origin" "manul" is not one of auto, manual, suggested, accepted, imported\n$/],
    ] as [string[], RegExp][]) {
      writeFileSync(file, `${lines.join('\n')}\n`);
      const result = telaah(b, ['import', 'codings', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(codings(b)).toEqual(before);
    }
    const missing = telaah(b, ['import', 'codings', 'nope.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^telaah: cannot read nope\.jsonl: no such file/);
  });
});
