import { NO_VALUE, QuotePicker, type AttributeMatrix } from '../../core/analysis/attribute-matrix.js';
import type { MatrixCode } from '../../core/analysis/matrix-codes.js';
import { unitSetOf } from '../../core/analysis/unit-sets.js';
import { shortenQuote } from '../../core/analysis/shorten-quote.js';
import { formatSegment } from '../../core/segment-address.js';
import { attributeCsv, attributeLayout, attributeLegend, attributeTable, leftOutNote, frameworkChartCsv, frameworkChartText, type ChartQuote, type FrameworkChart } from '../../report/matrix.js';
import { layoutMatrix } from '../../report/matrix-layout.js';
import { iterateUnitRows, type UnitNames } from '../../store/coded-units.js';
import type { UnitTriples } from '../../store/unit-ids.js';
import type { Db } from '../../store/open.js';
import { readAttributeMatrix } from '../analysis/read-matrix.js';
import { unitNames, type AnalysisOptions } from '../analysis/scope.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable, writeText } from '../output.js';
import { paint } from '../style.js';

/** Options of `telaah matrix attributes`. */
export interface MatrixAttributesOptions extends ListingOptions, AnalysisOptions {
  by: string;
  codes?: string[];
  code?: string;
  categories?: boolean;
  cell?: 'counts' | 'quotes';
  quotes?: number;
  wide?: boolean;
}

// A quote shorter than this says little ("Iya, BPJS."): such units are quoted only when a cell has no other.
const MIN_QUOTE = 30;

/** `telaah matrix attributes --by KEY`: codes against an attribute's values (the framework matrix). */
export async function run(ctx: Ctx, _args: string[], opts: MatrixAttributesOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, (project) => {
    const { db } = project;
    const { scope, byName, base, codes, triples, memberValue, matrix, withoutParticipant } = readAttributeMatrix(project, opts, opts.cell === 'quotes');
    const mode = outputMode(opts);
    const c = paint(ctx);
    if (opts.cell === 'quotes') {
      // A unit with no participant (member 0), or of a participant or source the filters leave out, has no column.
      const valueOfMember = (member: number): string | null | undefined => (memberValue.has(member) ? memberValue.get(member) : undefined);
      const chart = frameworkChart(db, unitNames(scope, db), matrix, codes, triples, valueOfMember, opts.quotes ?? 2);
      if (mode === 'json') writeJson(ctx, { by: byName, unit: scope.unit, base, leftOut: withoutParticipant, values: chart.values, codes: chart.codes.map(({ depth: _, quotes, ...code }) => ({ ...code, cells: code.cells.map((cell, i) => ({ ...cell, quotes: quotes[i] })) })) });
      else if (mode === 'csv') {
        const { header, rows: lines } = frameworkChartCsv(chart);
        writeCsv(ctx, header, lines);
      } else writeText(ctx, frameworkChartText(chart, base, opts.wide === true ? Number.MAX_SAFE_INTEGER : ctx.columns, c));
      return 0;
    }
    if (mode === 'json') writeJson(ctx, { by: byName, unit: scope.unit, base, leftOut: withoutParticipant, values: matrix.values, codes: matrix.codes.map(({ depth: _, ...code }) => code) });
    else if (mode === 'csv') {
      const { header, rows: lines } = attributeCsv(matrix, byName, base);
      writeCsv(ctx, header, lines);
    } else if (!ctx.stdoutIsTTY) {
      const table = attributeTable(matrix, base);
      writeTable(ctx, table.columns, table.rows);
    } else {
      writeText(ctx, layoutMatrix(attributeLayout(matrix, base), opts.wide === true ? Infinity : ctx.columns));
      ctx.stdout.write(attributeLegend(scope.unit, base, withoutParticipant, ctx.columns, c));
    }
    if (!ctx.stdoutIsTTY && mode === 'table' && withoutParticipant > 0) ctx.stderr.write(`${c.dim(leftOutNote(scope.unit, withoutParticipant))}\n`);
    return 0;
  });
}

/**
 * The matrix with the shortest quotes of each cell: one pass over the units read (with their lengths),
 * each offered to the cells of its codes' rows and its member's value; texts read only for those chosen.
 */
function frameworkChart(
  db: Db,
  names: UnitNames,
  matrix: AttributeMatrix,
  codes: readonly MatrixCode[],
  triples: UnitTriples,
  valueOfMember: (member: number) => string | null | undefined,
  k: number,
): FrameworkChart {
  const rowsOfCode = triples.codes.map((code) => codes.flatMap((c, row) => (c.family.includes(code) ? [row] : [])));
  const column = new Map(matrix.values.map((v, i) => [v.value, i]));
  const pickers = codes.map(() => matrix.values.map(() => new QuotePicker(k, MIN_QUOTE)));
  const columnOf = new Map<number, number | undefined>();
  for (let i = 0; i < triples.unit.length; i += 1) {
    const rows = rowsOfCode[triples.code[i]!]!;
    if (rows.length === 0) continue;
    const member = triples.member[i]!;
    let v = columnOf.get(member);
    if (!columnOf.has(member)) {
      const value = valueOfMember(member);
      columnOf.set(member, (v = value === undefined ? undefined : column.get(value ?? NO_VALUE)));
    }
    if (v === undefined) continue;
    for (const row of rows) pickers[row]![v]!.offer(triples.unit[i]!, triples.length![i]!);
  }
  const chosen = pickers.map((cells) => cells.map((p) => p.ids()));
  const quoteOf = new Map<number, ChartQuote>();
  for (const row of iterateUnitRows(db, unitSetOf(chosen.flat(2)), names)) {
    quoteOf.set(row.id, { source: row.source, segment: formatSegment(row.turn, row.sentence), participant: row.participant, text: shortenQuote(row.text) });
  }
  return { values: matrix.values, codes: matrix.codes.map((code, i) => ({ ...code, quotes: chosen[i]!.map((ids) => ids.map((id) => quoteOf.get(id)!)) })) };
}
