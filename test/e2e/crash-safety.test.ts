import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readProjectState, type SourceState } from '../helpers/project-state.js';
import { makeCorpus } from '../../bench/make-corpus.js';
import { BIN, FIXTURES, REPO, SAMPLES, telaah, tempDir } from '../helpers/spawn-cli.js';

/**
 * SIGKILL at random moments of `ingest` and `code auto`. After each kill the project opens, is sound and
 * holds no partial source (readProjectState); every source it holds is the one an uninterrupted run
 * stores, and a source's auto codings are all of the run's or none (code auto replaces them a batch of
 * whole sources per commit). Then the command run again completes with the uninterrupted result.
 * TELAAH_CRASH_KILLS (default 20 each) and TELAAH_CRASH_SEED reproduce or lengthen a run.
 */
const KILLS = Number(process.env.TELAAH_CRASH_KILLS ?? 20);
const SEED = Number(process.env.TELAAH_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CODEBOOK = join(REPO, 'codebooks', 'bpjs-social-work.yaml');
/** The generated corpus's size: ingest runs ~0.5 s and commits a few groups, code auto a few batches. */
const CORPUS_MB = 4;

/** mulberry32: a seeded random in [0, 1), so a failing run can be replayed with its seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs telaah (with `env` added); with `killAfterMs`, SIGKILLs it then unless it finished first. */
function run(cwd: string, args: string[], killAfterMs?: number, env: Record<string, string> = {}): Promise<{ killed: boolean; code: number | null; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let killed = false;
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => (killed = child.kill('SIGKILL')), killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ killed: killed && code === null, code, stderr, ms: Date.now() - started });
    });
  });
}

/** Copies a project folder (its database closed, so no WAL) to a new temp folder. */
function copyProject(from: string): string {
  const dir = tempDir('telaah-crash-');
  cpSync(from, dir, { recursive: true });
  return dir;
}

let inputs = '';
let empty = '';
let ingested = '';
let study = '';
let random: () => number = Math.random;
const reference = { ingest: new Map<string, SourceState>(), auto: new Map<string, SourceState>(), ingestMs: 0, autoMs: 0, startMs: 0 };

