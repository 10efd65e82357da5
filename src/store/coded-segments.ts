import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { Db } from './open.js';

/**
 * The join every query about codings starts from: the coding, its segment and source, the segment's
 * turn (a sentence reads speaker, participant and media time from it) and the participant.
 */
export const CODED_SEGMENTS = `
         FROM codings c
         JOIN segments g ON g.id = c.segment_id
         JOIN sources s ON s.id = g.source_id
         LEFT JOIN segments t ON t.id = g.parent_id
         LEFT JOIN participants p ON p.id = COALESCE(g.participant_id, t.participant_id)`;

/** WHERE clauses (and their parameters) for a coder and a set of origins. */
export function coderAndOriginClauses(filter: { coder?: string; origins?: string[] }): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.coder) {
    clauses.push('c.coder = ?');
    params.push(filter.coder);
  }
  if (filter.origins?.length) {
    clauses.push(`c.origin IN (${filter.origins.map(() => '?').join(', ')})`);
    params.push(...filter.origins);
  }
  return { clauses, params };
}

/** Slices source texts by code points, reading each source's text once however many slices it gives. */
export class SourceTexts {
  private readonly textOf;
  private readonly slicers = new Map<number, CodePointSlicer>();

  constructor(db: Db) {
    this.textOf = db.prepare<[number], { text: string }>('SELECT text FROM sources WHERE id = ?');
  }

  /** The text of a source between two code-point offsets. */
  slice(sourceId: number, start: number, end: number): string {
    let slicer = this.slicers.get(sourceId);
    if (!slicer) this.slicers.set(sourceId, (slicer = new CodePointSlicer(this.textOf.get(sourceId)!.text)));
    return slicer.slice(start, end);
  }
}
