import { CODINGS_CSV_HEADER, codingCsvCells } from '../../report/codings-csv.js';
import { iterateCodings, type CodingFilter } from '../../store/list-codings.js';
import type { Db } from '../../store/open.js';
import type { ExportPace, ExportSink } from '../export-sink.js';
import { writeCsvRows } from './csv-rows.js';

/**
 * Writes the codings the filter keeps as CSV (the columns of `codings list --csv`), as they come from
 * the database: the rows are never all in memory. Returns how many rows were written.
 */
export async function writeCodingsCsv(db: Db, filter: CodingFilter, sink: ExportSink, pace: ExportPace): Promise<number> {
  return writeCsvRows(sink, pace, CODINGS_CSV_HEADER, iterateCodings(db, filter), codingCsvCells);
}
