import { attributeCsv, cooccurrenceCsv } from '../../report/matrix.js';
import { renderCsvRow } from '../../report/csv.js';
import type { MatrixCodeChoice } from '../../core/analysis/matrix-codes.js';
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
  const { header, rows } =
    opts.matrix === 'cooccurrence'
      ? cooccurrenceCsv(readCooccurrenceMatrix(project, opts).matrix, opts.jaccard === true)
      : attributeCsvOf(readAttributeMatrix(project, { ...opts, by: opts.by! }, false));
  sink.write(renderCsvRow(header));
  for (const row of rows) sink.write(renderCsvRow(row));
  return rows.length;
}

function attributeCsvOf(read: ReturnType<typeof readAttributeMatrix>): ReturnType<typeof attributeCsv> {
  return attributeCsv(read.matrix, read.byName, read.base);
}
