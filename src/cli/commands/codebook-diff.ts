import { diffCodebooks } from '../../core/codebook/diff-codebooks.js';
import { loadValidCodebook } from '../../io/read-codebook.js';
import { resolve } from 'node:path';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { writeJson } from '../output.js';
import { paint } from '../style.js';
import { visibleText } from '../../core/text/visible-text.js';
import { notice } from '../notice.js';

/** `telaah codebook diff A B`: codes added, removed and changed from A to B. */
export async function run(ctx: Ctx, args: string[], opts: JsonOptions): Promise<ExitCode> {
  const a = loadValidCodebook(resolve(ctx.cwd, args[0]!));
  const b = loadValidCodebook(resolve(ctx.cwd, args[1]!));
  const diff = diffCodebooks(a.codebook, b.codebook);
  if (opts.json) {
    writeJson(ctx, diff);
    return 0;
  }
  const c = paint(ctx);
  for (const id of diff.added) ctx.stdout.write(`${c.green('+')} ${visibleText(id)}\n`);
  for (const id of diff.removed) ctx.stdout.write(`${c.red('-')} ${visibleText(id)}\n`);
  for (const { id, fields } of diff.changed) ctx.stdout.write(`${c.yellow('~')} ${visibleText(id)}  ${c.dim(fields.join(', '))}\n`);
  const total = diff.added.length + diff.removed.length + diff.changed.length;
  notice(
    ctx,
    total === 0
      ? `No differences in codes between ${args[0]} (${a.codebook.version}) and ${args[1]} (${b.codebook.version})`
      : `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`,
  );
  return 0;
}
