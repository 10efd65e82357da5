/**
 * What `telaah suggest` reads and writes: the units humans coded (its training data), which units
 * already carry a code, and its own codings (origin `suggested`, coder `suggest`), replaced as a whole
 * on each run without touching any other origin.
 */
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import { SEGMENT_END, SEGMENT_START, segmentJoin } from './coded-segments.js';
import type { Db } from './open.js';

/** The coder name suggestions are stored under. */
export const SUGGEST_CODER = 'suggest';

/** A segment humans judged: its text, the codes they gave it and rejected on it, and whether it was judged whole. */
export interface HumanJudgedUnit {
  segmentId: number;
  text: string;
  codes: string[];
  rejected: string[];
  /** Coded by a human, or marked in review as needing no code. */
  judged: boolean;
}

interface JudgementRow {
  segmentId: number;
  code: string;
  kind: 'coded' | 'rejected' | 'none';
  start: number;
  end: number;
  sourceId: number;
}

/**
 * Every segment humans judged (of one coder when given), in segment order, with the segment's whole
 * text: human codings (origin manual or accepted) and review decisions (a rejected code; `none`, a unit
 * needing no code). The unit is the segment judged, whatever evidence span a coding has.
 */
export function listHumanJudgedUnits(db: Db, options: { coder?: string } = {}): HumanJudgedUnit[] {
  const byCoder = options.coder === undefined ? '' : 'AND x.coder = ?';
  const rows = db
    .prepare<unknown[], JudgementRow>(
      `SELECT x.segment_id AS segmentId, x.code, x.kind, ${SEGMENT_START} AS start, ${SEGMENT_END} AS end, t.source_id AS sourceId
         FROM (SELECT segment_id, code, coder, 'coded' AS kind FROM codings WHERE origin IN ('manual', 'accepted')
               UNION ALL
               SELECT segment_id, code, coder, decision AS kind FROM review_decisions WHERE decision IN ('rejected', 'none')) x
         ${segmentJoin('x.segment_id')}
        WHERE 1 = 1 ${byCoder}
        ORDER BY x.segment_id, x.kind, x.code`,
    )
    .all(...(options.coder === undefined ? [] : [options.coder]));
  const textOf = db.prepare<[number], { text: string }>('SELECT text FROM sources WHERE id = ?');
  // A source's segments have contiguous ids, so in segment order one source's text is needed at a time.
  let sourceId = -1;
  let slicer = new CodePointSlicer('');
  const units: HumanJudgedUnit[] = [];
  for (const row of rows) {
    let unit = units[units.length - 1];
    if (unit?.segmentId !== row.segmentId) {
      if (sourceId !== row.sourceId) {
        sourceId = row.sourceId;
        slicer = new CodePointSlicer(textOf.get(sourceId)!.text);
      }
      unit = { segmentId: row.segmentId, text: slicer.slice(row.start, row.end), codes: [], rejected: [], judged: false };
      units.push(unit);
    }
    if (row.kind === 'coded') {
      unit.judged = true;
      if (!unit.codes.includes(row.code)) unit.codes.push(row.code);
    } else if (row.kind === 'none') unit.judged = true;
    else if (!unit.rejected.includes(row.code)) unit.rejected.push(row.code);
  }
  return units;
}

/** A unit as `iterateCodingUnits` gives it: its segment, turn and sentence (0 for a turn). */
export interface UnitPlace {
  segmentId: number;
  turn: number;
  sentence: number;
}

/** Answers whether a unit already carries a code (any origin but `suggested`) or a human declined it there. */
export interface CodedUnitIndex {
  has(source: string, unit: UnitPlace, code: string): boolean;
}

/**
 * The codings and review decisions that make a suggestion needless: a sentence is taken as coded when
 * it or its turn has the code, a turn when it or any of its sentences has it (suggesting the code for
 * the whole turn would only repeat what is there); and nothing is suggested where anyone rejected that
 * code or marked the unit as needing no code.
 */
