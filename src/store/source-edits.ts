/** Changes to sources after ingest: remove, rename, and set their descriptive fields. */
import type { SourceFields } from '../core/source-fields.js';
import type { SourceType } from '../core/transcript/types.js';
import type { Db } from './open.js';

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

/** Deletes sources with their segments; their codings and review decisions go with the segments. */
export function removeSources(db: Db, names: readonly string[]): void {
  const segments = db.prepare('DELETE FROM segments WHERE id BETWEEN ? AND ?');
  const source = db.prepare('DELETE FROM sources WHERE id = ?');
  db.transaction(() => {
    for (const name of names) {
      const range = findSourceRange(db, name);
      if (!range) continue;
      segments.run(range.first_segment, range.last_segment);
      source.run(range.id);
    }
  })();
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