beforeAll(async () => {
  console.log(`crash-safety seed ${SEED} (TELAAH_CRASH_SEED=${SEED} replays it), ${KILLS} kills per command`);
  random = seededRandom(SEED);
  // A corpus of every kind (bench/make-corpus.js, CORPUS_MB) and a large file (a 0.5 MB interview: one front
  // matter, the body many times over): large enough that ingest commits several groups and code auto several
  // batches, so kills fall between commits, not only before the first (on 8 sample files they all did).
  inputs = tempDir('telaah-crash-in-');
  makeCorpus(inputs, [SAMPLES, FIXTURES], CORPUS_MB * 1024 * 1024);
  const [, front, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(readFileSync(join(SAMPLES, 'interviews', '13-marlina.txt'), 'utf8'))!;
  writeFileSync(join(inputs, 'interviews', '00-large.txt'), front + Array.from({ length: Math.ceil(0.5e6 / body!.length) }, () => body).join('\n'));

  empty = tempDir('telaah-crash-base-');
  for (const args of [['init', '.'], ['participants', 'import', join(SAMPLES, 'participants.csv')]]) expect(telaah(empty, args).code).toBe(0);

  ingested = copyProject(empty);
  const ingest = await run(ingested, ['ingest', inputs]);
  expect(ingest.code, ingest.stderr).toBe(0);
  reference.ingestMs = ingest.ms;
  reference.ingest = readProjectState(join(ingested, 'telaah.db'));
  // Node, telaah's modules and the database opening take a good part of a short run and write nothing.
  reference.startMs = (await run(ingested, ['sources', 'list'])).ms;

  // code auto works on the same corpus, its names replaced: its commits fall between many sources.
  study = copyProject(empty);
  expect(telaah(study, ['ingest', inputs, '--pseudonyms', join(SAMPLES, 'pseudonyms.csv')]).code).toBe(0);
  const coded = copyProject(study);
  const auto = await run(coded, ['code', 'auto', '--codebook', CODEBOOK]);
  expect(auto.code, auto.stderr).toBe(0);
  reference.autoMs = auto.ms;
  reference.auto = readProjectState(join(coded, 'telaah.db'));
  console.log(`uninterrupted: ingest ${reference.ingestMs} ms, code auto ${reference.autoMs} ms; start-up ${reference.startMs} ms`);
}, 120_000);

/**
 * Kills `args` run in copies of `base` at KILLS random moments of an uninterrupted run's length (from half
 * the start-up on, when it writes nothing yet), checking
 * the project after each (`check`). An interrupted project is run again, and maybe killed again, until
 * the command completes; then it must equal `expected`.
 */
async function killRepeatedly(base: string, args: string[], runMs: number, expected: Map<string, SourceState>, check: (state: Map<string, SourceState>) => void, env: Record<string, string> = {}): Promise<number> {
  let kills = 0;
  let dir = copyProject(base);
  const seen: string[] = [];
  let before: Map<string, SourceState> | undefined;
  while (kills < KILLS) {
    const from = reference.startMs / 2;
    const at = Math.floor(from + random() * Math.max(0, runMs - from));
    const result = await run(dir, args, at, env);
    const state = readProjectState(join(dir, 'telaah.db'));
    check(state);
    if (result.killed) {
      kills += 1;
      seen.push(`${at}ms:${state.size}/${[...state.values()].filter((s) => s.auto.length > 0).length}`);
      // Killed after its last commit: running it again would write nothing, so start over. Killed again
      // before its next commit (the rest of the work takes longer than the moments drawn): start over too,
      // so later kills fall at other moments of a whole run.
      if (isDeepStrictEqual(state, expected) || isDeepStrictEqual(state, before)) {
        dir = copyProject(base);
        before = undefined;
      } else before = state;
      continue;
    }
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/locked|SQLITE/);
    expect(state).toEqual(expected);
    dir = copyProject(base);
    before = undefined;
  }
  // What the kills left (moment: sources / sources with auto codings), to see they fell all over the run.
  console.log(`${args.join(' ')} killed at ${seen.join(' ')}`);
  const last = await run(dir, args, undefined, env);
  expect(last.code, last.stderr).toBe(0);
  expect(readProjectState(join(dir, 'telaah.db'))).toEqual(expected);
  return kills;
}

describe('crash safety', () => {
  it(`ingest killed at ${KILLS} random moments never leaves a partial source, and ingesting again completes it`, async () => {
    expect(reference.ingest.size).toBeGreaterThan(400);
    // Killed runs parse in a worker thread (TELAAH_THREADS=2; the reference run of these few MB parsed
    // inline): a kill must find the same whole sources either way.
    const kills = await killRepeatedly(
      empty,
      ['ingest', inputs],
      reference.ingestMs,
      reference.ingest,
      (state) => {
        for (const [name, source] of state) expect(source, name).toEqual(reference.ingest.get(name));
      },
      { TELAAH_THREADS: '2' },
    );
    expect(kills).toBe(KILLS);
  }, 300_000);

  it(`code auto killed at ${KILLS} random moments leaves each source's auto codings all or none, and coding again completes it`, async () => {
    // Documents and notes may match no code; most sources do.
    expect([...reference.auto.values()].filter((s) => s.auto.length > 0).length).toBeGreaterThan(reference.auto.size / 2);
    const kills = await killRepeatedly(study, ['code', 'auto', '--codebook', CODEBOOK], reference.autoMs, reference.auto, (state) => {
      expect([...state.keys()]).toEqual([...reference.auto.keys()]);
      for (const [name, source] of state) {
        const done = reference.auto.get(name)!;
        expect(source, name).toEqual(source.auto.length === 0 ? { ...done, auto: [] } : done);
      }
    });
    expect(kills).toBe(KILLS);
  }, 300_000);
});
