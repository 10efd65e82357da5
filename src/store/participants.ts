import { mergeParticipant } from '../core/merge-participant.js';
import type { Participant } from '../core/model.js';
import type { Db } from './open.js';

/** A participant with how much they speak in the project. */
export interface ParticipantRow extends Participant {
  sources: number;
  turns: number;
}

/**
 * Adds new participants and merges into existing ones (matched by pseudonym, case-insensitively): see
 * mergeParticipant. `updated` counts those that changed, `unchanged` those the rows left as they were.
 */
export function upsertParticipants(db: Db, participants: readonly Participant[], now: string): { added: number; updated: number; unchanged: number } {
  const find = db.prepare<[string], { id: number; pseudonym: string; grp: string | null; attributes: string }>(
    'SELECT id, pseudonym, grp, attributes FROM participants WHERE pseudonym = ?',
  );
  const insert = db.prepare(
    'INSERT INTO participants (pseudonym, grp, attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE participants SET pseudonym = ?, grp = ?, attributes = ?, updated_at = ? WHERE id = ?');
  const counts = { added: 0, updated: 0, unchanged: 0 };
  db.transaction(() => {
    for (const p of participants) {
      const existing = find.get(p.pseudonym);
      if (!existing) {
        insert.run(p.pseudonym, p.group, JSON.stringify(p.attributes), now, now);
        counts.added += 1;
        continue;
      }
      const stored = { pseudonym: existing.pseudonym, group: existing.grp, attributes: JSON.parse(existing.attributes) as Record<string, string> };
      const merged = mergeParticipant(stored, p);
      const attributes = JSON.stringify(merged.attributes);
      if (merged.pseudonym === existing.pseudonym && merged.group === existing.grp && attributes === existing.attributes) {
        counts.unchanged += 1;
        continue;
      }
      update.run(merged.pseudonym, merged.group, attributes, now, existing.id);
      counts.updated += 1;
    }
  }).immediate();
  return counts;
}

/** Every participant, by pseudonym, with the number of sources and turns they speak in. */
export function listParticipants(db: Db): ParticipantRow[] {
  const rows = db
    .prepare<[], { pseudonym: string; grp: string | null; attributes: string; sources: number; turns: number }>(
      `SELECT p.pseudonym, p.grp, p.attributes,
              COUNT(DISTINCT s.source_id) AS sources,
              COUNT(s.id) AS turns
         FROM participants p
         LEFT JOIN turns s ON s.participant_id = p.id
        GROUP BY p.id
        ORDER BY p.pseudonym COLLATE NOCASE`,
    )
    .all();
  return rows.map((r) => ({
    pseudonym: r.pseudonym,
    group: r.grp,
    attributes: JSON.parse(r.attributes) as Record<string, string>,
    sources: r.sources,
    turns: r.turns,
  }));
}

/** Pseudonym → row id, for attaching turns to participants. */
export function participantIdsByPseudonym(db: Db): Map<string, number> {
  const rows = db.prepare<[], { id: number; pseudonym: string }>('SELECT id, pseudonym FROM participants').all();
  return new Map(rows.map((r) => [r.pseudonym, r.id]));
}
