import { EvidenceUnitCount } from '../../core/analysis/evidence-units.js';
import { segmentMemosCell } from '../../report/codings-csv.js';
import { listFilterValues } from '../../store/filter-values.js';
import { codingsHaveMemos, iterateCodings, type CodingFilter, type CodingRow } from '../../store/list-codings.js';
import type { Db } from '../../store/open.js';
import type { SourceType } from '../../core/transcript/types.js';
import { checkCodingFilter, codingFilterOf } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { writeCodingsCsv } from '../export/codings-csv.js';
import { runExport, type ExportPace, type ExportSink } from '../export-sink.js';
import { writeRowLines } from '../export/row-lines.js';
import { writeJsonRows } from '../export/json-rows.js';
import type { ListingOptions, WhereOption } from '../flags.js';
import { currentCodebook } from '../known-codes.js';
import { withProjectToRead } from '../open-project.js';
import { displayWidth, outputMode, tableCell, tableLayout, tsvHeader, tsvRow, type Column } from '../output.js';
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
    // JSON, and the tab-separated table a pipe gets, are written as the rows come too.
    if (mode === 'json') {
      const done = await runExport(ctx, {}, (sink, pace) => writeJsonRows(sink, pace, iterateCodings(project.db, filter)));
      return done.interrupted ? 130 : 0;
    }
    if (!ctx.stdoutIsTTY) {
      const done = await runExport(ctx, {}, (sink, pace) => writeTsv(ctx, project.db, filter, sink, pace));
      if (done.interrupted) return 130;
      ctx.stderr.write(paint(ctx).dim(`${summarize(done.result)}\n`));
      return 0;
    }
    // A terminal's table is sized to its widest cells: measured before the first line is written.
    renderTable(opts.wide === true ? { ...ctx, columns: Number.MAX_SAFE_INTEGER } : ctx, project.db, filter);
    return 0;
  });
}

/** The table's columns: the memo column only when some listed coding has a memo to show. */
function tableColumns(hasMemo: boolean): Column[] {
  return [
    { title: 'source', shrink: true },
    { title: 'segment' },
    { title: 'code' },
    { title: 'coder' },
    { title: 'origin', optional: true },
    { title: 'text', shrink: true },
    ...(hasMemo ? [{ title: 'memo', shrink: true, optional: true }] : []),
  ];
}

/** A coding's cells in the table (whitespace runs folded so a row stays one line). */
function tableCells(r: CodingRow, hasMemo: boolean): (string | number | null)[] {
  return [r.source, r.segment, r.code, r.coder, r.origin, r.text.replace(/\s+/g, ' '), ...(hasMemo ? [[r.memo, segmentMemosCell(r)].filter(Boolean).join(' | ').replace(/\s+/g, ' ')] : [])];
}

// A terminal table of up to this many rows is held while its widths are measured; a longer one is read
// twice (measured, then written), so a listing of any length costs the memory of this many rows.
const HELD_ROWS = 20_000;

/** The table on a terminal, sized to its widest cells as writeTable sizes it, and the count line under it. */
export function renderTable(ctx: Ctx, db: Db, filter: CodingFilter, heldRows = HELD_ROWS): void {
  const c = paint(ctx);
  const hasMemo = codingsHaveMemos(db, filter);
  const columns = tableColumns(hasMemo);
  const cellsOf = (row: CodingRow): string[] => tableCells(row, hasMemo).map((cell) => tableCell(ctx, cell));
  const full = columns.map((col) => displayWidth(col.title));
  const counted = new Tally();
  let held: string[][] | undefined = [];
  for (const row of iterateCodings(db, filter)) {
    counted.add(row);
    const cells = cellsOf(row);
    cells.forEach((cell, i) => (full[i] = Math.max(full[i]!, displayWidth(cell))));
    if (held && held.push(cells) > heldRows) held = undefined;
  }
  const table = tableLayout(ctx, columns, full);
  ctx.stdout.write(`${c.bold(table.header)}\n`);
  const rows = held ?? (function* (): Generator<string[]> {
    for (const row of iterateCodings(db, filter)) yield cellsOf(row);
  })();
  for (const cells of rows) ctx.stdout.write(`${table.line(cells)}\n`);
  if (table.hidden) ctx.stdout.write(`${table.hidden}\n`);
  ctx.stdout.write(c.dim(`${summarize(counted)}\n`));
}

/** The table as writeTable gives it to a pipe, a row at a time; returns what the count line says. */
async function writeTsv(ctx: Ctx, db: Db, filter: CodingFilter, sink: ExportSink, pace: ExportPace): Promise<Tally> {
  // Asked first: the header says whether there is a memo column before any row is read.
  const hasMemo = codingsHaveMemos(db, filter);
  sink.write(tsvHeader(tableColumns(hasMemo)));
  const counted = new Tally();
  await writeRowLines(sink, pace, iterateCodings(db, filter), (row) => {
    counted.add(row);
    return tsvRow(ctx, tableCells(row, hasMemo));
  });
  return counted;
}

/** What the count line counts, gathered a row at a time (segments as every other command counts evidence). */
class Tally {
  codings = 0;
  rejections = 0;
  readonly segments = new EvidenceUnitCount();

  add(row: CodingRow): void {
    if (row.origin === 'rejected') this.rejections += 1;
    else {
      this.codings += 1;
      this.segments.add(row);
    }
  }
}

/** "12 codings on 9 segments": segments counted as every other command counts evidence. */
function summarize({ codings, rejections, segments: counted }: Tally): string {
  const parts: string[] = [];
  if (codings || !rejections) {
    const segments = counted.count;
    parts.push(`${codings} ${codings === 1 ? 'coding' : 'codings'} on ${segments} coded ${segments === 1 ? 'segment' : 'segments'}`);
  }
  if (rejections) parts.push(`${rejections} ${rejections === 1 ? 'rejection' : 'rejections'}`);
  return parts.join(', ');
}
