import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder every tempDir() of this run goes in; removed when the run ends. */
    tempRoot: string;
  }
}

const REPO = fileURLToPath(new URL('../', import.meta.url));

/** Source files (not tests) whose built counterpart in dist/ is missing or older. */
export function staleSources(repo: string = REPO): string[] {
  const stale: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
        const built = join(repo, 'dist', relative(join(repo, 'src'), path)).replace(/\.ts$/, '.js');
        let builtAt = 0;
        try {
          builtAt = statSync(built).mtimeMs;
        } catch {
          // Never built.
        }
        if (builtAt < statSync(path).mtimeMs) stale.push(path);
      }
    }
  };
  walk(join(repo, 'src'));
  return stale;
}

/**
 * Before any test: rebuilds dist/ when a source file is newer than its build (e2e tests spawn
 * bin/telaah.js → dist, and would otherwise test yesterday's code), and makes one temp folder for the
 * run. After the run: removes that folder with everything the tests made in it.
 */
export default function setup(project: TestProject): () => void {
  const stale = staleSources();
  if (stale.length > 0) {
    // A full build takes about 4 s on two cores; the check above takes milliseconds.
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: REPO, encoding: 'utf8' });
    // tsc still writes dist/ when types are wrong, so unit tests can run mid-edit; type errors surface
    // in `npm run typecheck`. Only a dist/ that is still stale stops the run.
    if (build.status !== 0) process.stderr.write(`global-setup: tsc reported errors while rebuilding dist/:\n${build.stdout}${build.stderr}`);
    const still = staleSources();
    if (still.length > 0) throw new Error(`dist/ is older than src/ and could not be rebuilt (${still.map((p) => relative(REPO, p)).join(', ')})`);
  }
  const tempRoot = mkdtempSync(join(tmpdir(), 'telaah-tests-'));
  project.provide('tempRoot', tempRoot);
  return () => rmSync(tempRoot, { recursive: true, force: true });
}
