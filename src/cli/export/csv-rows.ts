import { renderCsvRow } from '../../report/csv.js';
import type { ExportPace, ExportSink } from '../export-sink.js';
import { writeRowLines } from './row-lines.js';

/**
 * Writes the header, then each row's cells as it comes (the rows are never all in memory), stopping at
 * the pace's checkpoints so Ctrl-C is heard. Returns how many rows were written.
 */
export async function writeCsvRows<T>(sink: ExportSink, pace: ExportPace, header: readonly unknown[], rows: Iterable<T>, cells: (row: T) => readonly unknown[]): Promise<number> {
  sink.write(renderCsvRow(header));
  return writeRowLines(sink, pace, rows, (row) => renderCsvRow(cells(row)));
}
