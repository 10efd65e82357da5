import type { EvidenceColumns } from '../core/analysis/evidence-tally.js';
import { evidenceClauses, type EvidenceScope } from './coded-segments.js';
import type { Db } from './open.js';

/** Grows a Float64Array as rows come. */
class Column {
  values = new Float64Array(1024);
  push(at: number, value: number): void {
    if (at === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[at] = value;
  }
}

/**
 * Every coding that counts as evidence under the scope, as columns of numbers for tallyEvidence: its
 * segment, that segment's turn, source and participant, and its code. One pass over the codings, in table
 * order, read raw: a million codings cost some 30 MB here instead of the objects' hundreds.
 */
export function readEvidenceColumns(db: Db, scope: EvidenceScope = {}): EvidenceColumns {
  const { clauses, params } = evidenceClauses(scope);
  const statement = db
    .prepare(
      // Sentences carry their turn's participant_id (written so at ingest), so no join to the turn is needed.
      `SELECT c.segment_id, COALESCE(g.parent_id, g.id), g.source_id, COALESCE(g.participant_id, -1), c.code
         FROM codings c
         JOIN segments g ON g.id = c.segment_id
        WHERE ${clauses.join(' AND ')}`,
    )
    .raw();
  const segment = new Column();
  const turn = new Column();
  const source = new Column();
  const participant = new Column();
  const code = new Column();
  const codes: string[] = [];
  const codeIndex = new Map<string, number>();
  let n = 0;
  for (const row of statement.iterate(...params) as IterableIterator<[number, number, number, number, string]>) {
    let index = codeIndex.get(row[4]);
    if (index === undefined) {
      codeIndex.set(row[4], (index = codes.length));
      codes.push(row[4]);
    }
    segment.push(n, row[0]);
    turn.push(n, row[1]);
    source.push(n, row[2]);
    participant.push(n, row[3]);
    code.push(n, index);
    n += 1;
  }
  return { codes, length: n, segment: segment.values, turn: turn.values, source: source.values, participant: participant.values, code: code.values };
}
