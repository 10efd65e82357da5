import type { MatrixCodeChoice } from '../../core/analysis/matrix-codes.js';
import { renderCsvRow } from '../../report/csv.js';
import { attributeCsv, cooccurrenceCsv } from '../../report/matrix.js';
import { readAttributeMatrix, readCooccurrenceMatrix } from '../analysis/read-matrix.js';
import type { AnalysisOptions } from '../analysis/scope.js';
import type { ExportSink } from '../export-sink.js';
import type { Project } from '../open-project.js';

/** Which matrix `export csv --what matrix` writes, and how. */
export interface MatrixExportOptions extends AnalysisOptions, MatrixCodeChoice {
  matrix: 'attributes' | 'cooccurrence';
  /** The attribute of `--matrix attributes`. */
  by?: string;
  jaccard?: boolean;
}

/**
 * Writes the framework matrix (what `matrix attributes --by KEY --csv` prints) or the co-occurrence
 * matrix (what `matrix cooccurrence --csv` prints), counted by the same functions. Returns the rows written.
 */
export function writeMatrixCsv(project: Project, opts: MatrixExportOptions, sink: ExportSink): number {
  let table: { header: string[]; rows: unknown[][] };
  if (opts.matrix === 'cooccurrence') table = cooccurrenceCsv(readCooccurrenceMatrix(project, opts).matrix, opts.jaccard === true);
  else {
    const { matrix, byName, base } = readAttributeMatrix(project, { ...opts, by: opts.by! }, false);
    table = attributeCsv(matrix, byName, base);
  }
  sink.write(renderCsvRow(table.header));
  for (const row of table.rows) sink.write(renderCsvRow(row));
  return table.rows.length;
}
