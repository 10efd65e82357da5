import { attributeMatrix, attributeValues, NO_VALUE, QuotePicker, type AttributeMatrix, type ValueCodeUnits } from '../../core/analysis/attribute-matrix.js';
import type { MatrixCode } from '../../core/analysis/matrix-codes.js';
import { unitSetOf } from '../../core/analysis/unit-sets.js';
import { shortenQuote } from '../../core/analysis/shorten-quote.js';
import { formatSegment } from '../../core/segment-address.js';
import { attributeCsv, attributeLayout, attributeLegend, attributeTable, leftOutNote, frameworkChartCsv, frameworkChartText, type ChartQuote, type FrameworkChart, type MatrixBase } from '../../report/matrix.js';
import { layoutMatrix } from '../../report/matrix-layout.js';
import { iterateUnitRows, type UnitNames } from '../../store/coded-units.js';
import { groupUnitIds, type UnitTriples } from '../../store/unit-ids.js';
import type { Db } from '../../store/open.js';
import { codeUnitsByParticipant, codeUnitsBySource, matrixCodesOf } from '../analysis/read-matrix.js';
import { openAnalysisScope, participantValue, readScopedTriples, unitNames, type AnalysisOptions } from '../analysis/scope.js';
import { resolveAttributeKey } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable } from '../output.js';
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
  return withProject(ctx, opts, (project) => {
    const { db } = project;
    const scope = openAnalysisScope(project, opts);
    const by = resolveAttributeKey(opts.by, scope.values);
    const base: MatrixBase = by.on === 'participant' ? 'participants' : 'sources';
    const codes = matrixCodesOf(scope, { codes: opts.codes, code: opts.code, categories: opts.categories });
    const quotes = opts.cell === 'quotes';
    const triples = readScopedTriples(project, scope, [...new Set(codes.flatMap((c) => c.family))], by.on, quotes);
    // Members are the participants (or sources) the filters keep; each has its value, or none.
    const memberValue = new Map<number, string | null>();
    let withoutParticipant = 0;
    let split: ValueCodeUnits[];
    if (by.on === 'participant') {
      const kept = scope.keptParticipants === null ? null : new Set(scope.keptParticipants);
      for (const p of scope.participants) if (kept === null || kept.has(p.id)) memberValue.set(p.id, participantValue(p, by.key));
      ({ codes: split, withoutParticipant } = codeUnitsByParticipant(codes, groupUnitIds(triples, 'participant'), memberValue));
    } else {
      // The source type is in the list already; other fields are read for this key alone.
      const byId = by.key === 'type' ? new Map(scope.sources().map((s) => [s.id, s.type as string])) : scope.values.sourceValueById(by.key);
      const kept = scope.keptSources === null ? null : new Set(scope.keptSources);
      for (const s of scope.sources()) if (kept === null || kept.has(s.id)) memberValue.set(s.id, byId.get(s.id) ?? null);
      split = codeUnitsBySource(codes, triples, (id) => memberValue.get(id) ?? null);
    }
    const matrix = attributeMatrix(split, attributeValues(memberValue));
    const byName = by.on === 'participant' ? by.key : `source.${by.key}`;
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
      } else ctx.stdout.write(frameworkChartText(chart, base, opts.wide === true ? Number.MAX_SAFE_INTEGER : ctx.columns, c));
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
      ctx.stdout.write(layoutMatrix(attributeLayout(matrix, base), opts.wide === true ? Infinity : ctx.columns));
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