export function loadCodedUnitIndex(db: Db): CodedUnitIndex {
  const rows = db
    .prepare<[], { segmentId: number; source: string; turn: number; sentence: number; code: string }>(
      `SELECT c.segment_id AS segmentId, s.name AS source, t.turn, c.segment_id - t.id AS sentence, c.code
         FROM codings c ${segmentJoin('c.segment_id')} JOIN sources s ON s.id = t.source_id
        WHERE c.origin <> 'suggested'`,
    )
    .all();
  const segments = new Set<string>();
  const wholeTurns = new Set<string>();
  const touchedTurns = new Set<string>();
  for (const r of rows) {
    const turn = `${r.source}\u0000${r.turn}\u0000${r.code}`;
    segments.add(`${r.segmentId}\u0000${r.code}`);
    touchedTurns.add(turn);
    if (r.sentence === 0) wholeTurns.add(turn);
  }
  const declined = new Set(
    db
      .prepare<[], { segmentId: number; code: string }>(`SELECT segment_id AS segmentId, code FROM review_decisions WHERE decision IN ('rejected', 'none')`)
      .all()
      .map((r) => `${r.segmentId}\u0000${r.code}`),
  );
  return {
    has(source, unit, code) {
      if (declined.has(`${unit.segmentId}\u0000${code}`) || declined.has(`${unit.segmentId}\u0000`)) return true;
      const turn = `${source}\u0000${unit.turn}\u0000${code}`;
      return unit.sentence === 0 ? touchedTurns.has(turn) : segments.has(`${unit.segmentId}\u0000${code}`) || wholeTurns.has(turn);
    },
  };
}

/** A suggestion to store: the whole unit as evidence, and the calibrated confidence. */
export interface NewSuggestion {
  segmentId: number;
  code: string;
  start: number;
  end: number;
  confidence: number;
}

/**
 * Makes the stored suggestions of the codes in scope (`null`: every code) equal to `suggestions`:
 * unchanged ones are kept (their confidence updated), the rest removed or added. Other origins are
 * never touched.
 */
export function replaceSuggestions(
  db: Db,
  scope: readonly string[] | null,
  suggestions: readonly NewSuggestion[],
  codebookId: number | null,
  now: string,
): { added: number; removed: number; kept: number } {
  return db.transaction(() => {
    const key = (c: { segmentId: number; code: string }): string => `${c.segmentId}\u0000${c.code}`;
    const inScope = scope === null ? null : new Set(scope);
    const existing = db
      .prepare<[string], { id: number; segmentId: number; code: string }>(`SELECT id, segment_id AS segmentId, code FROM codings WHERE origin = 'suggested' AND coder = ?`)
      .all(SUGGEST_CODER)
      .filter((row) => inScope === null || inScope.has(row.code));
    const wanted = new Map(suggestions.map((s) => [key(s), s]));
    const remove = db.prepare('DELETE FROM codings WHERE id = ?');
    const update = db.prepare('UPDATE codings SET start = ?, end = ?, confidence = ?, codebook_id = ? WHERE id = ?');
    let removed = 0;
    let kept = 0;
    for (const row of existing) {
      const same = wanted.get(key(row));
      if (same) {
        update.run(same.start, same.end, same.confidence, codebookId, row.id);
        wanted.delete(key(row));
        kept += 1;
      } else {
        remove.run(row.id);
        removed += 1;
      }
    }
    const insert = db.prepare(
      `INSERT INTO codings (segment_id, code, coder, origin, start, end, codebook_id, confidence, created_at)
       VALUES (?, ?, ?, 'suggested', ?, ?, ?, ?, ?) ON CONFLICT (segment_id, code, coder) DO NOTHING`,
    );
    let added = 0;
    for (const s of wanted.values()) added += insert.run(s.segmentId, s.code, SUGGEST_CODER, s.start, s.end, codebookId, s.confidence, now).changes;
    return { added, removed, kept };
  }).immediate();
}
