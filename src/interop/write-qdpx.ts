/**
 * Writes a project as a .qdpx archive one source at a time: project.qde streamed into its ZIP entry as
 * each source's selections are built, then the sources' plain texts, each read when its entry is written.
 * What is held at once is the outline, one source's text and codings, and a piece of the document, so a
 * project of millions of codings exports in bounded memory.
 */
import type { ProjectOutline, SnapshotCoding } from '../core/interop/snapshot.js';
import { RefiProjectBuilder } from './build-refi-project.js';
import type { RefiCode } from './refi-model.js';
import { writeProjectHead, writeProjectTail, writeTextSource } from './write-qde.js';
import { XmlWriter } from './xml-writer.js';
import type { ZipWriter } from './zip-writer.js';

/** What writing the archive reads from the project, by source id, one source at a time. */
export interface QdpxReader {
  text(sourceId: number): string;
  /** The source's codings that count, ordered by unit (start, end), code and coder. */
  codings(sourceId: number): SnapshotCoding[];
}

/** What an archive holds, for the summary line. */
export interface QdpxCounts {
  sources: number;
  codes: number;
  codings: number;
  selections: number;
  users: number;
  cases: number;
  notes: number;
}

/** A checkpoint between sources: a promise when the caller wants to yield (and may reject to stop). */
export type QdpxPace = () => Promise<void> | undefined;

/** Writes project.qde and sources/GUID.txt into `zip` (then finishes it); `origin` names the program. */
export async function writeQdpx(zip: ZipWriter, outline: ProjectOutline, origin: string, read: QdpxReader, pace: QdpxPace = () => undefined): Promise<QdpxCounts> {
  const builder = new RefiProjectBuilder(outline, origin);
  const encoder = new TextEncoder();
  const qde = zip.entry('project.qde');
  const xml = new XmlWriter((piece) => qde.write(encoder.encode(piece)));
  let selections = 0;
  let codings = 0;
  writeProjectHead(xml, builder.head);
  if (outline.sources.length > 0) {
    xml.start('Sources');
    for (let i = 0; i < outline.sources.length; i++) {
      const id = outline.sources[i]!.id;
      const source = builder.source(i, read.text(id), read.codings(id));
      selections += source.selections.length;
      for (const selection of source.selections) codings += selection.codings.length;
      writeTextSource(xml, 'TextSource', source);
      await pace();
    }
    xml.end();
  }
  const tail = builder.tail();
  writeProjectTail(xml, tail);
  xml.finish();
  qde.close();
  // In the order of their paths, as the archive has always listed them.
  const order = outline.sources.map((_, i) => i).sort((a, b) => (builder.filePath(a) < builder.filePath(b) ? -1 : 1));
  for (const i of order) {
    zip.add(builder.filePath(i), encoder.encode(read.text(outline.sources[i]!.id)));
    await pace();
  }
  zip.finish();
  return { sources: outline.sources.length, codes: countCodes(builder.head.codes), codings, selections, users: builder.head.users.length, cases: builder.head.cases.length, notes: tail.notes.length };
}

function countCodes(codes: readonly RefiCode[]): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
}
