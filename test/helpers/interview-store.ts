import { buildSource } from '../../src/core/transcript/build-source.js';
import { addManualCodings, findSegments } from '../../src/store/codings.js';
import { openStore, type Db } from '../../src/store/open.js';
import { upsertParticipants } from '../../src/store/participants.js';
import { SourceWriter } from '../../src/store/sources.js';

/** A segment found by its address. */
export interface FoundSegment {
  id: number;
  start: number;
  end: number;
}

/**
 * An in-memory project with two sources: interview w01 (a question, Sumiati's answer of two sentences,
 * a question, her answer of one) and a one-sentence note a-note; `seg('w01', '2.2')` finds a segment.
 */
export function interviewStore(): { db: Db; seg: (source: string, address: string) => FoundSegment } {
  const db = openStore(':memory:', { create: true });
  upsertParticipants(db, [{ pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: {} }], 'now');
  const writer = new SourceWriter(db);
  const ids = new Map([['Sumiati', 1]]);
  const info = (name: string) => ({ name, type: 'interview' as const, file: `${name}.txt`, sha256: name, encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} });
  const turn = (speaker: string | null, text: string) => ({
    speaker,
    role: speaker === 'Pewawancara' ? ('interviewer' as const) : speaker ? ('participant' as const) : null,
    participant: speaker === 'Sumiati' ? 'Sumiati' : null,
    text,
    startMs: null,
    endMs: null,
  });
  writer.write(info('w01'), buildSource([turn('Pewawancara', 'Apa kabar?'), turn('Sumiati', 'Baik. Dia bawa leaflet.'), turn('Pewawancara', 'Lalu?'), turn('Sumiati', 'Penghasilan nggak tentu.')]), ids, 'now', false);
  writer.write(info('a-note'), buildSource([turn(null, 'Poster besar.')]), ids, 'now', false);
  const seg = (source: string, address: string): FoundSegment => {
    const [t, s] = address.split('.').map(Number) as [number, number | undefined];
    const point = { turn: t, sentence: s ?? 0 };
    return findSegments(db, source, { from: point, to: point }).segments[0]!;
  };
  return { db, seg };
}

/** A manual coding by `coder` of the whole segment. */
export function codeSegment(db: Db, segment: FoundSegment, code: string, coder: string): void {
  addManualCodings(db, [{ segmentId: segment.id, code, coder, origin: 'manual', start: segment.start, end: segment.end, memo: null, codebookId: null }], 'now');
}

/** An unreviewed auto-coder proposal of `code` on the whole segment. */
export function proposeAutoCode(db: Db, segment: FoundSegment, code: string): void {
  db.prepare(`INSERT INTO codings (segment_id, code, coder, origin, start, end, created_at) VALUES (?, ?, 'auto', 'auto', ?, ?, 'now')`).run(segment.id, code, segment.start, segment.end);
}
