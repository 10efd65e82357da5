import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodingRow } from '../../src/store/list-codings.js';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

const MINI = join(FIXTURES, 'mini-study');
const NAMES = join(MINI, 'names.csv');
const CODEBOOK = join(FIXTURES, 'codebooks', 'mini.yaml');

/** A project with the mini study's participants and codebook, and a copy of its interview in data/ to edit. */
function project(): { dir: string; transcript: string } {
  const dir = tempDir();
  expect(telaah(dir, ['init']).code).toBe(0);
  expect(telaah(dir, ['participants', 'import', join(MINI, 'participants.csv')]).code).toBe(0);
  expect(telaah(dir, ['codebook', 'use', CODEBOOK]).code).toBe(0);
  const transcript = join(dir, 'data', 'interviews', 'w01-siti.txt');
  mkdirSync(dirname(transcript), { recursive: true });
  cpSync(join(MINI, 'interviews', 'w01-siti.txt'), transcript);
  return { dir, transcript };
}

function run(dir: string, ...args: string[]): { stdout: string; stderr: string } {
  const result = telaah(dir, args);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

function human(dir: string): string[] {
  const rows = JSON.parse(run(dir, 'codings', 'list', '--json').stdout) as CodingRow[];
  return rows.filter((c) => c.origin !== 'auto').map((c) => `${c.source} ${c.segment} ${c.code} ${c.coder}: ${c.matched}`);
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('ingest --replace of a corrected transcript', () => {
  it('keeps human codings on unchanged sentences, at their new addresses, and lists the rest', () => {
    const { dir, transcript } = project();
    run(dir, 'ingest', 'data', '--pseudonyms', NAMES);
    run(dir, 'code', 'add', 'w01-sumiati', '4.2', 'strategy/tailored-education', '--coder', 'rina');
    run(dir, 'code', 'add', 'w01-sumiati', '2.3', 'barrier/economic', '--coder', 'rina');
    run(dir, 'code', 'add', 'w01-sumiati', '4.3', 'barrier/economic', '--coder', 'rina', '--memo', 'iuran');
    run(dir, 'code', 'auto');
    // The transcriber's correction: a turn was missing at the start, one figure was misheard.
    edit(transcript, (text) =>
      text
        .replace('[00:00:04] Pewawancara:', '[00:00:01] Pewawancara: Baik, kita mulai.\n[00:00:04] Pewawancara:')
        .replace('cuma enam belas ribu delapan ratus', 'cuma enam belas ribu delapan ratus rupiah'),
    );
    const replaced = run(dir, 'ingest', 'data', '--pseudonyms', NAMES, '--replace', '--json');
    const summary = JSON.parse(replaced.stdout) as { counts: Record<string, number>; files: Record<string, unknown>[] };
    expect(summary.counts).toMatchObject({ replaced: 1, keptCodings: 2, keptDecisions: 0, notKept: 1, removedProposals: 1 });
    expect(summary.files[0]).toMatchObject({
      status: 'replaced',
      name: 'w01-sumiati',
      keptCodings: 2,
      notKept: [{ source: 'w01-sumiati', kind: 'coding', segment: '4.3', code: 'barrier/economic', coder: 'rina', detail: 'manual', text: 'Iurannya cuma enam belas ribu delapan ratus.', reason: 'segment-changed' }],
    });
    expect(human(dir)).toEqual([
      'w01-sumiati 3.3 barrier/economic rina: Katanya itu urusan saya sendiri.',
      'w01-sumiati 5.2 strategy/tailored-education rina: Dia bawa leaflet bergambar 📄, jadi saya langsung ngerti.',
    ]);
  });

  it('says in words what it kept and what it could not keep', () => {
    const { dir, transcript } = project();
    run(dir, 'ingest', 'data', '--pseudonyms', NAMES);
    run(dir, 'code', 'add', 'w01-sumiati', '4', 'strategy/tailored-education', '--coder', 'rina');
    run(dir, 'code', 'add', 'w01-sumiati', '2.1', 'barrier/economic', '--coder', 'budi');
    edit(transcript, (text) => text.replace('Bu Rahmawati dari Dinas Sosial.', 'Bu Rahmawati, dari Dinas Sosial.'));
    const { stderr } = run(dir, 'ingest', 'data', '--pseudonyms', NAMES, '--replace');
    expect(stderr).toContain('replaced w01-sumiati: kept 1 human coding and 0 review decisions; could not keep 1');
    expect(stderr).toContain('w01-sumiati 4 strategy/tailored-education by rina (manual): "Bu Rahmawati dari Dinas Sosial. Dia bawa leaflet bergambar 📄…"');
    expect(human(dir)).toEqual(['w01-sumiati 2.1 barrier/economic budi: Sudah tujuh tahun, Pak.']);
  });

  it('leaves an unchanged file unchanged under --replace, codings and all', () => {
    const { dir } = project();
    run(dir, 'ingest', 'data', '--pseudonyms', NAMES);
    run(dir, 'code', 'add', 'w01-sumiati', '2.1', 'barrier/economic', '--coder', 'rina');
    const again = JSON.parse(run(dir, 'ingest', 'data', '--pseudonyms', NAMES, '--replace', '--json').stdout) as { counts: Record<string, number> };
    expect(again.counts).toMatchObject({ unchanged: 1, replaced: 0 });
    expect(human(dir)).toHaveLength(1);
  });
});

describe('re-ingesting an unchanged file with new options under --replace', () => {
  it('makes the advice of anonymity check work, keeping codings on sentences without a name', () => {
    const { dir } = project();
    run(dir, 'ingest', 'data');
    const found = telaah(dir, ['anonymity', 'check', '--pseudonyms', NAMES]);
    expect(found.code).toBe(1);
    expect(found.stderr).toMatch(/Re-ingest those sources with --pseudonyms and --replace/);
    run(dir, 'code', 'add', 'w01-siti', '4.2', 'strategy/tailored-education', '--coder', 'rina');
    run(dir, 'code', 'add', 'w01-siti', '1.1', 'barrier/economic', '--coder', 'rina');

    const fixed = run(dir, 'ingest', 'data', '--pseudonyms', NAMES, '--replace');
    expect(fixed.stderr).toMatch(/1 replaced .*real names replaced/);
    // The old text is quoted with the name replaced: the listing repeats no real name.
    expect(fixed.stderr).toContain('w01-sumiati 1.1 barrier/economic by rina (manual): "Selamat pagi, Bu Sumiati."');
    expect(fixed.stderr).not.toMatch(/Siti/);
    const clean = telaah(dir, ['anonymity', 'check', '--pseudonyms', NAMES]);
    expect(clean.code, clean.stdout).toBe(0);
    const names = JSON.parse(run(dir, 'sources', 'list', '--json').stdout) as { name: string; file: string }[];
    expect(names.map((s) => [s.name, s.file])).toEqual([['w01-sumiati', join('data', 'interviews', 'w01-sumiati.txt')]]);
    expect(human(dir)).toEqual(['w01-sumiati 4.2 strategy/tailored-education rina: Dia bawa leaflet bergambar 📄, jadi saya langsung ngerti.']);
    // The speaker is now the participant.
    const shown = JSON.parse(run(dir, 'sources', 'show', 'w01-sumiati', '--json').stdout) as { turns: { participant: string | null }[] };
    expect(shown.turns[1]!.participant).toBe('Sumiati');
  });

  it('applies --type and --speakers, and only when it changes something', () => {
    const { dir } = project();
    const plain = join(dir, 'notes', 'ucapan.txt');
    mkdirSync(dirname(plain), { recursive: true });
    writeFileSync(plain, 'Ibu: Terima kasih sudah datang.\nPewawancara: Sama-sama.\nIbu: Saya mau daftar.\n');
    run(dir, 'ingest', plain, '--type', 'interview');
    run(dir, 'code', 'add', 'ucapan', '3.1', 'strategy/registration-assistance', '--coder', 'rina');
    const same = JSON.parse(run(dir, 'ingest', plain, '--type', 'interview', '--replace', '--json').stdout) as { counts: Record<string, number> };
    expect(same.counts).toMatchObject({ unchanged: 1 });

    const speakers = join(dir, 'speakers.csv');
    writeFileSync(speakers, 'label,pseudonym\nIbu,Sumiati\n');
    const mapped = JSON.parse(run(dir, 'ingest', plain, '--type', 'fgd', '--speakers', speakers, '--replace', '--json').stdout) as { counts: Record<string, number> };
    expect(mapped.counts).toMatchObject({ replaced: 1, keptCodings: 1, notKept: 0 });
    const shown = JSON.parse(run(dir, 'sources', 'show', 'ucapan', '--json').stdout) as { type: string; turns: { participant: string | null }[] };
    expect(shown.type).toBe('fgd');
    expect(shown.turns.map((t) => t.participant)).toEqual(['Sumiati', null, 'Sumiati']);
    expect(human(dir)).toEqual(['ucapan 3.1 strategy/registration-assistance rina: Saya mau daftar.']);
  });
});

describe('files with the same name in different folders', () => {
  const interview = 'Pewawancara: Sudah daftar?\nDarto: Belum, Pak.\n';

  function write(dir: string, path: string, text = interview): string {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  it('get their folder in front of their name, and keep it on re-ingest', () => {
    const dir = tempDir();
    run(dir, 'init');
    write(dir, 'data/site-a/w01.txt');
    write(dir, 'data/site-b/w01.txt', `${interview}Pewawancara: Kenapa?\n`);
    const first = run(dir, 'ingest', 'data', '--type', 'interview');
    expect(first.stderr).toMatch(/2 added/);
    expect(first.stderr).toContain(`named site-a-w01: ${join('data', 'site-a', 'w01.txt')} (w01 is also ${join('data', 'site-b', 'w01.txt')})`);
    const list = () => (JSON.parse(run(dir, 'sources', 'list', '--json').stdout) as { name: string; file: string }[]).map((s) => [s.name, s.file]);
    expect(list()).toEqual([
      ['site-a-w01', join('data', 'site-a', 'w01.txt')],
      ['site-b-w01', join('data', 'site-b', 'w01.txt')],
    ]);
    // The same path is the same source, from any folder the command runs in.
    const again = JSON.parse(run(join(dir, 'data'), 'ingest', '.', '--type', 'interview', '--json').stdout) as { counts: Record<string, number> };
    expect(again.counts).toMatchObject({ added: 0, unchanged: 2 });
    edit(join(dir, 'data', 'site-b', 'w01.txt'), (text) => `${text}Darto: Nanti saja.\n`);
    const replaced = JSON.parse(run(dir, 'ingest', 'data/site-b/w01.txt', '--type', 'interview', '--replace', '--json').stdout) as { files: { name: string; status: string }[] };
    expect(replaced.files).toEqual([expect.objectContaining({ name: 'site-b-w01', status: 'replaced' })]);
    // A later file of that name from a third folder is told apart the same way.
    write(dir, 'more/site-c/w01.txt', `${interview}Darto: Sudah.\n`);
    run(dir, 'ingest', 'more', '--type', 'interview');
    expect(list().map(([name]) => name)).toEqual(['site-a-w01', 'site-b-w01', 'site-c-w01']);
  });

  it('takes a distinct name instead of replacing a source from another path', () => {
    const dir = tempDir();
    run(dir, 'init');
    write(dir, 'interviews/w01.txt');
    run(dir, 'ingest', 'interviews');
    write(dir, 'corrected/interviews/w01.txt', `${interview}Darto: Nanti saja.\n`);
    const result = run(dir, 'ingest', 'corrected', '--replace', '--json');
    expect(JSON.parse(result.stdout).files).toEqual([
      expect.objectContaining({ status: 'added', name: 'corrected-interviews-w01', nameClash: { wanted: 'w01', with: [join('interviews', 'w01.txt')] } }),
    ]);
  });

  it('pseudonymizes the folder names it puts in front', () => {
    const dir = tempDir();
    run(dir, 'init');
    write(dir, 'data/siti/w01.txt');
    write(dir, 'data/darto/w01.txt', `${interview}Pewawancara: Kenapa?\n`);
    run(dir, 'ingest', 'data', '--type', 'interview', '--pseudonyms', NAMES);
    const rows = JSON.parse(run(dir, 'sources', 'list', '--json').stdout) as { name: string; file: string }[];
    expect(rows.map((s) => s.name)).toEqual(['darto-w01', 'sumiati-w01']);
    expect(telaah(dir, ['anonymity', 'check', '--pseudonyms', NAMES]).code).toBe(0);
  });
});
