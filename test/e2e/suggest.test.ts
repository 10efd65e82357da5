import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, tempDir, telaah } from '../helpers/spawn-cli.js';

const MINI = join(FIXTURES, 'mini-study');
const EXTRA = join(FIXTURES, 'suggest');
const CODEBOOK = join(FIXTURES, 'codebooks', 'mini.yaml');

interface Coding {
  source: string;
  segment: string;
  speaker: string | null;
  code: string;
  coder: string;
  origin: string;
  text: string;
}

interface Summary {
  unit: string;
  units: number;
  trainingUnits: number;
  minConfidence: number;
  seed: number;
  added: number;
  removed: number;
  kept: number;
  codes: { code: string; positives: number; negatives: number; suggested: number }[];
  skipped: { code: string; positives: number; negatives: number; reason: string }[];
}

function run(dir: string, args: string[]): { code: number; stdout: string; stderr: string } {
  const result = telaah(dir, args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result;
}

function codings(dir: string, ...filters: string[]): Coding[] {
  return JSON.parse(run(dir, ['codings', 'list', '--json', ...filters]).stdout) as Coding[];
}

function suggest(dir: string, ...args: string[]): Summary {
  return JSON.parse(run(dir, ['suggest', '--json', ...args]).stdout) as Summary;
}

const key = (c: Coding): string => `${c.source} ${c.segment} ${c.code}`;

/** The mini study plus one interview (test/fixtures/suggest) whose answers keep to one topic per turn. */
function study(): string {
  const dir = tempDir();
  run(dir, ['init']);
  run(dir, ['participants', 'import', join(MINI, 'participants.csv')]);
  run(dir, ['ingest', MINI, EXTRA, '--pseudonyms', join(MINI, 'names.csv')]);
  run(dir, ['codebook', 'use', CODEBOOK]);
  return dir;
}

/** rina codes the topical turns of w02-joko sentence by sentence, and two sentences with a parent code. */
function codeByHand(dir: string): void {
  run(dir, ['code', 'add', 'w02-joko', '2.1-2.6', 'barrier/economic', '--coder', 'rina']);
  run(dir, ['code', 'add', 'w02-joko', '4.1-4.6', 'strategy/registration-assistance', '--coder', 'rina']);
  run(dir, ['code', 'add', 'w02-joko', '6.1-6.5', 'strategy/tailored-education', '--coder', 'rina']);
  run(dir, ['code', 'add', 'w02-joko', '2.1-2.2', 'barrier', '--coder', 'rina']);
}

describe('telaah suggest', () => {
  let dir: string;
  beforeAll(() => {
    dir = study();
  });

  it('asks for human codings first when there are none', () => {
    const result = telaah(dir, ['suggest']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no human codings to learn from.*telaah code add/);
    expect(codings(dir)).toEqual([]);
  });

  it('refuses bad options with exit 2', () => {
    for (const [args, message] of [
      [['--min-confidence', '1.5'], /^telaah: option '--min-confidence <p>' argument '1.5' is invalid. --min-confidence takes a number between 0 and 1, e.g. --min-confidence 0.6$/m],
      [['--min-confidence', 'high'], /argument 'high' is invalid. --min-confidence takes a number, e.g./],
      [['--evaluate', '--folds', '1'], /argument '1' is invalid. --folds takes a number at least 2, e.g. --folds 5/],
      [['--evaluate', '--folds', '2.5'], /argument '2.5' is invalid. --folds takes a whole number/],
    ] as const) {
      const result = telaah(dir, ['suggest', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('suggests codes for uncoded units like the coded ones, stored as origin suggested', () => {
    codeByHand(dir);
    const unknown = telaah(dir, ['suggest', '--code', 'economic']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown code "economic". Did you mean barrier\/economic/);

    const summary = suggest(dir);
    expect(summary).toMatchObject({ unit: 'sentence', trainingUnits: 17, minConfidence: 0.6, seed: 1, removed: 0, kept: 0 });
    expect(summary.codes.map((c) => [c.code, c.positives, c.negatives])).toEqual([
      ['strategy/tailored-education', 5, 12],
      ['strategy/registration-assistance', 6, 11],
      ['barrier/economic', 6, 11],
    ]);
    expect(summary.skipped).toEqual([{ code: 'barrier', positives: 2, negatives: 15, reason: 'needs at least 5 coded units (has 2)' }]);

    const suggested = codings(dir, '--origin', 'suggested');
    expect(suggested.length).toBe(summary.added);
    expect(summary.codes.reduce((n, c) => n + c.suggested, 0)).toBe(summary.added);
    expect(suggested.every((c) => c.coder === 'suggest' && c.origin === 'suggested')).toBe(true);
    const keys = suggested.map(key);
    expect(keys).toEqual(expect.arrayContaining(['w02-joko 8.1 barrier/economic', 'w02-joko 8.2 strategy/registration-assistance', 'fgd-pasar 3.2 barrier/economic']));
    expect(suggested.find((c) => key(c) === 'w02-joko 8.1 barrier/economic')!.text).toBe('Harga beras naik, penghasilan turun, jadi uang untuk iuran sering kurang.');
    // Never where the code already is, never on interviewer or moderator turns.
    expect(keys.filter((k) => /^w02-joko [246]\./.test(k))).toEqual([]);
    expect(suggested.some((c) => c.speaker === 'Pewawancara' || c.speaker === 'Moderator')).toBe(false);
    expect(codings(dir, '--origin', 'manual')).toHaveLength(19);

    const db = new Database(join(dir, 'telaah.db'), { readonly: true });
    try {
      const stored = db.prepare<[], { confidence: number }>(`SELECT confidence FROM codings WHERE origin = 'suggested'`).all();
      expect(stored).toHaveLength(summary.added);
      expect(stored.every((r) => r.confidence >= 0.6 && r.confidence <= 1)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('replaces only its own suggestions on a new run; a unit the auto-coder coded gets none of that code', () => {
    const before = codings(dir, '--origin', 'suggested').map(key);
    expect(suggest(dir)).toMatchObject({ added: 0, removed: 0, kept: before.length });

    run(dir, ['code', 'auto']);
    const auto = codings(dir, '--origin', 'auto').map(key);
    expect(auto).toContain('w02-joko 8.1 barrier/economic');
    const again = suggest(dir);
    expect(again.removed).toBeGreaterThan(0);
    const after = codings(dir, '--origin', 'suggested').map(key);
    expect(after).not.toContain('w02-joko 8.1 barrier/economic');
    expect(after.filter((k) => auto.includes(k))).toEqual([]);
    expect(codings(dir, '--origin', 'auto').map(key)).toEqual(auto);
    expect(codings(dir, '--origin', 'manual')).toHaveLength(19);
  });

  it('--code limits what is learnt and what is replaced', () => {
    const others = codings(dir, '--origin', 'suggested').filter((c) => !c.code.startsWith('strategy/'));
    expect(others.length).toBeGreaterThan(0);
    const summary = suggest(dir, '--code', 'strategy', '--min-confidence', '1');
    expect(summary.codes.map((c) => c.code)).toEqual(['strategy/tailored-education', 'strategy/registration-assistance']);
    expect(summary.codes.every((c) => c.suggested === 0)).toBe(true);
    expect(codings(dir, '--origin', 'suggested')).toEqual(others);
  });

  it('--coder learns from one coder only', () => {
    const result = telaah(dir, ['suggest', '--coder', 'nobody']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nobody has no codings to learn from/);
    expect(suggest(dir, '--coder', 'rina').trainingUnits).toBe(17);
  });

  it('--evaluate cross-validates per code and stores nothing', () => {
    const before = codings(dir);
    const evaluation = JSON.parse(run(dir, ['suggest', '--evaluate', '--json']).stdout) as {
      units: number;
      folds: number;
      seed: number;
      minConfidence: number;
      codes: { code: string; support: number; tp: number; fp: number; fn: number; tn: number; precision: number; recall: number; f1: number }[];
      micro: { precision: number; recall: number; f1: number };
      macro: { precision: number; recall: number; f1: number };
      skipped: { code: string; reason: string }[];
    };
    expect(evaluation).toMatchObject({ units: 17, folds: 5, seed: 1, minConfidence: 0.6 });
    expect(evaluation.codes.map((c) => [c.code, c.support])).toEqual([
      ['strategy/tailored-education', 5],
      ['strategy/registration-assistance', 6],
      ['barrier/economic', 6],
    ]);
    for (const c of evaluation.codes) {
      expect(c.tp + c.fp + c.fn + c.tn).toBe(17);
      for (const v of [c.precision, c.recall, c.f1]) expect(v).toBeGreaterThanOrEqual(0);
    }
    for (const avg of [evaluation.micro, evaluation.macro]) expect(Object.keys(avg).sort()).toEqual(['f1', 'precision', 'recall']);
    expect(evaluation.skipped.map((s) => s.code)).toEqual(['barrier']);
    expect(codings(dir)).toEqual(before);

    const table = run(dir, ['suggest', '--evaluate', '--folds', '3']);
    const lines = table.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines[0]).toEqual(['code', 'support', 'precision', 'recall', 'f1']);
    expect(lines.map((l) => l[0])).toEqual(['code', 'strategy/tailored-education', 'strategy/registration-assistance', 'barrier/economic', 'micro avg', 'macro avg']);
    expect(lines.slice(1).every((l) => l.slice(2).every((v) => /^[01]\.\d{3}$/.test(v)))).toBe(true);
    expect(table.stderr).toMatch(/3-fold cross-validation on 17 units/);
    expect(table.stderr).toMatch(/Skipped barrier: needs at least 5 coded units \(has 2\)/);
  });
});
