import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runInProcess } from './fake-ctx.js';
import { FIXTURES, tempDir } from './spawn-cli.js';

/** The mini study's files (participants.csv, names.csv and transcripts). */
export const MINI = join(FIXTURES, 'mini-study');

/** Runs telaah in-process in `dir` and expects exit 0; returns what it printed. */
export async function ok(dir: string, ...argv: string[]): Promise<{ stdout: string; stderr: string }> {
  const result = await runInProcess(dir, argv);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

/** A new project with a copy of the mini study in data/, its participants imported and its files ingested. */
export async function ingestedMiniStudy(): Promise<string> {
  const dir = tempDir();
  await ok(dir, 'init');
  cpSync(MINI, join(dir, 'data'), { recursive: true });
  await ok(dir, 'participants', 'import', join(dir, 'data', 'participants.csv'));
  await ok(dir, 'ingest', 'data', '--pseudonyms', join(dir, 'data', 'names.csv'));
  return dir;
}
