import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(REPO, 'bin', 'telaah.js');
export const FIXTURES = join(REPO, 'test', 'fixtures');
export const SAMPLES = join(REPO, 'samples', 'bpjs-medan');
export const REFERENCE = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));

/** Runs the built `telaah` binary as a user would (needs `npm run build`). */
export function telaah(cwd: string, args: string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A new empty folder in this test run's temp folder (removed when the run ends, see global-setup.ts). */
export function tempDir(prefix = 'telaah-test-'): string {
  return mkdtempSync(join(inject('tempRoot') ?? tmpdir(), prefix));
}

/** A new project (`telaah init`) in a new temp folder. */
export function newProject(): string {
  const dir = tempDir();
  const result = telaah(dir, ['init']);
  expect(result.code, result.stderr).toBe(0);
  return dir;
}

/** Writes a file under `dir`, making its folders; returns its path. */
export function writeFile(dir: string, rel: string, content: string): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
