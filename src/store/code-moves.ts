/**
 * Moving codings from one code to another (`telaah code rename` and `code merge`), and counting the
 * human codings per code, so a codebook version that drops a code can say what would be stranded.
 * A move keeps UNIQUE (segment, code, coder): where the coder already has the target code on the
 * segment, the two codings are folded into one.
 */
import type { Db } from './open.js';

/** Origins that record a person's judgement. */
const HUMAN_ORIGINS = ['manual', 'accepted', 'imported'];
/** Which review decision survives when two are folded: the one that kept a coding wins. */
const DECISION_RANK: Record<string, number> = { accepted: 0, rejected: 1, none: 2 };

/** Codings and review decisions of `from` go to `to`. */
export interface CodeMove {
  from: string;
  to: string;
}

/** What one move did (or, on a dry run, would do). */
export interface CodeMoveResult extends CodeMove {
  /** Codings that now carry `to`. */
  moved: number;
  /** Codings folded into the same coder's coding of `to` on the same segment. */
  folded: number;
  /** Of moved and folded, those a person made or accepted. */
  human: number;
  decisionsMoved: number;
  decisionsFolded: number;
  /** Memos on the code, now on `to` (memos never fold: a code may have many). */
  memosMoved: number;
}

interface CodingRecord {
  id: number;
  segment_id: number;
  coder: string;
  origin: string;
  start: number;
  end: number;
  codebook_id: number | null;
  confidence: number | null;
  memo: string | null;
  created_at: string;
}

interface DecisionRecord {
  segment_id: number;
  coder: string;
  decision: string;
  decided_at: string;
}

/** Every code that has a coding, a review decision or a memo, sorted. */
export function listCodesInUse(db: Db): string[] {
  return db
    .prepare<[], { code: string }>(
      "SELECT code FROM codings UNION SELECT code FROM review_decisions WHERE code <> '' UNION SELECT code FROM memos WHERE code IS NOT NULL ORDER BY code",
    )
    .all()
    .map((r) => r.code);
}

/** Human codings (origin manual, accepted or imported) per code. */
export function countHumanCodingsByCode(db: Db): Map<string, number> {
  const rows = db
    .prepare<string[], { code: string; n: number }>(
      `SELECT code, COUNT(*) AS n FROM codings WHERE origin IN (${HUMAN_ORIGINS.map(() => '?').join(', ')}) GROUP BY code`,
    )
    .all(...HUMAN_ORIGINS);
  return new Map(rows.map((r) => [r.code, r.n]));
}

/**
 * Moves every coding (all coders, all origins), review decision and memo of each `from` to its `to`, in one
 * transaction. A coding that meets the same coder's coding of `to` on the same segment is folded into
 * it: a human origin beats auto or suggested (else the existing coding's origin and evidence stay),
 * memos are joined with " | ", and the earlier created_at is kept. With `dryRun` the counts are the
 * same and nothing is written.
 */
export function moveCodings(db: Db, moves: readonly CodeMove[], options: { dryRun?: boolean } = {}): CodeMoveResult[] {
  const sources = new Set(moves.map((m) => m.from));
  const clash = moves.find((m) => m.from === m.to || sources.has(m.to));
  if (clash) throw new Error(`cannot move ${clash.from} to ${clash.to}: a target is also moved`);
  const results: CodeMoveResult[] = [];
  const work = db.transaction(() => {
    for (const move of moves) results.push({ ...move, ...moveOne(db, move) });
    if (options.dryRun) throw new DryRun();
  });
  try {
    work.immediate();
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return results;
}

/** Thrown to roll a dry run back. */
class DryRun extends Error {}

function moveOne(db: Db, { from, to }: CodeMove): Omit<CodeMoveResult, 'from' | 'to'> {
  const counts = { moved: 0, folded: 0, human: 0, decisionsMoved: 0, decisionsFolded: 0, memosMoved: 0 };
  const codings = db.prepare<[string], CodingRecord>('SELECT * FROM codings WHERE code = ? ORDER BY id').all(from);
  const target = db.prepare<[number, string, string], CodingRecord>('SELECT * FROM codings WHERE segment_id = ? AND code = ? AND coder = ?');
  const rename = db.prepare('UPDATE codings SET code = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM codings WHERE id = ?');
  const rewrite = db.prepare(
    'UPDATE codings SET origin = ?, start = ?, end = ?, codebook_id = ?, confidence = ?, memo = ?, created_at = ? WHERE id = ?',
  );
  for (const coding of codings) {
    if (HUMAN_ORIGINS.includes(coding.origin)) counts.human += 1;
    const existing = target.get(coding.segment_id, to, coding.coder);
    if (!existing) {
      rename.run(to, coding.id);
      counts.moved += 1;
      continue;
    }
    const winner = HUMAN_ORIGINS.includes(coding.origin) && !HUMAN_ORIGINS.includes(existing.origin) ? coding : existing;
    const [earlier, later] = coding.created_at < existing.created_at ? [coding, existing] : [existing, coding];
    const memos = [...new Set([earlier.memo, later.memo].filter((m): m is string => Boolean(m && m.trim())))];
    remove.run(coding.id);
    rewrite.run(winner.origin, winner.start, winner.end, winner.codebook_id, winner.confidence, memos.length ? memos.join(' | ') : null, earlier.created_at, existing.id);
    counts.folded += 1;
  }
  const decisions = db.prepare<[string], DecisionRecord>('SELECT segment_id, coder, decision, decided_at FROM review_decisions WHERE code = ?').all(from);
  const decided = db.prepare<[number, string, string], DecisionRecord>('SELECT segment_id, coder, decision, decided_at FROM review_decisions WHERE segment_id = ? AND code = ? AND coder = ?');
  const moveDecision = db.prepare('UPDATE review_decisions SET code = ? WHERE segment_id = ? AND code = ? AND coder = ?');
  const dropDecision = db.prepare('DELETE FROM review_decisions WHERE segment_id = ? AND code = ? AND coder = ?');
  const setDecision = db.prepare('UPDATE review_decisions SET decision = ?, decided_at = ? WHERE segment_id = ? AND code = ? AND coder = ?');
  for (const d of decisions) {
    const existing = decided.get(d.segment_id, to, d.coder);
    if (!existing) {
      moveDecision.run(to, d.segment_id, from, d.coder);
      counts.decisionsMoved += 1;
      continue;
    }
    const winner = (DECISION_RANK[d.decision] ?? 9) < (DECISION_RANK[existing.decision] ?? 9) ? d : existing;
    dropDecision.run(d.segment_id, from, d.coder);
    setDecision.run(winner.decision, winner.decided_at, d.segment_id, to, d.coder);
    counts.decisionsFolded += 1;
  }
  counts.memosMoved = db.prepare('UPDATE memos SET code = ? WHERE code = ?').run(to, from).changes;
  return counts;
}
