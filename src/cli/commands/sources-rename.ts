import { sourceNameProblem } from '../../core/source-name.js';
import { InputError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { findSourceRange, renameSource } from '../../store/source-edits.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { requireSource } from '../find-source.js';
import { withProject } from '../open-project.js';
import { notice } from '../notice.js';

/** `telaah sources rename <old> <new>`: a new, unique name; codings and decisions stay with the source. */
export async function run(ctx: Ctx, args: string[], opts: GlobalOptions): Promise<ExitCode> {
  const [from, to] = args as [string, string];
  const problem = sourceNameProblem(to);
  if (problem) throw new InputError(`cannot rename to "${to}": ${problem}`, { hint: 'Choose a name such as w01-sumiati or fgd1-medan' });
  return withProject(ctx, opts, ({ db }) => {
    requireSource(db, from);
    if (from === to) {
      notice(ctx, `${from} already has that name; nothing changed.`);
      return 0;
    }
    if (findSourceRange(db, to)) {
      throw new InputError(`there is already a source named "${to}"`, { hint: 'Choose another name, or remove that source first with `telaah sources remove`' });
    }
    renameSource(db, from, to);
    recordAudit(db, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: 'sources rename', arguments: args, counts: { sources: 1 } });
    notice(ctx, `Renamed ${from} to ${to}.`);
    return 0;
  });
}
