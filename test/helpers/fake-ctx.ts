import type { Ctx } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';

/** A context that captures output, for in-process CLI tests. */
export function fakeCtx(cwd: string, overrides: Partial<Ctx> = {}): Ctx & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    color: false,
    cwd,
    env: { USER: 'tester' },
    now: () => new Date('2026-01-02T03:04:05Z'),
    columns: 80,
    ...overrides,
    out: () => out,
    err: () => err,
  };
}

/** Runs the CLI in-process and returns the exit code with what it printed. */
export async function runInProcess(cwd: string, argv: string[], overrides: Partial<Ctx> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const ctx = fakeCtx(cwd, overrides);
  const code = await main(argv, ctx);
  return { code, stdout: ctx.out(), stderr: ctx.err() };
}
