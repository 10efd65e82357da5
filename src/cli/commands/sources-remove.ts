import { visibleText } from '../../core/text/visible-text.js';
import { InputError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { countHoldings, type SourceHoldings } from '../../store/human-work.js';
import { indexedSourceNames, startSecureDelete, wipeFreedPages } from '../../store/secure-delete.js';
import { removeSources } from '../../store/source-edits.js';
import { canAsk, confirm } from '../confirm.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';

/** Options of `telaah sources remove`. */
export interface SourcesRemoveOptions extends GlobalOptions {
  yes?: boolean;
}
import { requireSource } from '../find-source.js';
import { withProject } from '../open-project.js';
import { paint } from '../style.js';

/**
 * `telaah sources remove <name…> [--yes]`: deletes sources with their segments, codings, review
 * decisions and memos. Human work is never removed without a yes: asked on a terminal, `--yes` elsewhere.
 */
export async function run(ctx: Ctx, args: string[], opts: SourcesRemoveOptions): Promise<ExitCode> {
  const names = [...new Set(args)];
  return withProject(ctx, opts, async ({ db }): Promise<ExitCode> => {
    const c = paint(ctx);
    // Every name is checked before anything is said or removed.
    const targets = names.map((name) => ({ name, holdings: countHoldings(db, requireSource(db, name)) }));
    for (const t of targets) ctx.stderr.write(`${c.bold(visibleText(t.name))}: ${describe(t.holdings)}\n`);
    const human = targets.reduce((n, t) => n + t.holdings.humanCodings + t.holdings.decisions + t.holdings.memos, 0);
    if (human > 0 && opts.yes !== true) {
      const what = humanWork(targets.map((t) => t.holdings));
      if (!canAsk(ctx)) {
        throw new InputError(`removing ${names.length === 1 ? 'this source' : 'these sources'} would delete ${what}`, {
          hint: 'Pass --yes to remove them anyway (nothing was removed)',
        });
      }
      if (!(await confirm(ctx, c.yellow(`Remove ${names.length === 1 ? 'it' : 'them'} with ${what}?`)))) {
        ctx.stderr.write('Nothing removed.\n');
        return 1;
      }
    }
    // Their text must not stay behind in freed pages, the -wal file or the search index's segments.
    const indexed = indexedSourceNames(db);
    startSecureDelete(db);
    removeSources(db, names);
    const total = (key: keyof SourceHoldings): number => targets.reduce((n, t) => n + t.holdings[key], 0);
    const counts = { sources: names.length, segments: total('segments'), humanCodings: total('humanCodings'), proposals: total('proposals'), decisions: total('decisions'), memos: total('memos') };
    recordAudit(db, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: 'sources remove', arguments: args, counts });
    wipeFreedPages(db, { searchIndex: names.some((name) => indexed.has(name)), vacuum: false });
    ctx.stderr.write(`Removed ${names.length === 1 ? '1 source' : `${names.length} sources`}.\n`);
    return 0;
  });
}

function describe(h: SourceHoldings): string {
  const parts = [plural(h.segments, 'segment'), plural(h.humanCodings, 'human coding'), plural(h.proposals, 'automatic or suggested coding'), plural(h.decisions, 'review decision'), plural(h.memos, 'memo')];
  return parts.filter((p) => !p.startsWith('0 ')).join(', ') || 'no segments';
}

function humanWork(holdings: readonly SourceHoldings[]): string {
  const codings = holdings.reduce((n, h) => n + h.humanCodings, 0);
  const decisions = holdings.reduce((n, h) => n + h.decisions, 0);
  const memos = holdings.reduce((n, h) => n + h.memos, 0);
  const parts = [codings ? plural(codings, 'human coding') : '', decisions ? plural(decisions, 'review decision') : '', memos ? plural(memos, 'memo') : ''].filter(Boolean);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts.join('');
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
