/**
 * Withdrawing a participant (`telaah withdraw`): their turns and sentences leave the sources' texts, with
 * every coding, review decision and memo on them; the other segments keep their words, their addresses
 * (turn and sentence numbers) and a contiguous id range, with offsets moved to the shorter text.
 */
import type { SearchKeys } from '../core/search/search-keys.js';
import { countWords } from '../core/text/word-count.js';
import { applyCuts, OffsetShift, planTurnCuts } from '../core/withdrawal/turn-cuts.js';
import type { AffectedSource, WithdrawalCounts, WithdrawalPlan } from '../core/withdrawal/withdrawal-plan.js';
import type { Db } from './open.js';
import { segmentRangeDeleter } from './segment-rows.js';
import { SearchIndexWriter } from './search-index.js';

const HUMAN_ORIGINS = "('manual', 'accepted', 'imported')";

/** A participant as withdrawal finds them. */
export interface WithdrawalTarget {
  id: number;
  pseudonym: string;
}

/** The participant with this pseudonym (any case), or undefined. */
export function findParticipant(db: Db, pseudonym: string): WithdrawalTarget | undefined {
  return db.prepare<[string], WithdrawalTarget>('SELECT id, pseudonym FROM participants WHERE pseudonym = ?').get(pseudonym);
}

interface SegmentRow {
  id: number;
  sentence: number;
  parent_id: number | null;
  participant_id: number | null;
  role: string | null;
  start: number;
  end: number;
}

interface SourceRow {
  id: number;
  name: string;
  first_segment: number;
  last_segment: number;
}

/** The statement finding the sources a participant speaks in (exported for its plan test). */
export const AFFECTED_SOURCES_SQL = `SELECT s.id, s.name, s.first_segment, s.last_segment FROM sources s INDEXED BY sources_segment_ranges
  WHERE EXISTS (SELECT 1 FROM turns g WHERE g.participant_id = ? AND g.id BETWEEN s.first_segment AND s.last_segment)
  ORDER BY s.first_segment`;

/**
 * The sources the participant speaks in, in segment order. Each source's id range is probed in
 * turns_participant (participant_id, rowid): one seek per source, never a turn row.
 */
function affectedSources(db: Db, target: WithdrawalTarget): SourceRow[] {
  return db.prepare<[number], SourceRow>(AFFECTED_SOURCES_SQL).all(target.id);
}

/** A source's segments, split into those that go (their turns with their sentences) and those that stay. */
function splitSegments(db: Db, source: SourceRow, target: WithdrawalTarget): { all: SegmentRow[]; dropped: Set<number> } {
  const all = db
    .prepare<[number, number, number, number], SegmentRow>(
      `SELECT id, 0 AS sentence, NULL AS parent_id, participant_id, role, start, end FROM turns WHERE id BETWEEN ? AND ?
       UNION ALL SELECT id, id - turn_id, turn_id, NULL, NULL, start, end FROM sentences WHERE id BETWEEN ? AND ?
       ORDER BY id`,
    )
    .all(source.first_segment, source.last_segment, source.first_segment, source.last_segment);
  const dropped = new Set<number>();
  for (const g of all) {
    if (g.sentence === 0 ? g.participant_id === target.id : dropped.has(g.parent_id!)) dropped.add(g.id);
  }
  return { all, dropped };
}

/** What withdrawing the participant would take away (reads only). */
export function planWithdrawal(db: Db, target: WithdrawalTarget): WithdrawalPlan {
  const counts: WithdrawalCounts = { sources: 0, removedSources: 0, turns: 0, segments: 0, words: 0, humanCodings: 0, proposals: 0, decisions: 0, memos: 0 };
  const sources: AffectedSource[] = [];
  const codings = db.prepare<[number], { human: number; n: number }>(`SELECT origin IN ${HUMAN_ORIGINS} AS human, COUNT(*) AS n FROM codings WHERE segment_id = ? GROUP BY 1`);
  const decisions = db.prepare<[number], number>('SELECT COUNT(*) FROM review_decisions WHERE segment_id = ?').pluck();
  const memos = db.prepare<[number], number>('SELECT COUNT(*) FROM memos WHERE segment_id = ?').pluck();
  const sourceMemos = db.prepare<[number], number>('SELECT COUNT(*) FROM memos WHERE source_id = ?').pluck();
  const textOf = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  for (const source of affectedSources(db, target)) {
    const { all, dropped } = splitSegments(db, source, target);
    const turns = all.filter((g) => g.sentence === 0);
    const theirs = turns.filter((g) => dropped.has(g.id));
    const kept = turns.length - theirs.length;
    // A source removed whole takes every segment and memo of it; otherwise only their segments' share.
    const going = kept === 0 ? all : all.filter((g) => dropped.has(g.id));
    for (const g of going) {
      for (const c of codings.all(g.id)) counts[c.human ? 'humanCodings' : 'proposals'] += c.n;
      counts.decisions += decisions.get(g.id)!;
      counts.memos += memos.get(g.id)!;
    }
    if (kept === 0) {
      counts.memos += sourceMemos.get(source.id)!;
      counts.removedSources += 1;
    }
    const chars = [...textOf.get(source.id)!];
    for (const t of theirs) counts.words += countWords(chars.slice(t.start, t.end).join(''));
    counts.sources += 1;
    counts.turns += theirs.length;
    counts.segments += going.length;
    sources.push({ id: source.id, name: source.name, turns: theirs.length, keptTurns: kept, othersSpeak: turns.some((t) => !dropped.has(t.id) && t.role === 'participant') });
  }
  counts.memos += db.prepare<[number], number>('SELECT COUNT(*) FROM memos WHERE participant_id = ?').pluck().get(target.id)!;
  return { pseudonym: target.pseudonym, sources, counts };
}

