import { parseSegmentAddress } from '../../core/segment-address.js';
import { InputError } from '../../errors.js';
import { findCodebookBySha } from '../../store/codebooks.js';
import { addManualCodings, findSegments, removeCodings } from '../../store/codings.js';
import { recordAudit } from '../../store/audit.js';
import { listSourceNames } from '../../store/sources.js';
import { actorOf, type Ctx } from '../context.js';
import { checkCodeIds, currentCodebook } from '../known-codes.js';
import type { ExitCode } from '../exit-code.js';
import { withProject, type Project } from '../open-project.js';
import { closest } from '../../core/did-you-mean.js';

/** `telaah code add <source> <segment|range> <code…>`: a human coding on each segment. */
export async function run(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<ExitCode> {
  return change(ctx, args, opts, 'add');
}

/** Shared by `code add` and `code remove`: resolve source, segments and codes, then change the codings. */
export async function change(ctx: Ctx, args: string[], opts: Record<string, unknown>, action: 'add' | 'remove'): Promise<ExitCode> {
  const [source, address, ...codes] = args as [string, string, ...string[]];
  const range = parseSegmentAddress(address);
  return withProject(ctx, opts, (project) => {
    const { codebook, sha256 } = currentCodebook(project);
    checkCodeIds(codebook, codes);
    const segments = resolveSegments(project, source, address, range);
    const coder = typeof opts.coder === 'string' && opts.coder.trim() ? opts.coder.trim() : actorOf(ctx);
    const now = ctx.now().toISOString();
    let changed: number;
    if (action === 'add') {
      const codebookId = findCodebookBySha(project.db, sha256)?.id ?? null;
      const memo = typeof opts.memo === 'string' ? opts.memo : null;
      changed = addManualCodings(
        project.db,
        segments.flatMap((s) => codes.map((code) => ({ segmentId: s.id, code, coder, origin: 'manual' as const, start: s.start, end: s.end, memo, codebookId }))),
        now,
      );
    } else {
      changed = removeCodings(project.db, segments.map((s) => s.id), codes, coder);
      if (changed === 0) {
        throw new InputError(`${coder} has no coding ${codes.join(', ')} on ${source} ${address}`, {
          hint: 'See them with `telaah codings list --source ' + source + '`; use --coder for another coder',
        });
      }
    }
    recordAudit(project.db, { at: now, actor: actorOf(ctx), command: `code ${action}`, arguments: args, counts: { codings: changed } });
    const total = segments.length * codes.length;
    ctx.stderr.write(
      action === 'add'
        ? `Added ${changed} ${changed === 1 ? 'coding' : 'codings'} by ${coder} on ${source} ${address}${changed < total ? ` (${total - changed} already there)` : ''}\n`
        : `Removed ${changed} ${changed === 1 ? 'coding' : 'codings'} by ${coder} from ${source} ${address}\n`,
    );
    return 0;
  });
}

function resolveSegments(project: Project, source: string, address: string, range: ReturnType<typeof parseSegmentAddress>) {
  const segments = findSegments(project.db, source, range);
  if (segments.length > 0) return segments;
  const names = listSourceNames(project.db);
  if (!names.includes(source)) {
    const near = closest(source, names, 2);
    throw new InputError(`no source named "${source}"`, { hint: near.length ? `Did you mean ${near.join(' or ')}?` : 'List them with `telaah sources list`' });
  }
  throw new InputError(`${source} has no segment ${address}`, { hint: `See its turns and sentences with \`telaah sources show ${source} --sentences\`` });
}
