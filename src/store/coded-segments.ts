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

/**
 * A proposal (auto or suggested coding) that some reviewer rejected. It stays in the table, so that
 * `code auto` does not bring it back as new and `codings list --origin rejected` can show it, but it
 * never counts.
 */
export const REJECTED = `c.origin IN ('auto', 'suggested') AND EXISTS (
           SELECT 1 FROM review_decisions d WHERE d.segment_id = c.segment_id AND d.code = c.code AND d.decision = 'rejected')`;

/** Which codings count: one coder's, some origins' (suggestions only when named). */
export interface EvidenceScope {
  coder?: string;
  /** Origins to count; without it every origin but `suggested` (proposals count once accepted). */
  origins?: readonly string[];
}

/**
 * WHERE clauses (and their parameters) that keep the codings that count as evidence under the scope:
 * never a rejected proposal, never a suggestion unless its origin is asked for.
 */
export function evidenceClauses(scope: EvidenceScope): { clauses: string[]; params: unknown[] } {
  const clauses = [`NOT (${REJECTED})`];
  const params: unknown[] = [];
  if (scope.coder) {
    clauses.push('c.coder = ?');
    params.push(scope.coder);
  }
  if (scope.origins?.length) {
    clauses.push(`c.origin IN (${scope.origins.map(() => '?').join(', ')})`);
    params.push(...scope.origins);
  } else clauses.push(`c.origin <> 'suggested'`);
  return { clauses, params };
}

/** `code = ? OR code LIKE 'code/%'` on a column: a code with its descendants (path-prefixed ids). */
export function codeWithDescendants(column: string, code: string): { clause: string; params: unknown[] } {
  return { clause: `(${column} = ? OR ${column} LIKE ? ESCAPE '\\')`, params: [code, `${code.replace(/[\\%_]/g, '\\$&')}/%`] };
}

/**
 * Slices source texts by code points, reading each source's text once however many slices it gives.
 * Only the latest source's text is held: callers go source by source (codings listed by source), so a
 * project of any size costs one source's text in memory, not all of them.
 */
export class SourceTexts {
  private readonly textOf;
  private current: { sourceId: number; slicer: CodePointSlicer } | undefined;

  constructor(db: Db) {
    this.textOf = db.prepare<[number], { text: string }>('SELECT text FROM sources WHERE id = ?');
  }

  /** The text of a source between two code-point offsets. */
  slice(sourceId: number, start: number, end: number): string {
    if (this.current?.sourceId !== sourceId) this.current = { sourceId, slicer: new CodePointSlicer(this.textOf.get(sourceId)!.text) };
    return this.current.slicer.slice(start, end);
  }
}
