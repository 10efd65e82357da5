import { formatMemoTarget } from '../../core/memo-target.js';
import { InputError, UsageError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { editMemo, findMemo } from '../../store/memos.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { resolveMemoTarget } from '../memo-target.js';
import { parseMemoId, readMemoText } from '../memo-text.js';
import { withProject } from '../open-project.js';
import { notice } from '../notice.js';

/** Options of `telaah memo edit`. */
export interface MemoEditOptions extends GlobalOptions {
  target?: string;
}

/** `telaah memo edit <id> [text|-] [--target T]`: new text, a new target, or both; author and creation time stay. */
export async function run(ctx: Ctx, args: string[], opts: MemoEditOptions): Promise<ExitCode> {
  const [idText, textArg] = args as [string, string | undefined];
  const id = parseMemoId(idText);
  if (textArg === undefined && opts.target === undefined) {
    throw new UsageError('memo edit needs new text, --target, or both', `For example \`telaah memo edit ${id} "new text"\` or \`telaah memo edit ${id} --target source:NAME\``);
  }
  const text = textArg === undefined ? undefined : await readMemoText(ctx, textArg);
  return withProject(ctx, opts, (project) => {
    const { db } = project;
    const before = findMemo(db, id);
    if (!before) throw new InputError(`there is no memo ${id}`, { hint: 'List the memos and their ids with `telaah memo list`' });
    const moved = opts.target === undefined ? undefined : resolveMemoTarget(project, opts.target);
    const newText = text !== undefined && text !== before.text;
    const newTarget = moved !== undefined && formatMemoTarget(moved.target) !== before.target;
    if (!newText && !newTarget) {
      notice(ctx, `Memo ${id} already says that${moved ? ` on ${before.target}` : ''}; nothing changed.`);
      return 0;
    }
    const now = ctx.now().toISOString();
    const after = db.transaction(() => {
      editMemo(db, id, { text, place: moved?.place }, now);
      const changed = findMemo(db, id)!;
      recordAudit(db, { at: now, actor: actorOf(ctx), command: 'memo edit', arguments: [String(id), changed.target], counts: { memos: 1 } });
      return changed;
    }).immediate();
    const what = [after.text !== before.text ? 'new text' : '', after.target !== before.target ? `moved from ${before.target} to ${after.target}` : ''].filter(Boolean).join(', ');
    notice(ctx, `Changed memo ${id} on ${after.target}: ${what}`);
    return 0;
  });
}
