import { visibleText } from '../core/text/visible-text.js';
import type { Ctx } from './context.js';

/**
 * One line for a person on stderr, escaped whole: a file name, code or value echoed in it cannot steer the
 * terminal or fake a second line, while the colours telaah painted stay.
 */
export function notice(ctx: Pick<Ctx, 'stderr' | 'color'>, line: string): void {
  ctx.stderr.write(`${visibleText(line, { colour: ctx.color })}\n`);
}

/** Lines built by a renderer, each escaped on its own (a value's line break escaped, the renderer's kept), joined for writing. */
export function visibleLines(lines: readonly string[], colour: boolean): string {
  return lines.map((line) => `${visibleText(line, { colour })}\n`).join('');
}
