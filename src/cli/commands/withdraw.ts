import { createStemmers } from '../../core/coding/stemmers.js';
import { closest } from '../../core/did-you-mean.js';
import { SearchKeys } from '../../core/search/search-keys.js';
import { QuoteFinder } from '../../core/withdrawal/quotes.js';
import { InputError } from '../../errors.js';
import { renderWithdrawalPlan, renderWithdrawalDone } from '../../report/withdrawal.js';
import { recordAudit } from '../../store/audit.js';
import { startSecureDelete, wipeFreedPages } from '../../store/secure-delete.js';
import { findParticipant, planWithdrawal, withdrawParticipant, type WithdrawalTarget } from '../../store/withdrawal.js';
import { scrubQuotes } from '../../store/withdrawal-quotes.js';
import { listWithdrawnPseudonyms, recordWithdrawal } from '../../store/withdrawal-record.js';
import type { Db } from '../../store/open.js';
import { canAsk, confirm } from '../confirm.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { writeJson } from '../output.js';
import { paint } from '../style.js';

/** Options of `telaah withdraw`. */
export interface WithdrawOptions extends JsonOptions {
  yes?: boolean;
}

/**
 * `telaah withdraw <participant> [--yes]`: a participant's words leave the project — their turns from
 * the source texts, everything on them, their participant row — and the project's files are rewritten so
 * no page keeps them. Says what will go and asks first (or needs --yes).
 */
export async function run(ctx: Ctx, args: string[], opts: WithdrawOptions): Promise<ExitCode> {
  const [pseudonym] = args as [string];
  return withProject(ctx, opts, async ({ db }): Promise<ExitCode> => {
    const target = requireParticipant(db, pseudonym);
    const plan = planWithdrawal(db, target);
    // Wrapped on a terminal; in a pipe or a log, one line per paragraph.
    const layout = { width: ctx.stderrIsTTY ? Math.max(40, ctx.columns) : Number.MAX_SAFE_INTEGER, paint: paint(ctx) };
    if (!opts.json || opts.yes !== true) ctx.stderr.write(renderWithdrawalPlan(plan, layout));
    if (opts.yes !== true) {
      if (!canAsk(ctx)) {
        throw new InputError(`withdrawing ${target.pseudonym} deletes their words and everything on them, and cannot be undone`, {
          hint: 'Pass --yes to withdraw them (nothing was removed)',
        });
      }
      if (!(await confirm(ctx, paint(ctx).yellow(`Withdraw ${target.pseudonym}? This cannot be undone.`)))) {
        ctx.stderr.write('Nothing removed.\n');
        return 1;
      }
    }
    const now = ctx.now().toISOString();
    startSecureDelete(db);
    const { counts, quotes } = db.transaction(() => {
      const done = withdrawParticipant(db, target, () => new SearchKeys(createStemmers()));
      const scrubbed = scrubQuotes(db, new QuoteFinder(done.passages));
      const all = { ...done.plan.counts, quotesScrubbed: scrubbed.memos + scrubbed.codingMemos + scrubbed.audit + scrubbed.codebooks };
      recordWithdrawal(db, { pseudonym: target.pseudonym, withdrawnAt: now, counts: all });
      // Only that it happened, to whom (by pseudonym) and how much: never their words.
      recordAudit(db, { at: now, actor: actorOf(ctx), command: 'withdraw', arguments: [target.pseudonym], counts: all });
      return { counts: done.plan.counts, quotes: scrubbed };
    }).immediate();
    const wiped = wipeFreedPages(db, { searchIndex: true, vacuum: true });
    if (opts.json) writeJson(ctx, { pseudonym: target.pseudonym, withdrawnAt: now, sources: plan.sources.map(({ id: _id, ...s }) => s), counts, quotes, wiped: wiped.checkpointed });
    ctx.stderr.write(renderWithdrawalDone(target.pseudonym, { counts, quotes, checkpointed: wiped.checkpointed }, layout));
    return 0;
  });
}

/** The participant named; an unknown or already withdrawn one is an InputError saying so. */
function requireParticipant(db: Db, pseudonym: string): WithdrawalTarget {
  const found = findParticipant(db, pseudonym);
  if (found) return found;
  const withdrawn = listWithdrawnPseudonyms(db).find((p) => p.toLowerCase() === pseudonym.toLowerCase());
  if (withdrawn) throw new InputError(`${withdrawn} has already withdrawn`, { hint: 'See `telaah log --command withdraw`' });
  const pseudonyms = db.prepare<[], string>('SELECT pseudonym FROM participants ORDER BY pseudonym COLLATE NOCASE').pluck().all();
  const near = closest(pseudonym, pseudonyms, 2);
  throw new InputError(`no participant "${pseudonym}"`, {
    hint: near.length ? `Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'List them with `telaah participants list`',
  });
}
