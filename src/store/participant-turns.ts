/**
 * One participant's own turns with the codes people gave them, for `telaah member-check`: the turns are
 * found through the index on participants' turns, and codings through each source's segment range.
 */
import type { MemberTurnInput } from '../core/report/member-check.js';
import type { SourceType } from '../core/transcript/types.js';
import { evidenceClauses, SourceTexts } from './coded-segments.js';
import type { Db } from './open.js';

/** Codings a person gave or accepted: never the auto-coder's or the suggester's unreviewed proposals. */
export const HUMAN_ORIGINS: readonly string[] = ['manual', 'accepted', 'imported'];

/** A turn of the participant, with the codes people gave it or its sentences: what a member-check packet is built from. */
export type ParticipantTurn = MemberTurnInput;

/** Every turn the participant (by row id) speaks, by source (ordered by date, undated last, then name) and in turn order. */
export function listParticipantTurns(db: Db, participantId: number): ParticipantTurn[] {
  const turns = db
    .prepare<[number], { id: number; sourceId: number; source: string; type: SourceType; date: string | null; first: number; last: number; turn: number; start: number; end: number; startMs: number | null }>(
      `SELECT g.id, s.id AS sourceId, s.name AS source, s.type, s.date, s.first_segment AS first, s.last_segment AS last,
              g.turn, g.start, g.end, g.start_ms AS startMs
         FROM turns g JOIN sources s ON s.id = g.source_id
        WHERE g.participant_id = ?
        ORDER BY s.date IS NULL, s.date, s.name, g.turn`,
    )
    .all(participantId);
  const { clauses, params } = evidenceClauses({ origins: HUMAN_ORIGINS });
  const codings = db.prepare<unknown[], { turn: number; code: string }>(
    `SELECT COALESCE(gs.turn_id, c.segment_id) AS turn, c.code
       FROM codings c LEFT JOIN sentences gs ON gs.id = c.segment_id
      WHERE c.segment_id BETWEEN ? AND ? AND ${clauses.join(' AND ')}`,
  );
  const codesOf = new Map<number, Set<string>>();
  const wanted = new Set(turns.map((t) => t.id));
  const ranges = new Map(turns.map((t) => [t.sourceId, [t.first, t.last] as const]));
  for (const [first, last] of ranges.values()) {
    for (const row of codings.all(first, last, ...params)) {
      if (!wanted.has(row.turn)) continue;
      let set = codesOf.get(row.turn);
      if (!set) codesOf.set(row.turn, (set = new Set()));
      set.add(row.code);
    }
  }
  const texts = new SourceTexts(db);
  return turns.map((t) => ({
    source: t.source,
    sourceType: t.type,
    date: t.date,
    turn: t.turn,
    startMs: t.startMs,
    text: texts.slice(t.sourceId, t.start, t.end),
    codes: [...(codesOf.get(t.id) ?? [])].sort(),
  }));
}
