/**
 * Memos: a researcher's notes on the project, a source, a segment, a code or a participant. The store
 * holds sources, segments and participants by row id (see m005_memos) and gives memos back named as
 * people name them (Memo.target).
 */
import type { SegmentMemo } from '../core/coding-row.js';
import { formatMemoTarget, type Memo, type MemoKind, type MemoTarget } from '../core/memo-target.js';
import { formatSegment } from '../core/segment-address.js';
import { codeWithDescendants, segmentJoin } from './coded-segments.js';
import type { Db } from './open.js';

/** A memo's target as the store holds it: by row id. */
export type MemoPlace =
  | { kind: 'project' }
  | { kind: 'source'; sourceId: number }
  | { kind: 'segment'; segmentId: number }
  | { kind: 'code'; code: string }
  | { kind: 'participant'; participantId: number };

/** Which memos `listMemos` gives. */
export interface MemoFilter {
  kind?: MemoKind;
  /** Memos on this source and on its segments. */
  sourceId?: number;
  segmentId?: number;
  /** Memos on this code and the codes below it. */
  code?: string;
  participantId?: number;
  author?: string;
  ids?: readonly number[];
}

interface MemoRow {
  id: number;
  kind: MemoKind;
  code: string | null;
  author: string;
  text: string;
  createdAt: string;
  updatedAt: string;
  source: string | null;
  turn: number | null;
  sentence: number | null;
  participant: string | null;
}

const SELECT = `
  SELECT m.id, m.target AS kind, m.code, m.author, m.text, m.created_at AS createdAt, m.updated_at AS updatedAt,
         COALESCE(s.name, ts.name) AS source, t.turn, m.segment_id - t.id AS sentence, p.pseudonym AS participant
    FROM memos m
    LEFT JOIN sources s ON s.id = m.source_id
    ${segmentJoin('m.segment_id', 'LEFT JOIN')}
    LEFT JOIN sources ts ON ts.id = t.source_id
    LEFT JOIN participants p ON p.id = m.participant_id`;

/** The columns a place sets: exactly its kind's one (the table's CHECK insists). */
function placeColumns(place: MemoPlace): { target: MemoKind; source_id: number | null; segment_id: number | null; code: string | null; participant_id: number | null } {
  return {
    target: place.kind,
    source_id: place.kind === 'source' ? place.sourceId : null,
    segment_id: place.kind === 'segment' ? place.segmentId : null,
    code: place.kind === 'code' ? place.code : null,
    participant_id: place.kind === 'participant' ? place.participantId : null,
  };
}

/** Stores a new memo and returns its id. */
export function addMemo(db: Db, place: MemoPlace, author: string, text: string, now: string): number {
  const info = db
    .prepare(
      `INSERT INTO memos (target, source_id, segment_id, code, participant_id, author, text, created_at, updated_at)
       VALUES (@target, @source_id, @segment_id, @code, @participant_id, @author, @text, @now, @now)`,
    )
    .run({ ...placeColumns(place), author, text, now });
  return Number(info.lastInsertRowid);
}

/** Changes a memo's text, its target, or both (author and creation time stay). */
export function editMemo(db: Db, id: number, change: { text?: string; place?: MemoPlace }, now: string): void {
  const current = db.prepare<[number], { text: string }>('SELECT text FROM memos WHERE id = ?').get(id);
  if (!current) return;
  if (change.place) {
    db.prepare('UPDATE memos SET target = @target, source_id = @source_id, segment_id = @segment_id, code = @code, participant_id = @participant_id WHERE id = @id').run({
      ...placeColumns(change.place),
      id,
    });
  }
  db.prepare('UPDATE memos SET text = ?, updated_at = ? WHERE id = ?').run(change.text ?? current.text, now, id);
}

/** Deletes memos by id; returns how many went. */
export function removeMemos(db: Db, ids: readonly number[]): number {
  const remove = db.prepare('DELETE FROM memos WHERE id = ?');
  return db.transaction(() => ids.reduce((n, id) => n + remove.run(id).changes, 0)).immediate();
}

/** Memos matching the filter, oldest first. */
export function listMemos(db: Db, filter: MemoFilter = {}): Memo[] {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const where = (clause: string, ...values: unknown[]): void => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.kind) where('m.target = ?', filter.kind);
  if (filter.sourceId !== undefined) where('(m.source_id = ? OR t.source_id = ?)', filter.sourceId, filter.sourceId);
  if (filter.segmentId !== undefined) where('m.segment_id = ?', filter.segmentId);
  if (filter.code !== undefined) {
    const code = codeWithDescendants('m.code', filter.code);
    where(code.clause, ...code.params);
  }
  if (filter.participantId !== undefined) where('m.participant_id = ?', filter.participantId);
  if (filter.author !== undefined) where('m.author = ?', filter.author);
  if (filter.ids) where(`m.id IN (${filter.ids.map(() => '?').join(', ') || 'NULL'})`, ...filter.ids);
  const sql = `${SELECT}${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''} ORDER BY m.id`;
  return db.prepare<unknown[], MemoRow>(sql).all(...params).map(toMemo);
}

/** One memo by id, or undefined. */
export function findMemo(db: Db, id: number): Memo | undefined {
  return listMemos(db, { ids: [id] })[0];
}

/** Every memo author, sorted. */
export function listMemoAuthors(db: Db): string[] {
  return db
    .prepare<[], { author: string }>('SELECT DISTINCT author FROM memos ORDER BY author')
    .all()
    .map((r) => r.author);
}

/** The memos on segments, by segment id, oldest first (one query: memos are few beside codings). */
export function segmentMemosById(db: Db): Map<number, SegmentMemo[]> {
  const bySegment = new Map<number, SegmentMemo[]>();
  for (const m of db
    .prepare<[], SegmentMemo & { segmentId: number }>('SELECT segment_id AS segmentId, id, author, text FROM memos WHERE segment_id IS NOT NULL ORDER BY id')
    .iterate()) {
    let list = bySegment.get(m.segmentId);
    if (!list) bySegment.set(m.segmentId, (list = []));
    list.push({ id: m.id, author: m.author, text: m.text });
  }
  return bySegment;
}

function toMemo(r: MemoRow): Memo {
  const segment = r.turn === null ? null : formatSegment(r.turn, r.sentence!);
  const target: MemoTarget =
    r.kind === 'source'
      ? { kind: 'source', source: r.source! }
      : r.kind === 'segment'
        ? { kind: 'segment', source: r.source!, segment: segment! }
        : r.kind === 'code'
          ? { kind: 'code', code: r.code! }
          : r.kind === 'participant'
            ? { kind: 'participant', participant: r.participant! }
            : { kind: 'project' };
  return {
    id: r.id,
    target: formatMemoTarget(target),
    kind: r.kind,
    source: r.source,
    segment,
    code: r.code,
    participant: r.participant,
    author: r.author,
    text: r.text,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
