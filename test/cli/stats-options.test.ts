import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/fake-ctx.js';

describe('telaah stats and its words subcommand', () => {
  it('lists the words subcommand under stats, with the options of each', async () => {
    const stats = await runInProcess('/', ['stats', '--help']);
    expect(stats.stdout).toMatch(/^Usage: telaah stats \[options\] \[command\]/);
    expect(stats.stdout).toMatch(/--by <what>/);
    expect(stats.stdout).toMatch(/\n {2}words \[options\] /);
    const words = await runInProcess('/', ['stats', 'words', '--help']);
    expect(words.stdout).toMatch(/--stems/);
    expect(words.stdout).not.toMatch(/--by <what>/);
  });

  it.each([
    [['stats', 'words', '--by', 'coder'], "telaah: unknown option '--by'\n"],
    [['stats', 'words', '--coder', 'rina'], "telaah: unknown option '--coder'\n"],
    [['stats', 'wrods'], /^telaah: too many arguments for 'stats'/],
    [['stats', 'words', '--top', '0'], /^telaah: option '--top <n>' argument '0' is invalid/],
  ])('telaah %j is one line, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await runInProcess('/', argv as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
