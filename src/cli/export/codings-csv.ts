import { CODINGS_CSV_HEADER, codingCsvCells } from '../../report/codings-csv.js';
import { renderCsvRow } from '../../report/csv.js';
import { iterateCodings, type CodingFilter } from '../../store/list-codings.js';
import type { Db } from '../../store/open.js';
import type { ExportPace, ExportSink } from '../export-sink.js';

/**
 * Writes the codings the filter keeps as CSV (the columns of `codings list --csv`), as they come from
 * the database: the rows are never all in memory. Returns how many rows were written.
 */
export async function writeCodingsCsv(db: Db, filter: CodingFilter, sink: ExportSink, pace: ExportPace): Promise<number> {
  sink.write(renderCsvRow(CODINGS_CSV_HEADER));
  let rows = 0;
  for (const row of iterateCodings(db, filter)) {
    sink.write(renderCsvRow(codingCsvCells(row)));
    rows += 1;
    // Awaited only when it waits: a microtask per row would cost more than the row.
    const wait = pace();
    if (wait) await wait;
  }
  return rows;
}
