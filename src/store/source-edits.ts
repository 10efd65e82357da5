/** Changes to sources after ingest: remove, rename, and set their descriptive fields. */
import type { SourceFields } from '../core/source-fields.js';
import type { SourceType } from '../core/transcript/types.js';
import type { Db } from './open.js';
import { segmentRangeDeleter } from './segment-rows.js';

/** A source's row id and its segments' id range. */
export interface SourceRange {
  id: number;
  first_segment: number;
  last_segment: number;
}

/** The source with this name, or undefined. */
export function findSourceRange(db: Db, name: string): SourceRange | undefined {
  return db.prepare<[string], SourceRange>('SELECT id, first_segment, last_segment FROM sources WHERE name = ?').get(name);
}

/** Deletes sources with their segments; their codings, review decisions and memos go with the segments. */
export function removeSources(db: Db, names: readonly string[]): void {
  const deleteSegments = segmentRangeDeleter(db);
  const source = db.prepare('DELETE FROM sources WHERE id = ?');
  db.transaction(() => {
    for (const name of names) {
      const range = findSourceRange(db, name);
      if (!range) continue;
      deleteSegments(range.first_segment, range.last_segment);
      source.run(range.id);
    }
  }).immediate();
}

/** Gives a source a new name (codings follow: they point at its segments, not its name). */
export function renameSource(db: Db, from: string, to: string): void {
  db.prepare('UPDATE sources SET name = ? WHERE name = ?').run(to, from);
}

/** A source's type, date, site, language and attributes, or undefined. */
export function readSourceFields(db: Db, name: string): SourceFields | undefined {
  const row = db
    .prepare<[string], { type: SourceType; date: string | null; site: string | null; language: string | null; attributes: string }>(
      'SELECT type, date, site, language, attributes FROM sources WHERE name = ?',
    )
    .get(name);
  if (!row) return undefined;
  return { type: row.type, date: row.date, site: row.site, language: row.language, attributes: JSON.parse(row.attributes) as Record<string, string> };
}

/** Stores a source's type, date, site, language and attributes. */
export function writeSourceFields(db: Db, name: string, fields: SourceFields): void {
  db.prepare('UPDATE sources SET type = ?, date = ?, site = ?, language = ?, attributes = ? WHERE name = ?').run(
    fields.type,
    fields.date,
    fields.site,
    fields.language,
    JSON.stringify(fields.attributes),
    name,
  );
}

/**
 * Writes a source's new name wherever the audit trail's arguments name it (as a whole name, or inside a
 * path): used when a name that held a real name is replaced, so the old one is stored nowhere.
 */
export function renameInAudit(db: Db, from: string, to: string): number {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Bounded by anything but a letter or digit: `w01-siti` inside `interviews/w01-siti.txt`, not inside `w01-sitii`.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
  const rows = db.prepare<[string], { id: number; arguments: string }>("SELECT id, arguments FROM audit WHERE instr(arguments, ?) > 0").all(from);
  const update = db.prepare('UPDATE audit SET arguments = ? WHERE id = ?');
  let changed = 0;
  for (const row of rows) {
    const args = JSON.parse(row.arguments) as string[];
    const renamed = args.map((arg) => arg.replace(pattern, to));
    if (renamed.some((arg, i) => arg !== args[i])) {
      update.run(JSON.stringify(renamed), row.id);
      changed += 1;
    }
  }
  return changed;
}
