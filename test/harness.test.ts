import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { staleSources } from './global-setup.js';
import { tempDir } from './helpers/spawn-cli.js';

describe('the e2e harness', () => {
  it('finds source files whose build is missing or older', () => {
    const repo = tempDir();
    mkdirSync(join(repo, 'src', 'cli'), { recursive: true });
    mkdirSync(join(repo, 'dist', 'cli'), { recursive: true });
    const file = (path: string, seconds: number): void => {
      writeFileSync(join(repo, path), '');
      utimesSync(join(repo, path), seconds, seconds);
    };
    file('src/cli/fresh.ts', 100);
    file('dist/cli/fresh.js', 200);
    file('src/cli/edited.ts', 300);
    file('dist/cli/edited.js', 200);
    file('src/cli/new.ts', 100);
    file('src/cli/new.test.ts', 900);
    expect(staleSources(repo).map((p) => p.slice(repo.length + 1)).sort()).toEqual(['src/cli/edited.ts', 'src/cli/new.ts']);
  });

  it('puts temp folders in the run folder that teardown removes', () => {
    expect(tempDir().startsWith(inject('tempRoot'))).toBe(true);
  });

  it('runs e2e tests against a dist/ as new as src/', () => {
    expect(staleSources()).toEqual([]);
  });
});
