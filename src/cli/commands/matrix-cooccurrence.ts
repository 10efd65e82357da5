import { cooccurrenceCsv, cooccurrenceLayout, cooccurrenceLegend, cooccurrenceTable } from '../../report/matrix.js';
import { layoutMatrix } from '../../report/matrix-layout.js';
import { readCooccurrenceMatrix } from '../analysis/read-matrix.js';
import type { AnalysisOptions } from '../analysis/scope.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable, writeText } from '../output.js';
import { paint } from '../style.js';

/** Options of `telaah matrix cooccurrence`. */
export interface MatrixCooccurrenceOptions extends ListingOptions, AnalysisOptions {
  codes?: string[];
  code?: string;
  categories?: boolean;
  jaccard?: boolean;
  wide?: boolean;
}

/** `telaah matrix cooccurrence`: codes against codes, units coded with both (or their Jaccard index). */
export async function run(ctx: Ctx, _args: string[], opts: MatrixCooccurrenceOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, (project) => {
    const { scope, matrix } = readCooccurrenceMatrix(project, opts);
    const jaccard = opts.jaccard === true;
    const mode = outputMode(opts);
    if (mode === 'json') writeJson(ctx, { unit: scope.unit, ...matrix });
    else if (mode === 'csv') {
      const { header, rows: lines } = cooccurrenceCsv(matrix, jaccard);
      writeCsv(ctx, header, lines);
    } else if (!ctx.stdoutIsTTY) {
      const table = cooccurrenceTable(matrix, jaccard);
      writeTable(ctx, table.columns, table.rows);
    } else {
      const c = paint(ctx);
      const width = opts.wide === true ? Infinity : ctx.columns;
      writeText(ctx, layoutMatrix(cooccurrenceLayout(matrix, jaccard), width));
      ctx.stdout.write(cooccurrenceLegend(scope.unit, jaccard, ctx.columns, c));
    }
    return 0;
  });
}
