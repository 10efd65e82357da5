import { parseQuery } from '../../core/analysis/query/parse-query.js';
import { formatSegment } from '../../core/segment-address.js';
import { renderCsvRow } from '../../report/csv.js';
import { jsonArrayEnd, jsonArrayJoint } from '../../report/json-array.js';
import { QUERY_CSV_FIELDS, QUERY_TABLE_COLUMNS, queryCountLine, queryCsvValues, queryRowJson, queryTable, queryTableCells, type QueryRow } from '../../report/query-results.js';
import { iterateUnitRows } from '../../store/coded-units.js';
import { inReadingOrder, runQuery } from '../analysis/run-query.js';
import { openAnalysisScope, unitNames, type AnalysisOptions } from '../analysis/scope.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
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
  return withProjectToRead(ctx, opts, (project) => {
    const scope = openAnalysisScope(project, opts);
    const result = inReadingOrder(project, runQuery(project, scope, query), scope.sources());
    const mode = outputMode(opts);
    const out = batched(ctx);
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
    if (mode === 'json') {
      let written = 0;
      for (const row of rows) out.write(jsonArrayJoint(written++) + queryRowJson(row));
      out.write(jsonArrayEnd(written));
      out.flush();
      return 0;
    }
    if (mode === 'csv') {
      out.write(renderCsvRow(QUERY_CSV_FIELDS));
      for (const row of rows) out.write(renderCsvRow(queryCsvValues(row)));
      out.flush();
      return 0;
    }
    const c = paint(ctx);
    if (ctx.stdoutIsTTY) {
      const width = opts.wide === true ? Number.MAX_SAFE_INTEGER : ctx.columns;
      const table = queryTable([...rows], width);
      writeTable({ ...ctx, columns: width }, table.columns, table.cells, { header: c.bold });
      if (table.hidden.length) ctx.stdout.write(c.dim(`(not shown, see --wide or --csv: ${table.hidden.join(', ')})\n`));
    } else {
      out.write(`${QUERY_TABLE_COLUMNS.map((col) => col.title).join('\t')}\n`);
      for (const row of rows) out.write(`${queryTableCells(row).join('\t')}\n`);
      out.flush();
    }
    // The count line is for people: under the table on a terminal, else on stderr so pipes get only rows.
    const line = c.dim(`${queryCountLine({ units: result.ids.length, sources: sources.size, participants: participants.size })}\n`);
    if (ctx.stdoutIsTTY) ctx.stdout.write(line);
    else ctx.stderr.write(line);
    return 0;
  });
}

/** Writes to stdout in chunks of about 64 KB: one write per row would cost a system call per row. */
function batched(ctx: Ctx): { write(text: string): void; flush(): void } {
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (pending.length) ctx.stdout.write(pending.join(''));
    pending = [];
    size = 0;
  };
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= 65536) flush();
    },
    flush,
  };
}
