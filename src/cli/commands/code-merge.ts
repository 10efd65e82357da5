import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { moveCodes, type CodeMoveOptions } from './code-rename.js';

/** `telaah code merge A B`: every coding and review decision of A moves to B, folding where a coder has both. */
export async function run(ctx: Ctx, args: string[], opts: CodeMoveOptions): Promise<ExitCode> {
  return moveCodes(ctx, args, opts, 'merge');
}
