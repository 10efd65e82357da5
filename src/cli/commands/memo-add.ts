import { recordAudit } from '../../store/audit.js';
import { addMemo, findMemo } from '../../store/memos.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { resolveMemoTarget } from '../memo-target.js';
import { readMemoText } from '../memo-text.js';
import { withProject } from '../open-project.js';
import { writeJson } from '../output.js';
import { notice } from '../notice.js';

/** Options of `telaah memo add`. */
export interface MemoAddOptions extends JsonOptions {
  author?: string;
}

/**
 * `telaah memo add <target> <text|->`: a memo on the project, a source, a segment, a code or a
 * participant. The audit trail records its id and target, never its text (it may quote a participant).
 */
export async function run(ctx: Ctx, args: string[], opts: MemoAddOptions): Promise<ExitCode> {
  const [written, textArg] = args as [string, string];
  const text = await readMemoText(ctx, textArg);
  return withProject(ctx, opts, (project) => {
    const { db } = project;
    const { place } = resolveMemoTarget(project, written);
    const author = opts.author ?? actorOf(ctx);
    const now = ctx.now().toISOString();
    const memo = db.transaction(() => {
      const added = findMemo(db, addMemo(db, place, author, text, now))!;
      recordAudit(db, { at: now, actor: actorOf(ctx), command: 'memo add', arguments: [String(added.id), added.target], counts: { memos: 1 } });
      return added;
    }).immediate();
    if (opts.json) writeJson(ctx, memo);
    else notice(ctx, `Added memo ${memo.id} on ${memo.target} by ${author}`);
    return 0;
  });
}
