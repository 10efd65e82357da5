import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { change, type CodeChangeOptions } from './code-add.js';

/** `telaah code remove <source> <segment|range> <code…>`: removes a coder's codings there. */
export async function run(ctx: Ctx, args: string[], opts: CodeChangeOptions): Promise<ExitCode> {
  return change(ctx, args, opts, 'remove');
}
