/**
 * `code auto` before and after its speed-up (issue 12): the codings it stores and the changes it reports
 * are those the original implementation produced, recorded in test/fixtures/auto-coding/golden-*.txt by
 * the code of main f8cb6be. Two projects: the demo (the shipped codebook on the sample study) and a
 * fixture with every kind of pattern (stems, exact phrases, prefixes, all-groups, near windows, `not`
 * exclusions, regexes, negation and fire_when_negated) in Indonesian and English, with emoji and
 * combining marks so that code-point offsets differ from UTF-16 ones. Each project is coded several
 * times (the same again, by turn, with the interviewer, a new codebook version) and every run's summary
 * and codings are compared. TELAAH_WRITE_GOLDEN=1 rewrites the files (only ever from a known-good build).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iterateCodings } from '../../src/store/list-codings.js';
import { openStore } from '../../src/store/open.js';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

const FIXTURE = join(FIXTURES, 'auto-coding');
const MINI = join(FIXTURES, 'mini-study');

function run(dir: string, args: string[], env: Record<string, string> = {}): string {
  const result = telaah(dir, args, env);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

/** Every auto coding of the project, one line each, in a fixed order. */
function autoCodings(dir: string): string[] {
  const db = openStore(join(dir, 'telaah.db'), { readonly: true });
  try {
    const lines = [...iterateCodings(db, { coder: 'auto' })].map((r) => [r.source, r.segment, r.code, r.origin, r.start, r.end, JSON.stringify(r.matched)].join('\t'));
    return lines.sort();
  } finally {
    db.close();
  }
}

/** The codings in full, or (for a large project) their count and digest. */
function described(lines: string[], digest: boolean): string[] {
  return digest ? [`${lines.length} codings, sha256 ${createHash('sha256').update(lines.join('\n')).digest('hex')}`] : lines;
}

/** The summary `code auto --json` prints and the codings stored after it. */
function codeAuto(dir: string, args: string[], threads: number, digest = false): string {
  const summary = run(dir, ['code', 'auto', '--json', ...args], { TELAAH_THREADS: String(threads) }).trim();
  // Paths differ from machine to machine: the run is named by the codebook's file name.
  const named = args.map((a) => (a.endsWith('.yaml') ? basename(a) : a));
  return [`$ code auto ${named.join(' ')}`, summary, ...described(autoCodings(dir), digest)].join('\n');
}

function compareWithGolden(name: string, actual: string): void {
  const file = join(FIXTURE, name);
  if (process.env.TELAAH_WRITE_GOLDEN === '1') writeFileSync(file, `${actual}\n`);
  expect(existsSync(file), `${file} is missing: write it with TELAAH_WRITE_GOLDEN=1 from a known-good build`).toBe(true);
  expect(`${actual}\n`).toBe(readFileSync(file, 'utf8'));
}

describe('code auto stores what it always stored', () => {
  // TELAAH_THREADS=1 codes in the command's own thread; 2 and 3 code in worker threads (batches of one
  // source or so on a project this small, arriving in any order) while the command's thread stores.
  it.each([1, 2, 3])('on the fixture with every kind of pattern, in both languages (%i threads)', (threads) => {
    const dir = tempDir();
    run(dir, ['init']);
    run(dir, ['participants', 'import', join(MINI, 'participants.csv')]);
    run(dir, ['ingest', join(FIXTURE, 'study'), '--pseudonyms', join(MINI, 'names.csv')]);
    const codebook = join(FIXTURE, 'codebook.yaml');
    // Version 2 drops a term and an exclusion, so that a new version replaces codings and changes some.
    const second = join(dir, 'codebook-2.yaml');
    writeFileSync(second, readFileSync(codebook, 'utf8').replace('version: "1"', 'version: "2"').replace("'\"register office\"'", '"enrolment"').replace('[uang, iuran]', '[uang]'));
    const runs = [
      codeAuto(dir, ['--codebook', codebook], threads),
      codeAuto(dir, [], threads),
      codeAuto(dir, ['--unit', 'turn'], threads),
      codeAuto(dir, ['--include-interviewer'], threads),
      codeAuto(dir, ['--codebook', second], threads),
      codeAuto(dir, ['--codebook', second, '--unit', 'turn', '--include-interviewer'], threads),
    ];
    compareWithGolden('golden-fixture.txt', runs.join('\n'));
  });

  it.each([1, 2])('on the demo project (the shipped codebook on the sample study; %i threads)', (threads) => {
    const root = tempDir();
    run(root, ['demo', 'study']);
    const dir = join(root, 'study');
    // Thousands of codings: each run's are compared by count and digest (the fixture's are listed).
    const runs = [
      ['$ demo', ...described(autoCodings(dir), true)].join('\n'),
      codeAuto(dir, [], threads, true),
      codeAuto(dir, ['--include-interviewer'], threads, true),
      codeAuto(dir, ['--unit', 'turn'], threads, true),
    ];
    compareWithGolden('golden-demo.txt', runs.join('\n'));
  });
});
