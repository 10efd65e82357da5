import { jsonArrayEnd, jsonArrayJoint, jsonElement } from '../../report/json-array.js';
import { rowCheckpoint, type ExportPace, type ExportSink } from '../export-sink.js';

/**
 * Writes rows as one JSON array, each as it comes (the rows are never all in memory), byte for byte as
 * writeJson writes the whole array; stops at the pace's checkpoints so Ctrl-C and a closed pipe are heard.
 * Returns how many rows were written.
 */
export async function writeJsonRows<T>(sink: ExportSink, pace: ExportPace, rows: Iterable<T>): Promise<number> {
  let written = 0;
  for (const row of rows) {
    sink.write(jsonArrayJoint(written) + jsonElement(row));
    written += 1;
    // Awaited only when it waits: a microtask per row would cost more than the row.
    const wait = rowCheckpoint(sink, pace);
    if (wait) await wait;
  }
  sink.write(jsonArrayEnd(written));
  return written;
}
