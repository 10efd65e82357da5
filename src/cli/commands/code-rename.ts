import { closest } from '../../core/did-you-mean.js';
import type { Codebook } from '../../core/codebook/types.js';
import { InputError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { listCodesInUse, moveCodings, type CodeMove, type CodeMoveResult } from '../../store/code-moves.js';
import { actorOf, type Ctx } from '../context.js';
import { currentCodebook } from '../current-codebook.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';

/** Options of `telaah code rename` and `code merge`. */
export interface CodeMoveOptions extends JsonOptions {
  dryRun?: boolean;
}
import { checkCodeIds } from '../known-codes.js';
import { withProject } from '../open-project.js';
import { writeJson } from '../output.js';
import { notice } from '../notice.js';

/** `telaah code rename OLD NEW`: every coding and review decision of OLD and of OLD/… moves to NEW and NEW/…. */
export async function run(ctx: Ctx, args: string[], opts: CodeMoveOptions): Promise<ExitCode> {
  return moveCodes(ctx, args, opts, 'rename');
}

/** Shared by `code rename` and `code merge`: check the codes, move the codings (or, with --dry-run, count them) and report. */
export async function moveCodes(ctx: Ctx, args: string[], opts: CodeMoveOptions, kind: 'rename' | 'merge'): Promise<ExitCode> {
  const [from, to] = args.map((a) => a.trim()) as [string, string];
  if (from === to) throw new InputError(`"${from}" is both the old and the new code`, { hint: 'Name two different codes' });
  if (kind === 'rename' && (to.startsWith(`${from}/`) || from.startsWith(`${to}/`))) {
    throw new InputError(`cannot rename ${from} to ${to}: one is inside the other`, {
      hint: `To move only ${from}'s own codings, use \`telaah code merge ${from} ${to}\``,
    });
  }
  const dryRun = opts.dryRun === true;
  return withProject(ctx, opts, (project) => {
    const { db } = project;
    const { codebook } = currentCodebook(project);
    checkCodeIds(codebook, [to]);
    const inUse = listCodesInUse(db);
    const moves = kind === 'rename' ? renameMoves(inUse, from, to) : inUse.includes(from) ? [{ from, to }] : [];
    if (moves.length === 0) {
      const near = closest(from, inUse, 3);
      throw new InputError(`no coding or review decision has the code "${from}"`, {
        hint: near.length ? `Did you mean ${near.join(', ')}?` : 'See the codes in use with `telaah codebook show` or `telaah codings list`',
      });
    }
    checkTargets(codebook, moves, from);
    const results = dryRun
      ? moveCodings(db, moves, { dryRun: true })
      : db.transaction(() => {
          const done = moveCodings(db, moves);
          recordAudit(db, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: `code ${kind}`, arguments: args, counts: totals(done) });
          return done;
        }).immediate();
    if (opts.json) {
      writeJson(ctx, { dryRun, moves: results });
      return 0;
    }
    report(ctx, kind, { from, to }, results, dryRun);
    const stays = kind === 'merge' ? inUse.filter((c) => c.startsWith(`${from}/`)) : [];
    if (stays.length) notice(ctx, `Codes below ${from} keep their codings (${stays.join(', ')}); move them with \`telaah code rename\` or \`code merge\``);
    if (codebook.codes.some((c) => c.id === from)) {
      notice(ctx, `${from} is still in the current codebook; \`telaah code auto\` keeps proposing it until a new version drops it`);
    }
    return 0;
  });
}

/** OLD → NEW and every OLD/x in use → NEW/x. */
function renameMoves(inUse: readonly string[], from: string, to: string): CodeMove[] {
  return inUse.filter((c) => c === from || c.startsWith(`${from}/`)).map((c) => ({ from: c, to: to + c.slice(from.length) }));
}

/** Codings may only land on codes of the current codebook. */
function checkTargets(codebook: Codebook, moves: readonly CodeMove[], from: string): void {
  const known = new Set(codebook.codes.map((c) => c.id));
  const missing = moves.find((m) => !known.has(m.to));
  if (!missing) return;
  throw new InputError(`${missing.from} would become ${missing.to}, which is not in the current codebook "${codebook.name}" ${codebook.version}`, {
    hint: `Move ${missing.from} to a code of the codebook first (\`telaah code merge ${missing.from} CODE\`), then rename ${from}`,
  });
}

function totals(results: readonly CodeMoveResult[]): Record<string, number> {
  const sum = (key: 'moved' | 'folded' | 'human' | 'decisionsMoved' | 'decisionsFolded' | 'memosMoved'): number => results.reduce((n, r) => n + r[key], 0);
  return { codes: results.length, moved: sum('moved'), folded: sum('folded'), human: sum('human'), decisionsMoved: sum('decisionsMoved'), decisionsFolded: sum('decisionsFolded'), memosMoved: sum('memosMoved') };
}

function report(ctx: Ctx, kind: 'rename' | 'merge', { from, to }: CodeMove, results: readonly CodeMoveResult[], dryRun: boolean): void {
  const [move, fold] = dryRun ? ['would move', 'would fold'] : ['moved', 'folded'];
  for (const r of results) {
    const all = r.moved + r.folded;
    let line = `${r.from} → ${r.to}: ${r.moved} ${r.moved === 1 ? 'coding' : 'codings'} ${move}`;
    if (r.folded) line += `, ${r.folded} ${fold} into the same coder's coding`;
    line += ` (${r.human} of the ${all} by people)`;
    const decisions = r.decisionsMoved + r.decisionsFolded;
    if (decisions) line += `; ${decisions} review ${decisions === 1 ? 'decision' : 'decisions'} ${move}${r.decisionsFolded ? ` (${r.decisionsFolded} ${fold})` : ''}`;
    if (r.memosMoved) line += `; ${r.memosMoved} ${r.memosMoved === 1 ? 'memo' : 'memos'} ${move}`;
    notice(ctx, line);
  }
  const below = results.filter((r) => r.from !== from).length;
  const codesBelow = below ? ` (and ${below} ${below === 1 ? 'code' : 'codes'} below it)` : '';
  notice(
    ctx,
    dryRun
      ? 'Dry run: nothing changed; run again without --dry-run to apply'
      : kind === 'rename'
        ? `Renamed ${from} to ${to}${codesBelow}`
        : `Merged ${from} into ${to}`,
  );
}
