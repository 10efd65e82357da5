import { attributeKeys, SegmentTable } from '../../report/export-tables.js';
import { listParticipantAttributes } from '../../store/coded-units.js';
import { iterateSegmentRecords, type SegmentFilter } from '../../store/export-segments.js';
import type { Db } from '../../store/open.js';
import type { ExportPace, ExportSink } from '../export-sink.js';
import { writeCsvRows } from './csv-rows.js';

/**
 * Writes every segment the filter keeps (turns and sentences, by source and in reading order) as CSV,
 * one source's text in memory at a time. Returns how many rows were written.
 */
export async function writeSegmentsCsv(db: Db, filter: SegmentFilter, sink: ExportSink, pace: ExportPace, onSource?: () => void): Promise<number> {
  const participants = new Map(listParticipantAttributes(db).map((p) => [p.id, p]));
  const table = new SegmentTable(attributeKeys([...participants.values()].map((p) => p.attributes)));
  let source: string | undefined;
  return writeCsvRows(sink, pace, table.header, iterateSegmentRecords(db, filter), (segment) => {
    if (segment.source !== source) {
      source = segment.source;
      onSource?.();
    }
    return table.row(segment, segment.participantId === null ? undefined : participants.get(segment.participantId));
  });
}
