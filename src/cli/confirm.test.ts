import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { canAsk, confirm } from './confirm.js';
import type { Ctx } from './context.js';

function fakeCtx(_cwd: string, overrides: Partial<Ctx> = {}): Ctx & { err: () => string } {
  let err = '';
  const ctx: Ctx = {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (err += s) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    color: false,
    cwd: '/',
    env: {},
    now: () => new Date(0),
    columns: 80,
    ...overrides,
  };
  return { ...ctx, err: () => err };
}

async function answer(text: string | null): Promise<{ yes: boolean; asked: string }> {
  const ctx = fakeCtx('/');
  const input = new PassThrough();
  const reply = confirm(ctx, 'Remove them?', input);
  if (text === null) input.end();
  else input.write(text);
  return { yes: await reply, asked: ctx.err() };
}

describe('confirm', () => {
  it.each([['y\n', true], ['Yes\n', true], ['n\n', false], ['\n', false], ['yess\n', false]])('%j → %s', async (text, yes) => {
    expect(await answer(text)).toEqual({ yes, asked: 'Remove them? [y/N] ' });
  });

  it('takes the end of input as no', async () => {
    expect((await answer(null)).yes).toBe(false);
  });

  it('asks only when stdin and stderr are terminals', () => {
    expect(canAsk(fakeCtx('/', { stderrIsTTY: true }), { isTTY: true })).toBe(true);
    expect(canAsk(fakeCtx('/', { stderrIsTTY: true }), { isTTY: false })).toBe(false);
    expect(canAsk(fakeCtx('/', { stderrIsTTY: false }), { isTTY: true })).toBe(false);
  });
});
