import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The benchmark's corpus maker: copies of the samples, each varied so that no two files hash alike.
import { makeCorpus } from '../../bench/make-corpus.js';
import { openStore } from '../../src/store/open.js';
import { SAMPLES, tempDir, telaah, writeFile } from '../helpers/spawn-cli.js';

// The built CLI parses in a worker thread when the files add up to a few MB; TELAAH_THREADS=2 makes it
// take that path for these small inputs, TELAAH_THREADS=1 keeps it serial (vitest's in-process runs
// always are: the worker module exists only in dist/). Both must store and say exactly the same.

const SERIAL = { TELAAH_THREADS: '1' };
const PSEUDONYMS = join(SAMPLES, 'pseudonyms.csv');

interface Outcome {
  status: string;
  file: string;
  message?: string;
  sameAs?: string;
  reason?: string;
}
const WORKER = { TELAAH_THREADS: '2' };

/** Every stored row that a run writes (timestamps aside), ids included: the same files in the same order get the same ids. */
function storedRows(project: string): unknown {
  const db = openStore(join(project, 'telaah.db'));
  try {
    return {
      sources: db.prepare('SELECT id, name, type, file, sha256, encoding, text, language, date, site, attributes, words, turns, first_segment, last_segment FROM sources ORDER BY id').all(),
      segments: db.prepare('SELECT * FROM segments ORDER BY id').all(),
      codings: db.prepare('SELECT id, segment_id, code, coder, origin, start, end FROM codings ORDER BY id').all(),
      audit: db.prepare("SELECT command, arguments, counts FROM audit WHERE command = 'ingest' ORDER BY id").all(),
    };
  } finally {
    db.close();
  }
}

