/**
 * Every stored coding as columns of numbers (CodingColumns), for `telaah stats` and `codebook show`: a
 * coding's segment is reached by id, and a million codings reach JavaScript through one aggregate call
 * per row (arguments, not row objects), marked with whether they count under the evidence rules.
 * src/store/stats.test.ts holds the query plans to this.
 */
import { CodingColumnsBuilder, type CodingColumns } from '../core/analysis/coding-columns.js';
import type { SourceType } from '../core/transcript/types.js';
import { evidenceClauses, REJECTED, SEGMENT_END, SEGMENT_START, segmentJoin, type EvidenceScope } from './coded-segments.js';
import type { Db } from './open.js';

/** The aggregates that hand codings to JavaScript (registered on the connection for each read): without and with their places. */
const COLLECT = 'telaah_coding_columns';
const COLLECT_PLACES = 'telaah_coding_places';

/** Origins as the coding aggregate receives them: codings.origin's CHECK, in its order. */
const ORIGINS = ['auto', 'manual', 'suggested', 'accepted', 'imported'] as const;

/**
 * Every coding (in sources of one type), its origin (an index into ORIGINS) times 2 plus 1 if it is a
 * rejected proposal. Its segment is its turn t and, for a sentence, its sentence row gs (segmentJoin).
 */
export const CODINGS_SQL = (type: boolean, places = false): string => `
  SELECT ${places ? COLLECT_PLACES : COLLECT}(c.segment_id, gs.turn_id, t.source_id, t.participant_id, c.code, c.coder,
                    (CASE c.origin ${ORIGINS.map((o, i) => `WHEN '${o}' THEN ${i}`).join(' ')} END) * 2 + (CASE WHEN ${REJECTED} THEN 1 ELSE 0 END)${places ? `, t.turn, c.segment_id - t.id, ${SEGMENT_START}, ${SEGMENT_END}` : ''})
    FROM codings c
    ${segmentJoin('c.segment_id')}${type ? '\n   WHERE t.source_id IN (SELECT id FROM sources WHERE type = ?)' : ''}`;

/**
 * Whether a coding of this coder and origin counts under the scope, by evidenceClauses itself: beside
 * the rejection (judged per coding above), the scope depends on coder and origin alone, so the clauses
 * are evaluated once per pair on a row that is no rejected proposal.
 */
export const SCOPE_SQL = (evidence: string): string =>
  `SELECT CASE WHEN ${evidence} THEN 1 ELSE 0 END AS counts FROM (SELECT ? AS coder, ? AS origin, NULL AS segment_id, NULL AS code) c`;

/**
 * Every stored coding (in sources of one type) as columns, marked with whether it counts under `scope`;
 * with `places`, each with its segment's place (CodingPlaces), as the evidence table needs.
 */
export function readCodingColumns(db: Db, scope: EvidenceScope = {}, type?: SourceType, places = false): CodingColumns {
  const builder = new CodingColumnsBuilder(1 << 14, places);
  const step = (n: number, segment: number, turn: number | null, source: number, participant: number | null, code: string, coder: string, flags: number): number => {
    builder.add(segment, turn, source, participant, code, coder, ORIGINS[flags >> 1]!, (flags & 1) === 1);
    return n + 1;
  };
  const stepWithPlace = (n: number, segment: number, turn: number | null, source: number, participant: number | null, code: string, coder: string, flags: number, turnNumber: number, sentence: number, start: number, end: number): number => {
    builder.add(segment, turn, source, participant, code, coder, ORIGINS[flags >> 1]!, (flags & 1) === 1);
    builder.addPlace(turnNumber, sentence, start, end);
    return n + 1;
  };
  db.aggregate(places ? COLLECT_PLACES : COLLECT, { start: 0, step: (places ? stepWithPlace : step) as unknown as (n: number, next: unknown) => number });
  db.prepare(CODINGS_SQL(type !== undefined, places)).pluck().get(...(type ? [type] : []));
  const { clauses, params } = evidenceClauses(scope);
  const inScope = db.prepare<unknown[], number>(SCOPE_SQL(clauses.join(' AND '))).pluck();
  // The clauses' parameters come first in the statement, before the pair's.
  builder.markCounted((coder, origin) => inScope.get(...params, coder, origin) === 1);
  return builder.build();
}
