import { closest } from '../../core/did-you-mean.js';
import { parseSegmentAddress } from '../../core/segment-address.js';
import { InputError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { findCodebookBySha } from '../../store/codebooks.js';
import { addManualCodings, AUTO_CODER, findSegments, removeCodings, type AddressedSegment } from '../../store/codings.js';
import { listSourceNames } from '../../store/sources.js';
import { SUGGEST_CODER } from '../../store/suggestions.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';

/** Options of `telaah code add` and `code remove`. */
export interface CodeChangeOptions extends GlobalOptions {
  coder?: string;
  /** code add only. */
  memo?: string;
}
import { checkCodeIds, currentCodebook } from '../known-codes.js';
import { withProject, type Project } from '../open-project.js';
import { notice } from '../notice.js';

/** `telaah code add <source> <segment|range> <code…>`: a human coding on each segment. */
export async function run(ctx: Ctx, args: string[], opts: CodeChangeOptions): Promise<ExitCode> {
  return change(ctx, args, opts, 'add');
}

/** Shared by `code add` and `code remove`: resolve source, segments and codes, then change the codings. */
export async function change(ctx: Ctx, args: string[], opts: CodeChangeOptions, action: 'add' | 'remove'): Promise<ExitCode> {
  const [source, address, ...codes] = args as [string, string, ...string[]];
  const range = parseSegmentAddress(address);
  return withProject(ctx, opts, (project) => {
    const { codebook, sha256 } = currentCodebook(project);
    checkCodeIds(codebook, codes);
    const { segments, skippedInterviewer } = resolveSegments(project, source, address, range);
    const named = opts.coder ?? actorOf(ctx);
    const now = ctx.now().toISOString();
    const skipped = skippedInterviewer ? ` (${skippedInterviewer} interviewer ${skippedInterviewer === 1 ? 'turn' : 'turns'} in the range left out)` : '';
    const where = `${source} ${address}`;
    if (action === 'add') {
      const codebookId = findCodebookBySha(project.db, sha256)?.id ?? null;
      const memo = opts.memo ?? null;
      const { added, memos } = addManualCodings(
        project.db,
        segments.flatMap((s) => codes.map((code) => ({ segmentId: s.id, code, coder: named, origin: 'manual' as const, start: s.start, end: s.end, memo, codebookId }))),
        now,
      );
      recordAudit(project.db, { at: now, actor: actorOf(ctx), command: 'code add', arguments: args, counts: { codings: added, memos } });
      const already = segments.length * codes.length - added;
      const notes = [already > 0 ? `${already} already there` : '', memos > 0 ? `memo added to ${memos}` : ''].filter(Boolean).join('; ');
      notice(ctx, `Added ${plural(added, 'coding')} by ${named} on ${where}${notes ? ` (${notes})` : ''}${skipped}`);
      return 0;
    }
    // Taking a code off the auto-coder's or the suggester's segments is a rejection by the person doing it.
    const coder = named === AUTO_CODER || named === SUGGEST_CODER ? actorOf(ctx) : named;
    const { removed, rejected } = removeCodings(project.db, segments.map((s) => s.id), codes, coder, now);
    if (removed + rejected === 0) {
      throw new InputError(`${coder} has no coding ${codes.join(', ')} on ${where}, and no automatic coding is there to reject`, {
        hint: `See them with \`telaah codings list --source ${source}\`; use --coder for another coder`,
      });
    }
    recordAudit(project.db, { at: now, actor: actorOf(ctx), command: 'code remove', arguments: args, counts: { codings: removed, rejected } });
    const parts = [removed > 0 ? `Removed ${plural(removed, 'coding')} by ${coder}` : '', rejected > 0 ? `rejected ${plural(rejected, 'automatic coding')} (recorded as ${coder}'s rejection: \`code auto\` will not count it again)` : ''];
    const text = parts.filter(Boolean).join('; ');
    notice(ctx, `${text[0]!.toUpperCase()}${text.slice(1)} on ${where}${skipped}`);
    return 0;
  });
}

function plural(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

function resolveSegments(project: Project, source: string, address: string, range: ReturnType<typeof parseSegmentAddress>): { segments: AddressedSegment[]; skippedInterviewer: number } {
  const found = findSegments(project.db, source, range);
  if (found.segments.length > 0) return found;
  const names = listSourceNames(project.db);
  if (!names.includes(source)) {
    const near = closest(source, names, 2);
    throw new InputError(`no source named "${source}"`, { hint: near.length ? `Did you mean ${near.join(' or ')}?` : 'List them with `telaah sources list`' });
  }
  if (found.skippedInterviewer > 0) {
    throw new InputError(`${source} ${address} holds only interviewer turns`, { hint: 'Code an interviewer turn by naming it alone, e.g. `telaah code add SOURCE 3 CODE`' });
  }
  throw new InputError(`${source} has no segment ${address}`, { hint: `See its turns and sentences with \`telaah sources show ${source} --sentences\`` });
}
