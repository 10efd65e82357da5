import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { Db } from './open.js';

/**
 * The segment whose id is `id` (an SQL expression) as its turn `t` and, when it is a sentence, its
 * sentence row `gs` (NULL for a turn): since m011 a segment is one or the other, and a join through the
 * view \`segments\` would materialise it. Both are found by primary key. With it: the segment's offsets
 * are SEGMENT_START / SEGMENT_END, its sentence number \`id - t.id\`, its source, participant, speaker,
 * role and media times those of t.
 */
export function segmentJoin(id: string, join = 'JOIN'): string {
  return `LEFT JOIN sentences gs ON gs.id = ${id}
         ${join} turns t ON t.id = COALESCE(gs.turn_id, ${id})`;
}

/** The offsets of the segment joined by segmentJoin. */
export const SEGMENT_START = 'COALESCE(gs.start, t.start)';
export const SEGMENT_END = 'COALESCE(gs.end, t.end)';

/**
 * The join every query about codings starts from: the coding, its segment (turn t, sentence gs; see
 * segmentJoin), its source and the participant.
 */
export const CODED_SEGMENTS = `
         FROM codings c
         ${segmentJoin('c.segment_id')}
         JOIN sources s ON s.id = t.source_id
         LEFT JOIN participants p ON p.id = t.participant_id`;

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
