import { closest } from '../../core/did-you-mean.js';
import { InputError } from '../../errors.js';
import { MEMO_FIELDS, memoBlocks, memoTable } from '../../report/memos.js';
import { listMemoAuthors, listMemos } from '../../store/memos.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';
import { resolveMemoFilter } from '../memo-target.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable, writeText } from '../output.js';
import { paint } from '../style.js';

/** Options of `telaah memo list`. */
export interface MemoListOptions extends ListingOptions {
  target?: string;
  author?: string;
}

/** `telaah memo list [--target T] [--author A]`: memos, oldest first; on a terminal each with its whole text. */
export async function run(ctx: Ctx, _args: string[], opts: MemoListOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, (project) => {
    const filter = opts.target === undefined ? {} : resolveMemoFilter(project, opts.target);
    if (opts.author !== undefined) checkAuthor(opts.author, listMemoAuthors(project.db));
    const memos = listMemos(project.db, { ...filter, author: opts.author });
    const mode = outputMode(opts);
    if (mode === 'json') writeJson(ctx, memos);
    else if (mode === 'csv') writeCsv(ctx, MEMO_FIELDS, memos.map((m) => MEMO_FIELDS.map((f) => m[f])));
    else if (!ctx.stdoutIsTTY) {
      const table = memoTable(memos);
      writeTable(ctx, table.columns, table.rows);
    } else if (memos.length === 0) {
      ctx.stderr.write(opts.target || opts.author ? 'No memos match.\n' : 'No memos yet; write one with `telaah memo add TARGET "text"`.\n');
    } else writeText(ctx, memoBlocks(memos, { width: ctx.columns, now: ctx.now(), paint: paint(ctx) }));
    return 0;
  });
}

/** An author with no memos may be real (none written yet), so only a name close to a known one is taken for a typo. */
function checkAuthor(author: string, authors: readonly string[]): void {
  if (authors.includes(author)) return;
  const near = closest(author, authors, 2);
  if (near.length) throw new InputError(`no memo is by "${author}"`, { hint: `Did you mean ${near.join(' or ')}?` });
}
