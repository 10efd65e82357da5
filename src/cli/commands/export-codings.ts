import { formatCodingLine } from '../../core/team/coding-line.js';
import { listFilterValues } from '../../store/filter-values.js';
import { iterateTeamCodings } from '../../store/team-codings.js';
import { checkCodingFilter } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { rowCheckpoint, runExport, type ExportTarget } from '../export-sink.js';
import type { GlobalOptions } from '../flags.js';
import { currentCodebook } from '../known-codes.js';
import { withProjectToRead } from '../open-project.js';
import { formatCount } from '../progress.js';
import { notice } from '../notice.js';

/** Options of `telaah export codings`. */
export interface ExportCodingsOptions extends GlobalOptions, Pick<ExportTarget, 'out'> {
  jsonl?: boolean;
  coder?: string;
  origin?: string[];
  code?: string;
  source?: string;
}

/** What a person codes: the origins written when --origin is not given. */
const HUMAN_ORIGINS = ['manual', 'accepted', 'imported'];

/** `telaah export codings [--jsonl]`: one coding per line, anchored and sorted, for another coder's project. */
export async function run(ctx: Ctx, _args: string[], opts: ExportCodingsOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, async (project): Promise<ExitCode> => {
    const codebook = opts.code !== undefined && project.config.codebook ? currentCodebook(project).codebook : null;
    const { code, source, coder } = checkCodingFilter({ code: opts.code, source: opts.source, coder: opts.coder }, () => listFilterValues(project.db), codebook);
    const origins = opts.origin ?? HUMAN_ORIGINS;
    const done = await runExport(ctx, { out: opts.out }, async (sink, pace) => {
      let n = 0;
      for (const coding of iterateTeamCodings(project.db, { code, source, coder, origins })) {
        sink.write(`${formatCodingLine(coding)}\n`);
        n += 1;
        const wait = rowCheckpoint(sink, pace);
        if (wait) await wait;
      }
      return n;
    });
    if (done.interrupted) return 130;
    const lines = done.result;
    if (opts.out !== undefined) notice(ctx, `Wrote ${formatCount(lines)} ${lines === 1 ? 'coding' : 'codings'} (${origins.join(', ')}) to ${opts.out}`);
    return 0;
  });
}
