import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Ctx } from './context.js';
import { visibleText } from '../core/text/visible-text.js';

/** True when a person can be asked: both the keyboard (stdin) and the messages (stderr) are a terminal. */
export function canAsk(ctx: Ctx, input: { isTTY?: boolean } = process.stdin): boolean {
  return Boolean(input.isTTY) && ctx.stderrIsTTY;
}

/**
 * Asks a yes/no question on stderr and reads one line: `y` or `yes` is yes, anything else (or the end
 * of input) is no. The terminal stays in line mode, so Ctrl-C interrupts as anywhere else.
 */
export async function confirm(ctx: Ctx, question: string, input: Readable = process.stdin): Promise<boolean> {
  ctx.stderr.write(`${visibleText(question, { colour: ctx.color })} [y/N] `);
  const lines = createInterface({ input, terminal: false });
  try {
    const answer = await new Promise<string>((resolve) => {
      lines.once('line', resolve);
      lines.once('close', () => resolve(''));
    });
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    lines.close();
  }
}
