import { applySourceSettings, parseSourceSettings } from '../../core/source-fields.js';
import { recordAudit } from '../../store/audit.js';
import { readSourceFields, writeSourceFields } from '../../store/source-edits.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { requireSource } from '../find-source.js';
import { withProject } from '../open-project.js';
import { paint } from '../style.js';
import { notice } from '../notice.js';

/** `telaah sources set <name> key=value…`: date, site, language, type, or any attribute (`key=` removes it). */
export async function run(ctx: Ctx, args: string[], opts: GlobalOptions): Promise<ExitCode> {
  const [name, ...pairs] = args as [string, ...string[]];
  const settings = parseSourceSettings(pairs);
  return withProject(ctx, opts, ({ db }) => {
    requireSource(db, name);
    const { fields, changes } = applySourceSettings(readSourceFields(db, name)!, settings);
    if (changes.length === 0) {
      notice(ctx, `${name} already has ${settings.length === 1 ? 'that value' : 'those values'}; nothing changed.`);
      return 0;
    }
    writeSourceFields(db, name, fields);
    recordAudit(db, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: 'sources set', arguments: args, counts: { fields: changes.length } });
    const c = paint(ctx);
    const shown = (value: string | null): string => (value === null ? c.dim('(none)') : value);
    notice(ctx, `Changed ${name}:`);
    for (const ch of changes) notice(ctx, `  ${ch.key}: ${shown(ch.before)} → ${shown(ch.after)}`);
    return 0;
  });
}
