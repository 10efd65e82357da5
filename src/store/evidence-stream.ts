/**
 * The evidence that counts, handed over one source at a time: the codings read in segment id order (a
 * source's segments are one id range, so its codings come together), the rows of one source held in
 * columns that are reused for the next. `triangulate` audits a project of any size this way.
 */
import type { AuditRequest, TriangulationAudit } from '../core/analysis/triangulation-audit.js';
import { TriangulationStream, type SourceEvidence } from '../core/analysis/triangulation-stream.js';
import type { AuditCode, TriangulationSettings } from '../core/analysis/triangulation-types.js';
import { evidenceClauses, SEGMENT_END, SEGMENT_START, segmentJoin, type EvidenceScope } from './coded-segments.js';
import { evidenceReader, readEvidenceNames } from './evidence.js';
import type { Db } from './open.js';

/** The aggregate that hands codings to JavaScript (arguments, not row objects; registered for each read). */
const COLLECT = 'telaah_source_evidence';

/** Every counted coding with its segment, in segment id order (the UNIQUE (segment_id, …) index gives it unsorted). */
export const SOURCE_EVIDENCE_SQL = (clauses: string[]): string => `
  SELECT ${COLLECT}(segment_id, parent_id, source_id, participant_id, code, turn, sentence, start, end)
    FROM (SELECT c.segment_id, gs.turn_id AS parent_id, t.source_id, t.participant_id, c.code, t.turn, c.segment_id - t.id AS sentence,
                 ${SEGMENT_START} AS start, ${SEGMENT_END} AS end
            FROM codings c
            ${segmentJoin('c.segment_id')}
           WHERE ${clauses.join(' AND ')}
           ORDER BY c.segment_id)`;

/** The triangulation audit of the evidence under the scope, read source by source (see TriangulationStream). */
export function readTriangulationAudit(
  db: Db,
  scope: EvidenceScope,
  codes: readonly AuditCode[],
  settings: Omit<TriangulationSettings, 'quotesPerType'>,
  request: AuditRequest,
): TriangulationAudit {
  const { sources, participants } = readEvidenceNames(db);
  const audit = new TriangulationStream(codes, sources, participants, settings, request);
  streamEvidence(db, scope, (evidence) => audit.add(evidence));
  return audit.finish(evidenceReader(db));
}

/** Calls `visit` with each source's counted codings under the scope; the columns are reused after it returns. */
export function streamEvidence(db: Db, scope: EvidenceScope, visit: (evidence: SourceEvidence) => void): void {
  const rows = new SourceRows();
  const codeIndex = new Map<string, number>();
  let lastCode = '';
  let lastIndex = -1;
  const step = (n: number, segment: number, parent: number | null, source: number, participant: number | null, code: string, turn: number, sentence: number, start: number, end: number): number => {
    if (source !== rows.sourceId) {
      if (rows.length > 0) visit(rows.view());
      rows.reset(source);
    }
    // Neighbouring codings mostly share their code: comparing with the last name is cheaper than hashing it.
    if (code !== lastCode) {
      let index = codeIndex.get(code);
      if (index === undefined) codeIndex.set(code, (index = rows.codes.push(code) - 1));
      lastCode = code;
      lastIndex = index;
    }
    rows.add(segment, parent ?? -1, participant ?? -1, lastIndex, turn, sentence, start, end);
    return n + 1;
  };
  db.aggregate(COLLECT, { start: 0, step: step as unknown as (n: number, next: unknown) => number });
  const { clauses, params } = evidenceClauses(scope);
  db.prepare(SOURCE_EVIDENCE_SQL(clauses)).pluck().get(...params);
  if (rows.length > 0) visit(rows.view());
}

/** One source's rows as growable columns. */
class SourceRows {
  sourceId = -1;
  length = 0;
  readonly codes: string[] = [];
  private columns = SourceRows.allocate(1024);

  private static allocate(size: number) {
    return {
      segment: new Int32Array(size),
      parent: new Int32Array(size),
      participant: new Int32Array(size),
      code: new Int32Array(size),
      turn: new Int32Array(size),
      sentence: new Int32Array(size),
      start: new Int32Array(size),
      end: new Int32Array(size),
    };
  }

  reset(sourceId: number): void {
    this.sourceId = sourceId;
    this.length = 0;
  }

  add(segment: number, parent: number, participant: number, code: number, turn: number, sentence: number, start: number, end: number): void {
    let c = this.columns;
    if (this.length === c.segment.length) {
      const grown = SourceRows.allocate(this.length * 2);
      for (const key of Object.keys(c) as (keyof typeof c)[]) grown[key].set(c[key]);
      this.columns = c = grown;
    }
    const i = this.length++;
    c.segment[i] = segment;
    c.parent[i] = parent;
    c.participant[i] = participant;
    c.code[i] = code;
    c.turn[i] = turn;
    c.sentence[i] = sentence;
    c.start[i] = start;
    c.end[i] = end;
  }

  view(): SourceEvidence {
    return { sourceId: this.sourceId, length: this.length, codes: this.codes, ...this.columns };
  }
}
