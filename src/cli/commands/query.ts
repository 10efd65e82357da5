import { parseQuery } from '../../core/analysis/query/parse-query.js';
import { formatSegment } from '../../core/segment-address.js';
import { renderCsvRow } from '../../report/csv.js';
import { QUERY_CSV_FIELDS, QUERY_TABLE_COLUMNS, queryCountLine, queryCsvValues, queryRowJson, queryTable, queryTableCells, type QueryRow } from '../../report/query-results.js';
import { iterateUnitRows } from '../../store/coded-units.js';
import { inReadingOrder, runQuery } from '../analysis/run-query.js';
import { openAnalysisScope, unitNames, type AnalysisOptions } from '../analysis/scope.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { runExport } from '../export-sink.js';
import { writeJsonRows } from '../export/json-rows.js';
import { writeRowLines } from '../export/row-lines.js';
import type { ListingOptions } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeTable } from '../output.js';
import { paint } from '../style.js';

/** Options of `telaah query`. */
export interface QueryOptions extends ListingOptions, AnalysisOptions {
  wide?: boolean;
}

/** `telaah query "<expr>"`: the units whose codes match a boolean and proximity expression. */
export async function run(ctx: Ctx, args: string[], opts: QueryOptions): Promise<ExitCode> {
  // A syntax error is reported before the project is opened (and also outside one).
  const query = parseQuery(args.join(' '));
  return withProjectToRead(ctx, opts, async (project): Promise<ExitCode> => {
    const scope = openAnalysisScope(project, opts);
    const result = inReadingOrder(project, runQuery(project, scope, query), scope.sources());
    const mode = outputMode(opts);
    const sources = new Set<string>();
    const participants = new Set<string>();
    // Rows are written as they are read: a broad query over a large project never holds every text.
    const rows = (function* (): Generator<QueryRow> {
      let i = 0;
      for (const unit of iterateUnitRows(project.db, result.ids, unitNames(scope, project.db))) {
        sources.add(unit.source);
        if (unit.participant !== null) participants.add(unit.participant);
        yield {
          source: unit.source,
          sourceType: unit.sourceType,
          segment: formatSegment(unit.turn, unit.sentence),
          speaker: unit.speaker,
          participant: unit.participant,
          codes: result.codes[i++]!,
          text: unit.text,
          start: unit.start,
          end: unit.end,
        };
      }
    })();
    // As an export: written in chunks as the rows come, waiting while a slow pipe drains, and a closed
    // pipe (`| head`) or Ctrl-C stops a long listing at once.
    if (mode === 'json') {
      const done = await runExport(ctx, {}, (sink, pace) => writeJsonRows(sink, pace, rows, queryRowJson));
      return done.interrupted ? 130 : 0;
    }
    if (mode === 'csv') {
      const done = await runExport(ctx, {}, (sink, pace) => {
        sink.write(renderCsvRow(QUERY_CSV_FIELDS));
        return writeRowLines(sink, pace, rows, (row) => renderCsvRow(queryCsvValues(row)));
      });
      return done.interrupted ? 130 : 0;
    }
    const c = paint(ctx);
    if (ctx.stdoutIsTTY) {
      const width = opts.wide === true ? Number.MAX_SAFE_INTEGER : ctx.columns;
      const table = queryTable([...rows], width);
      writeTable({ ...ctx, columns: width }, table.columns, table.cells, { header: c.bold });
      if (table.hidden.length) ctx.stdout.write(c.dim(`(not shown, see --wide or --csv: ${table.hidden.join(', ')})\n`));
    } else {
      const done = await runExport(ctx, {}, (sink, pace) => {
        sink.write(`${QUERY_TABLE_COLUMNS.map((col) => col.title).join('\t')}\n`);
        return writeRowLines(sink, pace, rows, (row) => `${queryTableCells(row).join('\t')}\n`);
      });
      if (done.interrupted) return 130;
    }
    // The count line is for people: under the table on a terminal, else on stderr so pipes get only rows.
    const line = c.dim(`${queryCountLine({ units: result.ids.length, sources: sources.size, participants: participants.size })}\n`);
    if (ctx.stdoutIsTTY) ctx.stdout.write(line);
    else ctx.stderr.write(line);
    return 0;
  });
}

