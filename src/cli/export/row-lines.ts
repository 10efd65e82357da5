import { rowCheckpoint, type ExportPace, type ExportSink } from '../export-sink.js';

/**
 * Writes each row's text as the row comes (the rows are never all in memory), waiting while stdout drains
 * and at the pace's checkpoints so Ctrl-C and a closed pipe are heard. Returns how many rows were written.
 */
export async function writeRowLines<T>(sink: ExportSink, pace: ExportPace, rows: Iterable<T>, text: (row: T, index: number) => string): Promise<number> {
  let written = 0;
  for (const row of rows) {
    sink.write(text(row, written));
    written += 1;
    // Awaited only when it waits: a microtask per row would cost more than the row.
    const wait = rowCheckpoint(sink, pace);
    if (wait) await wait;
  }
  return written;
}
