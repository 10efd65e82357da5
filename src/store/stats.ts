/**
 * The queries behind `telaah stats` (its codings are read by coding-columns.ts), written for projects of
 * millions of segments: the table of segments is read once (for the turns, see TURNS_SQL) and sources
 * from an index that leaves their texts alone. src/store/stats.test.ts holds the query plans to this.
 */
import type { OverviewParticipant, OverviewSource, TurnGroup } from '../core/analysis/project-overview.js';
import type { SourceType } from '../core/transcript/types.js';
import { segmentJoin } from './coded-segments.js';
import type { Db } from './open.js';

/**
 * The aggregate that hands turns to JavaScript (registered on the connection for each read): 800,000
 * turns cost far less as arguments of one call each than as row objects.
 */
const TURNS = 'telaah_stats_turns';

/** Sources (of one type, when given) with their turns and words, read from the sources_overview index (not the rows, which hold the texts). */
export const SOURCES_SQL = (type: boolean): string => `SELECT id, type, turns, words FROM sources${type ? ' WHERE type = ?' : ''}`;

/** Roles as the turn aggregate receives them (an integer is cheaper to hand over than a string). */
const ROLES = [null, 'participant', 'interviewer'] as const;

/**
 * Every turn (of sources of one type) handed to TURNS: its source, role (an index into ROLES),
 * participant and media time. The one scan in stats, on purpose: every turn is wanted and no index holds
 * role and times, so reading the turns table once in id order is the cheapest plan (since m011 it holds
 * turns only). Going through each source's id range instead reads the same rows and also walks every
 * source's text to reach its range columns (stored after the text). NOT INDEXED keeps the planner off
 * turns_participant, which would add a table lookup per turn.
 */
export const TURNS_SQL = (type: boolean): string => `
  SELECT ${TURNS}(g.source_id, CASE g.role WHEN 'participant' THEN 1 WHEN 'interviewer' THEN 2 ELSE 0 END, g.participant_id, COALESCE(g.end_ms, g.start_ms))
    FROM turns g NOT INDEXED${type ? '\n   WHERE g.source_id IN (SELECT id FROM sources WHERE type = ?)' : ''}`;

/** Participants with their group and `category` attribute. */
export const PARTICIPANTS_SQL = `SELECT id, grp, json_extract(attributes, '$.category') AS category FROM participants ORDER BY id`;

/** Proposals each reviewer rejected (in sources of one type, when given). */
export const REJECTIONS_SQL = (type: boolean): string =>
  type
    ? `SELECT d.coder, COUNT(*) AS n FROM review_decisions d ${segmentJoin('d.segment_id')} JOIN sources s ON s.id = t.source_id
        WHERE d.decision = 'rejected' AND s.type = ? GROUP BY d.coder`
    : `SELECT coder, COUNT(*) AS n FROM review_decisions WHERE decision = 'rejected' GROUP BY coder`;

/** Sources (of one type) with turns and words. */
export function readOverviewSources(db: Db, type?: SourceType): OverviewSource[] {
  // Sorted here: ORDER BY id would send SQLite to the rows, in id order, and so through every text.
  return db
    .prepare<unknown[], OverviewSource>(SOURCES_SQL(type !== undefined))
    .all(...(type ? [type] : []))
    .sort((a, b) => a.id - b.id);
}

/** Turns of each source by role and participant, with the latest media time among them. */
export function readTurnGroups(db: Db, type?: SourceType): TurnGroup[] {
  const bySource = new Map<number, Map<number, TurnGroup>>();
  let source = -1;
  let groups = new Map<number, TurnGroup>();
  const step = (n: number, sourceId: number, role: 0 | 1 | 2, participant: number | null, ms: number | null): number => {
    if (sourceId !== source) {
      source = sourceId;
      groups = bySource.get(sourceId) ?? new Map();
      bySource.set(sourceId, groups);
    }
    const key = (participant ?? 0) * ROLES.length + role;
    const group = groups.get(key);
    if (group) {
      group.turns++;
      if (ms !== null && (group.lastMs === null || ms > group.lastMs)) group.lastMs = ms;
    } else groups.set(key, { source: sourceId, role: ROLES[role], participant, turns: 1, lastMs: ms });
    return n + 1;
  };
  // better-sqlite3 reads the number of arguments from step.length; its types know of one.
  db.aggregate(TURNS, { start: 0, step: step as unknown as (n: number, next: unknown) => number });
  db.prepare(TURNS_SQL(type !== undefined)).pluck().get(...(type ? [type] : []));
  return [...bySource.values()].flatMap((groups) => [...groups.values()]);
}

/** Every participant with group and category (the `category` attribute). */
export function readOverviewParticipants(db: Db): OverviewParticipant[] {
  return db
    .prepare<[], { id: number; grp: string | null; category: unknown }>(PARTICIPANTS_SQL)
    .all()
    .map((r) => ({ id: r.id, group: r.grp, category: r.category === null || r.category === undefined || r.category === '' ? null : String(r.category) }));
}

/** How many proposals each reviewer rejected. */
export function readRejections(db: Db, type?: SourceType): Map<string, number> {
  const rows = db.prepare<unknown[], { coder: string; n: number }>(REJECTIONS_SQL(type !== undefined)).all(...(type ? [type] : []));
  return new Map(rows.map((r) => [r.coder, r.n]));
}