/** Two projects with the same participants (one withdrawn), and an input folder with every kind of outcome. */
function setUp(): { root: string; projects: Record<'serial' | 'worker', string>; input: string } {
  const root = tempDir();
  const input = join(root, 'input');
  for (const folder of ['interviews', 'fgd', 'observations', 'documents']) cpSync(join(SAMPLES, folder), join(input, folder), { recursive: true });
  // A twin (same bytes, another name), and a file that only repeats one of them under a new name.
  cpSync(join(SAMPLES, 'interviews', '01-rahmawati.txt'), join(input, 'interviews', '01b-copy.txt'));
  // Warnings: no speaker labels; only interviewer labels.
  writeFile(input, 'interviews/30-monolog.txt', 'Saya mendaftar sendiri ke kantor BPJS.\n\nLalu kartu datang sebulan kemudian.\n');
  writeFile(input, 'interviews/31-pewawancara.txt', 'Pewawancara: Halo?\nPewawancara: Ada orang?\n');
  // Failures with a position, and without: a bad subtitle timing, a CSV without its columns, no text at all.
  writeFile(input, 'interviews/40-rusak.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nSiti: Halo.\n');
  writeFile(input, 'interviews/41-kolom.csv', 'a,b\n1,2\n');
  writeFile(input, 'interviews/42-kosong.txt', '   \n\n');
  writeFile(input, 'interviews/43-judul.md', '---\ntitle: Hanya judul\n---\n');
  // Not typed by its folder: skipped when found in a folder, failed when named.
  writeFile(input, 'notes/catatan.txt', 'Catatan tanpa jenis.\n');
  writeFile(root, 'lepas.txt', 'Catatan lepas tanpa jenis.\n');
  const projects = { serial: join(root, 'serial'), worker: join(root, 'worker') };
  for (const project of Object.values(projects)) {
    for (const args of [['init', project], ['participants', 'import', join(SAMPLES, 'participants.csv'), '--project', project], ['withdraw', 'Hendra', '--yes', '--project', project]]) {
      const result = telaah(root, args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
  }
  return { root, projects, input };
}

describe('ingest with a parse worker', () => {
  let root: string;
  let projects: Record<'serial' | 'worker', string>;
  let input: string;
  beforeAll(() => {
    ({ root, projects, input } = setUp());
  }, 60_000);

  /** Runs the same ingest serially and with the worker; both must say and store the same. */
  function both(args: string[]): { code: number; stdout: string; stderr: string } {
    const serial = telaah(root, [...args, '--project', projects.serial], SERIAL);
    const worker = telaah(root, [...args, '--project', projects.worker], WORKER);
    expect(worker).toEqual(serial);
    // The worker's run wrote with a rollback journal (bulk-journal.ts) and put WAL back: header bytes 18-19 are 2 in WAL mode.
    expect([...readFileSync(join(projects.worker, 'telaah.db')).subarray(18, 20)]).toEqual([2, 2]);
    expect(storedRows(projects.worker)).toEqual(storedRows(projects.serial));
    return serial;
  }

  it('stores the same rows with the same ids, and says the same summary, warnings and failures', () => {
    const result = both(['ingest', input, 'lepas.txt', '--pseudonyms', PSEUDONYMS, '--json']);
    expect(result.code).toBe(2);
    const summary = JSON.parse(result.stdout) as { counts: Record<string, number>; warnings: string[]; files: Outcome[] };
    expect(summary.counts).toMatchObject({ added: 50, unchanged: 1, skipped: 1, failed: 5 });
    const others = summary.files.filter((f) => f.status !== 'added').map((f) => `${f.status} ${f.file}: ${f.message ?? f.sameAs ?? f.reason}`);
    expect(others).toEqual([
      'unchanged input/interviews/01b-copy.txt: 01-rahmawati',
      // Bad input reads the same from the worker: message, hint and file:line:col.
      expect.stringMatching(/^failed input\/interviews\/40-rusak\.vtt: input\/interviews\/40-rusak\.vtt:3:18: malformed cue timing .*--lenient/),
      expect.stringMatching(/^failed input\/interviews\/41-kolom\.csv: input\/interviews\/41-kolom\.csv:1: no text column/),
      expect.stringMatching(/^failed input\/interviews\/42-kosong\.txt: .*is empty/),
      expect.stringMatching(/^failed input\/interviews\/43-judul\.md: .*no text to ingest\. The file has no turns/),
      expect.stringMatching(/^skipped input\/notes\/catatan\.txt: no source type/),
      expect.stringMatching(/^failed lepas\.txt: lepas\.txt: cannot tell the source type/),
    ]);
    expect(summary.warnings.some((w) => w.includes('30-monolog.txt') && w.includes('no speaker labels'))).toBe(true);
    expect(summary.warnings.some((w) => w.includes('31-pewawancara.txt') && w.includes('every turn is by an interviewer label'))).toBe(true);
    expect(JSON.stringify(summary)).toContain('"withheld":{"Hendra"');
  });

  it('finds a re-ingest of the same folder unchanged, and replaces changed files the same way', () => {
    const again = both(['ingest', input, '--pseudonyms', PSEUDONYMS, '--json']);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ added: 0, unchanged: 51 });
    writeFile(input, 'interviews/30-monolog.txt', 'Saya mendaftar sendiri ke kantor BPJS Ketenagakerjaan.\n\nKartu datang.\n');
    const changed = readFileSync(join(input, 'interviews', '09-sumiati.txt'), 'utf8').replace(/\.\n/, '. Tambahan kalimat.\n');
    writeFile(input, 'interviews/09-sumiati.txt', changed);
    const replaced = both(['ingest', input, '--pseudonyms', PSEUDONYMS, '--replace', '--json']);
    expect(JSON.parse(replaced.stdout).counts).toMatchObject({ replaced: 2 });
  });

  it('keeps a stored type for a replaced file that names none (read again on the main thread)', () => {
    writeFile(input, 'loose/surat.txt', 'Surat dari kelurahan tentang iuran.\n');
    both(['ingest', join(input, 'loose', 'surat.txt'), '--type', 'document']);
    writeFile(input, 'loose/surat.txt', 'Surat dari kelurahan tentang iuran bulanan.\n');
    const result = both(['ingest', join(input, 'loose', 'surat.txt'), '--replace', '--json']);
    expect(JSON.parse(result.stdout).files).toEqual([expect.objectContaining({ status: 'replaced', type: 'document' })]);
  });

  it('stays the same when the worker runs ahead of the writer by its whole budget (12 MB of files, 4 MB in flight)', () => {
    const corpus = join(root, 'corpus');
    makeCorpus(corpus, [SAMPLES], 12 * 1024 * 1024);
    const result = both(['ingest', corpus, '--pseudonyms', PSEUDONYMS, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).counts.added).toBeGreaterThan(1000);
  }, 120_000);

  it('stays the same when the main thread parses files while the worker has a large one (both threads take files from one counter)', () => {
    // A fresh pair of projects and inputs: every kind of outcome again, behind a 3 MB interview that
    // keeps one thread busy while the other takes the files after it.
    const fresh = setUp();
    const [, front, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(readFileSync(join(SAMPLES, 'interviews', '13-marlina.txt'), 'utf8'))!;
    writeFile(fresh.input, 'interviews/00-besar.txt', front + Array.from({ length: Math.ceil(3e6 / body!.length) }, () => body).join('\n'));
    const args = ['ingest', fresh.input, 'lepas.txt', '--pseudonyms', PSEUDONYMS, '--json'];
    const serial = telaah(fresh.root, [...args, '--project', fresh.projects.serial], SERIAL);
    const worker = telaah(fresh.root, [...args, '--project', fresh.projects.worker], WORKER);
    expect(worker).toEqual(serial);
    expect(storedRows(fresh.projects.worker)).toEqual(storedRows(fresh.projects.serial));
    const summary = JSON.parse(serial.stdout) as { counts: Record<string, number>; warnings: string[] };
    expect(summary.counts).toMatchObject({ added: 51, unchanged: 1, skipped: 1, failed: 5 });
    expect(summary.warnings.length).toBeGreaterThan(1);
  }, 120_000);
});
