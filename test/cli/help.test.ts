import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { fakeCtx, runInProcess } from '../helpers/fake-ctx.js';

/** Every command path of the program, e.g. ['participants', 'import']. */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => [[...prefix, sub.name()], ...commandPaths(sub, [...prefix, sub.name()])]);
}

const paths = commandPaths(buildProgram(fakeCtx('/'), () => {}));

describe('help', () => {
  it('covers every command', () => {
    expect(paths.map((p) => p.join(' '))).toEqual(
      expect.arrayContaining(['init', 'participants import', 'participants list', 'ingest', 'sources list', 'sources show', 'sources remove', 'sources rename', 'sources set', 'anonymity check', 'demo']),
    );
  });

  it.each(paths.map((p) => [p.join(' '), p]))('telaah %s --help has a description and an example', async (_name, path) => {
    const { code, stdout } = await runInProcess('/', [...(path as string[]), '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: telaah /);
    expect(stdout).toMatch(/Examples:\n\s+\$ (npx )?telaah /);
  });

  it('exits 2 with one line on an unknown option', async () => {
    const { code, stderr } = await runInProcess('/', ['sources', 'list', '--nope']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown option '--nope'/);
  });
});

describe('start-up', () => {
  it('--help and --version load no heavy module (sqlite, Word, stemmers)', async () => {
    const { createRequire } = await import('node:module');
    const cache = createRequire(import.meta.url).cache;
    for (const argv of [['--help'], ['--version'], ['ingest', '--help'], ['code', 'auto', '--help']]) {
      expect((await runInProcess('/', argv)).code).toBe(0);
    }
    const loaded = Object.keys(cache).filter((path) => /node_modules[\\/](better-sqlite3|mammoth|natural|docx)[\\/]/.test(path));
    expect(loaded).toEqual([]);
  });
});

describe('usage errors', () => {
  it.each([
    [['sourcs'], "telaah: unknown command 'sourcs'. Did you mean sources?\n"],
    [['sources', 'list', '--typ', 'fgd'], "telaah: unknown option '--typ'. Did you mean --type?\n"],
    [['codings', 'list', '--origin', 'rejcted'], /^telaah: option '--origin <list>' argument 'rejcted' is invalid\. unknown origin "rejcted"\. Did you mean rejected\? Use auto, .*\n$/],
  ])('telaah %j is one line on stderr, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await runInProcess('/', argv as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
