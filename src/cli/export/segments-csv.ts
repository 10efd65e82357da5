import { renderCsvRow } from '../../report/csv.js';
import { attributeKeys, SegmentTable } from '../../report/export-tables.js';
import { listParticipantAttributes } from '../../store/coded-units.js';
import { iterateSegmentRecords, type SegmentFilter } from '../../store/export-segments.js';
import type { Db } from '../../store/open.js';
import type { ExportPace, ExportSink } from '../export-sink.js';

/**
 * Writes every segment the filter keeps (turns and sentences, by source and in reading order) as CSV,
 * one source's text in memory at a time. Returns how many rows were written.
 */
export async function writeSegmentsCsv(db: Db, filter: SegmentFilter, sink: ExportSink, pace: ExportPace, onSource?: () => void): Promise<number> {
  const participants = new Map(listParticipantAttributes(db).map((p) => [p.id, p]));
  const table = new SegmentTable(attributeKeys([...participants.values()].map((p) => p.attributes)));
  sink.write(renderCsvRow(table.header));
  let rows = 0;
  let source: string | undefined;
  for (const segment of iterateSegmentRecords(db, filter)) {
    if (segment.source !== source) {
      source = segment.source;
      onSource?.();
    }
    sink.write(renderCsvRow(table.row(segment, segment.participantId === null ? undefined : participants.get(segment.participantId))));
    rows += 1;
    // Awaited only when it waits: a microtask per row would cost more than the row.
    const wait = pace();
    if (wait) await wait;
  }
  return rows;
}
