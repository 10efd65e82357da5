import { InputError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { listMemos, removeMemos } from '../../store/memos.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { parseMemoId } from '../memo-text.js';
import { withProject } from '../open-project.js';
import { notice } from '../notice.js';

/** `telaah memo remove <id…>`: deletes memos; an id that is not a memo refuses the lot (exit 2, nothing removed). */
export async function run(ctx: Ctx, args: string[], opts: GlobalOptions): Promise<ExitCode> {
  const ids = [...new Set(args.map(parseMemoId))];
  return withProject(ctx, opts, ({ db }) => {
    const memos = listMemos(db, { ids });
    const missing = ids.filter((id) => !memos.some((m) => m.id === id));
    if (missing.length) {
      throw new InputError(`there is no memo ${missing.join(', ')}`, { hint: `Nothing was removed; list the memos and their ids with \`telaah memo list\`` });
    }
    db.transaction(() => {
      removeMemos(db, ids);
      // Ids and targets only: a memo's text may quote a participant, and the trail keeps no text.
      recordAudit(db, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: 'memo remove', arguments: memos.flatMap((m) => [String(m.id), m.target]), counts: { memos: memos.length } });
    }).immediate();
    for (const m of memos) notice(ctx, `Removed memo ${m.id} on ${m.target} by ${m.author}`);
    return 0;
  });
}
