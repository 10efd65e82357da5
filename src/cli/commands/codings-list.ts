import { countEvidenceUnits } from '../../core/analysis/evidence-units.js';
import { listFilterValues } from '../../store/filter-values.js';
import { iterateCodings, type CodingRow } from '../../store/list-codings.js';
import type { SourceType } from '../../core/transcript/types.js';
import { checkCodingFilter, codingFilterOf } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions, WhereOption } from '../flags.js';
import { currentCodebook } from '../known-codes.js';
import { withProject } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable } from '../output.js';
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

const FIELDS = ['source', 'sourceType', 'segment', 'speaker', 'participant', 'start', 'end', 'text', 'matched', 'code', 'coder', 'origin', 'confidence', 'memo'] as const;

/** `telaah codings list`: codings with their evidence, filtered. */
export async function run(ctx: Ctx, _args: string[], opts: CodingsListOptions): Promise<ExitCode> {
  return withProject(ctx, opts, (project) => {
    // The codebook is read only to check a --code filter against it.
    const codebook = opts.code !== undefined && project.config.codebook ? currentCodebook(project).codebook : null;
    const filter = checkCodingFilter(codingFilterOf(opts), () => listFilterValues(project.db), codebook);
    const rows = [...iterateCodings(project.db, filter)];
    const mode = outputMode(opts);
    if (mode === 'json') writeJson(ctx, rows);
    else if (mode === 'csv') writeCsv(ctx, [...FIELDS, 'memos'], rows.map((r) => [...FIELDS.map((f) => r[f]), segmentMemos(r)]));
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
    rows.map((r) => [r.source, r.segment, r.code, r.coder, r.origin, r.text.replace(/\s+/g, ' '), ...(hasMemo ? [[r.memo, segmentMemos(r)].filter(Boolean).join(' | ').replace(/\s+/g, ' ')] : [])]),
    { header: c.bold },
  );
  // The count line is for people: on a terminal under the table, else on stderr so pipes get only rows.
  const line = c.dim(`${summarize(rows)}\n`);
  if (ctx.stdoutIsTTY) ctx.stdout.write(line);
  else ctx.stderr.write(line);
}

/** The memos on a row's segment in one cell: `rina: text | budi: text`. */
function segmentMemos(row: CodingRow): string {
  return row.memos.map((m) => `${m.author}: ${m.text}`).join(' | ');
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
