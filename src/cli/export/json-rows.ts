import { jsonArrayEnd, jsonArrayJoint, jsonElement } from '../../report/json-array.js';
import type { ExportPace, ExportSink } from '../export-sink.js';
import { writeRowLines } from './row-lines.js';

/**
 * Writes rows as one JSON array, each as it comes (the rows are never all in memory), byte for byte as
 * writeJson writes the whole array. `element` writes one (jsonElement unless a listing has its own).
 * Returns how many rows were written.
 */
export async function writeJsonRows<T>(sink: ExportSink, pace: ExportPace, rows: Iterable<T>, element: (row: T) => string = jsonElement): Promise<number> {
  const written = await writeRowLines(sink, pace, rows, (row, i) => jsonArrayJoint(i) + element(row));
  sink.write(jsonArrayEnd(written));
  return written;
}
