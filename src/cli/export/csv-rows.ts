import { renderCsvRow } from '../../report/csv.js';
import { rowCheckpoint, type ExportPace, type ExportSink } from '../export-sink.js';

/**
 * Writes the header, then each row's cells as it comes (the rows are never all in memory), stopping at
 * the pace's checkpoints so Ctrl-C is heard. Returns how many rows were written.
 */
export async function writeCsvRows<T>(sink: ExportSink, pace: ExportPace, header: readonly unknown[], rows: Iterable<T>, cells: (row: T) => readonly unknown[]): Promise<number> {
  sink.write(renderCsvRow(header));
  let written = 0;
  for (const row of rows) {
    sink.write(renderCsvRow(cells(row)));
    written += 1;
    // Awaited only when it waits: a microtask per row would cost more than the row.
    const wait = rowCheckpoint(sink, pace);
    if (wait) await wait;
  }
  return written;
}