/**
 * Withdraws the participant: cuts their turns out of every source (a source left with none of its turns
 * goes whole), then deletes the participant with their attributes and the memos on them. Returns the
 * texts that went (to find them quoted elsewhere, see withdrawal-quotes.ts) and the counts. Sources the
 * search index held are indexed again with `keys` (made only then: the stemmers take a while to load). One transaction (a savepoint inside the caller's).
 */
export function withdrawParticipant(db: Db, target: WithdrawalTarget, keys: () => SearchKeys): { plan: WithdrawalPlan; passages: string[] } {
  return db.transaction(() => {
    const plan = planWithdrawal(db, target);
    const passages: string[] = [];
    // Segment ids move down to keep each source's range contiguous; the codings, decisions and memos that
    // point at them follow in the same transaction (no foreign key ties them to segments since m011; the
    // memos' keys to sources and participants are checked at its end).
    db.pragma('defer_foreign_keys = ON');
    for (const source of affectedSources(db, target)) cutSource(db, source, target, keys, passages);
    db.prepare('DELETE FROM participants WHERE id = ?').run(target.id);
    return { plan, passages };
  }).immediate();
}

function cutSource(db: Db, source: SourceRow, target: WithdrawalTarget, keys: () => SearchKeys, passages: string[]): void {
  const { all, dropped } = splitSegments(db, source, target);
  const row = db.prepare<[number], { text: string; words: number; sha256: string; attributes: string }>('SELECT text, words, sha256, attributes FROM sources WHERE id = ?').get(source.id)!;
  const chars = [...row.text];
  for (const g of all) if (dropped.has(g.id)) passages.push(chars.slice(g.start, g.end).join(''));
  const indexed = db.prepare('SELECT 1 FROM search_sources WHERE source_id = ?').get(source.id) !== undefined;
  // Their index rows go now; the source's other rows are written again below, under their new ids.
  db.prepare('DELETE FROM search_sources WHERE source_id = ?').run(source.id);
  const turns = all.filter((g) => g.sentence === 0);
  if (turns.every((t) => dropped.has(t.id))) {
    segmentRangeDeleter(db)(source.first_segment, source.last_segment);
    db.prepare('DELETE FROM sources WHERE id = ?').run(source.id);
    return;
  }
  const cuts = planTurnCuts(turns.map((t) => ({ start: t.start, end: t.end, drop: dropped.has(t.id) })), chars);
  const shift = new OffsetShift(cuts);
  const deleteSegment = segmentRangeDeleter(db);
  for (const id of dropped) deleteSegment(id, id);
  const moveTurn = db.prepare('UPDATE turns SET id = ?, start = ?, end = ? WHERE id = ?');
  const moveSentence = db.prepare('UPDATE sentences SET id = ?, turn_id = ?, start = ?, end = ? WHERE id = ?');
  const follow = ['codings', 'review_decisions', 'memos'].map((table) => db.prepare(`UPDATE ${table} SET segment_id = ? WHERE segment_id = ?`));
  const newId = new Map<number, number>();
  let next = source.first_segment;
  // Ascending: each id moves to a free slot (a dropped segment's, or one a kept segment has just left).
  for (const g of all) {
    if (dropped.has(g.id)) continue;
    const id = next++;
    newId.set(g.id, id);
    if (g.parent_id === null) moveTurn.run(id, shift.map(g.start), shift.map(g.end), g.id);
    else moveSentence.run(id, newId.get(g.parent_id)!, shift.map(g.start), shift.map(g.end), g.id);
    if (id !== g.id) for (const update of follow) update.run(id, g.id);
  }
  const last = next - 1;
  const codings = db.prepare<[number, number], { id: number; start: number; end: number }>('SELECT id, start, end FROM codings WHERE segment_id BETWEEN ? AND ?').all(source.first_segment, last);
  const moveCoding = db.prepare('UPDATE codings SET start = ?, end = ? WHERE id = ?');
  for (const c of codings) moveCoding.run(shift.map(c.start), shift.map(c.end), c.id);
  const removedWords = passages.length === 0 ? 0 : all.filter((g) => g.sentence === 0 && dropped.has(g.id)).reduce((n, t) => n + countWords(chars.slice(t.start, t.end).join('')), 0);
  db.prepare('UPDATE sources SET text = ?, words = ?, turns = ?, last_segment = ?, attributes = ? WHERE id = ?').run(
    applyCuts(chars, cuts),
    Math.max(0, row.words - removedWords),
    turns.filter((t) => !dropped.has(t.id)).length,
    last,
    JSON.stringify(withoutParticipant(JSON.parse(row.attributes) as Record<string, string>, target.pseudonym)),
    source.id,
  );
  if (indexed) new SearchIndexWriter(db, keys()).write({ id: source.id, name: source.name, sha256: row.sha256, firstSegment: source.first_segment, lastSegment: last });
}

/**
 * The source's attributes without the participant in its `participants` list (front matter's list of who
 * took part), as ingest leaves a withdrawn participant out of it (see withholdWithdrawn in ingest-files.ts).
 */
export function withoutParticipant(attributes: Record<string, string>, pseudonym: string): Record<string, string> {
  if (attributes.participants === undefined) return attributes;
  const kept = attributes.participants.split(', ').filter((p) => p.toLowerCase() !== pseudonym.toLowerCase());
  const { participants: _participants, ...rest } = attributes;
  return kept.length ? { ...attributes, participants: kept.join(', ') } : rest;
}
