import { countEvidenceUnits } from '../../core/analysis/evidence-units.js';
import { segmentMemosCell } from '../../report/codings-csv.js';
import { listFilterValues } from '../../store/filter-values.js';
import { iterateCodings, type CodingRow } from '../../store/list-codings.js';
import type { SourceType } from '../../core/transcript/types.js';
import { checkCodingFilter, codingFilterOf } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { writeCodingsCsv } from '../export/codings-csv.js';
import { runExport } from '../export-sink.js';
import type { ListingOptions, WhereOption } from '../flags.js';
import { currentCodebook } from '../known-codes.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeJson, writeTable } from '../output.js';
import { paint } from '../style.js';

/** Options of `telaah codings list`. */
export interface CodingsListOptions extends ListingOptions {
  code?: string;
  source?: string;
  type?: SourceType;
  coder?: string;
  origin?: string[];
  where?: WhereOption;
  wide?: boolean;
}

/** `telaah codings list`: codings with their evidence, filtered. */
export async function run(ctx: Ctx, _args: string[], opts: CodingsListOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, async (project): Promise<ExitCode> => {
    // The codebook is read only to check a --code filter against it.
    const codebook = opts.code !== undefined && project.config.codebook ? currentCodebook(project).codebook : null;
    const filter = checkCodingFilter(codingFilterOf(opts), () => listFilterValues(project.db), codebook);
    const mode = outputMode(opts);
    // CSV is written as the rows come: a listing of a million codings needs no array of them.
    if (mode === 'csv') {
      // As an export: Ctrl-C, and a closed pipe (`| head`), stop a long listing.
      const done = await runExport(ctx, {}, (sink, pace) => writeCodingsCsv(project.db, filter, sink, pace));
      return done.interrupted ? 130 : 0;
    }
    const rows = [...iterateCodings(project.db, filter)];
    if (mode === 'json') writeJson(ctx, rows);
    else renderTable(opts.wide === true ? { ...ctx, columns: Number.MAX_SAFE_INTEGER } : ctx, rows);
    return 0;
  });
}

function renderTable(ctx: Ctx, rows: CodingRow[]): void {
  const c = paint(ctx);
  const hasMemo = rows.some((r) => r.memo || r.memos.length);
  writeTable(
    ctx,
    [
      { title: 'source', shrink: true },
      { title: 'segment' },
      { title: 'code' },
      { title: 'coder' },
      { title: 'origin', optional: true },
      { title: 'text', shrink: true },
      ...(hasMemo ? [{ title: 'memo', shrink: true, optional: true }] : []),
    ],
    rows.map((r) => [r.source, r.segment, r.code, r.coder, r.origin, r.text.replace(/\s+/g, ' '), ...(hasMemo ? [[r.memo, segmentMemosCell(r)].filter(Boolean).join(' | ').replace(/\s+/g, ' ')] : [])]),
    { header: c.bold },
  );
  // The count line is for people: on a terminal under the table, else on stderr so pipes get only rows.
  const line = c.dim(`${summarize(rows)}\n`);
  if (ctx.stdoutIsTTY) ctx.stdout.write(line);
  else ctx.stderr.write(line);
}

/** "12 codings on 9 segments": segments counted as every other command counts evidence. */
function summarize(rows: CodingRow[]): string {
  const codings = rows.filter((r) => r.origin !== 'rejected');
  const rejections = rows.length - codings.length;
  const parts: string[] = [];
  if (codings.length || !rejections) {
    const segments = countEvidenceUnits(codings);
    parts.push(`${codings.length} ${codings.length === 1 ? 'coding' : 'codings'} on ${segments} coded ${segments === 1 ? 'segment' : 'segments'}`);
  }
  if (rejections) parts.push(`${rejections} ${rejections === 1 ? 'rejection' : 'rejections'}`);
  return parts.join(', ');
}
