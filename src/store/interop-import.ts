/**
 * Writes a REFI-QDA import plan (core/interop/import-plan.ts): participants, sources with their turns and
 * sentences, codings (origin `imported`) and memos. The caller runs it inside one transaction with the
 * audit entry, so an import lands whole or not at all.
 */
import type { ImportPlan, PlannedMemoPlace } from '../core/interop/import-plan.js';
import type { BuiltSource } from '../core/transcript/build-source.js';
import { addMemo, type MemoPlace } from './memos.js';
import type { Db } from './open.js';
import { participantIdsByPseudonym, upsertParticipants } from './participants.js';
import { SourceWriter } from './sources.js';

/** What an import wrote. */
export interface ImportCounts {
  sources: number;
  participants: number;
  codings: number;
  /** Codings that fell on a unit the same coder already had with that code (one coding stays). */
  merged: number;
  memos: number;
}

/** Writes the plan; `codebookId` is recorded on the codings (the imported codebook's version, if stored). */
export function writeImportPlan(db: Db, plan: ImportPlan, options: { now: string; codebookId: number | null }): ImportCounts {
  const { now } = options;
  const people = upsertParticipants(db, plan.participants, now);
  const participantIds = participantIdsByPseudonym(db);
  const writer = new SourceWriter(db);
  const firstSegments = plan.sources.map((s) => {
    const id = writer.write(s.info, s.built, participantIds, now, false);
    return db.prepare<[number], { first: number }>('SELECT first_segment AS first FROM sources WHERE id = ?').get(id)!.first;
  });
  const sourceIds = plan.sources.map((s) => db.prepare<[string], { id: number }>('SELECT id FROM sources WHERE name = ?').get(s.info.name)!.id);
  const segmentIds = plan.sources.map((s, i) => segmentIdsOf(s.built, firstSegments[i]!));
  const segmentId = (source: number, turn: number, sentence: number): number => segmentIds[source]!.get(`${turn}.${sentence}`)!;

  const insert = db.prepare(
    `INSERT INTO codings (segment_id, code, coder, origin, start, end, codebook_id, memo, created_at)
     VALUES (?, ?, ?, 'imported', ?, ?, ?, ?, ?) ON CONFLICT (segment_id, code, coder) DO NOTHING`,
  );
  let codings = 0;
  for (const c of plan.codings) {
    const added = insert.run(segmentId(c.source, c.turn, c.sentence), c.code, c.coder, c.start, c.end, options.codebookId, c.memo, isoTime(c.createdAt) ?? now).changes;
    codings += added;
  }

  const byPseudonym = db.prepare<[string], { id: number }>('SELECT id FROM participants WHERE pseudonym = ?');
  const setTimes = db.prepare('UPDATE memos SET created_at = ?, updated_at = ? WHERE id = ?');
  const placeOf = (place: PlannedMemoPlace): MemoPlace => {
    switch (place.kind) {
      case 'project':
        return place;
      case 'source':
        return { kind: 'source', sourceId: sourceIds[place.source]! };
      case 'segment':
        return { kind: 'segment', segmentId: segmentId(place.source, place.turn, place.sentence) };
      case 'code':
        return place;
      case 'participant':
        return { kind: 'participant', participantId: byPseudonym.get(place.pseudonym)!.id };
    }
  };
  for (const memo of plan.memos) {
    const id = addMemo(db, placeOf(memo.place), memo.author, memo.text, now);
    const created = isoTime(memo.createdAt) ?? now;
    setTimes.run(created, isoTime(memo.updatedAt) ?? created, id);
  }
  return { sources: plan.sources.length, participants: people.added + people.updated, codings, merged: plan.codings.length - codings, memos: plan.memos.length };
}

/** `T.S` → segment id, as SourceWriter lays a source's segments out: each turn, then its sentences. */
function segmentIdsOf(built: BuiltSource, first: number): Map<string, number> {
  const ids = new Map<string, number>();
  let next = first;
  for (const turn of built.turns) {
    ids.set(`${turn.index}.0`, next++);
    for (const s of turn.sentences) ids.set(`${turn.index}.${s.index}`, next++);
  }
  return ids;
}

/** A time from another program as ISO 8601 UTC, or null when it does not read as one. */
function isoTime(text: string | null): string | null {
  if (!text) return null;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}
