import type { Codebook } from '../core/codebook/types.js';
import type { Db } from './open.js';

/** A stored codebook version. */
export interface CodebookVersion {
  id: number;
  name: string;
  version: string;
  file: string;
  sha256: string;
  addedAt: string;
}

/** Stores a codebook version (its YAML and codes) unless one with the same hash exists; returns it and whether it is new. */
export function saveCodebookVersion(
  db: Db,
  codebook: Codebook,
  source: { file: string; sha256: string; yaml: string },
  addedAt: string,
): { version: CodebookVersion; created: boolean } {
  const existing = findCodebookBySha(db, source.sha256);
  if (existing) return { version: existing, created: false };
  return db.transaction(() => {
    const id = Number(
      db
        .prepare('INSERT INTO codebooks (name, version, file, sha256, yaml, added_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(codebook.name, codebook.version, source.file, source.sha256, source.yaml, addedAt).lastInsertRowid,
    );
    const insert = db.prepare('INSERT INTO codes (codebook_id, id, parent, label, definition, position) VALUES (?, ?, ?, ?, ?, ?)');
    codebook.codes.forEach((code, position) => {
      insert.run(id, code.id, code.parent, JSON.stringify(code.label), code.definition, position);
    });
    return { version: { id, name: codebook.name, version: codebook.version, file: source.file, sha256: source.sha256, addedAt }, created: true };
  })();
}

/** The codebook version with this hash, if stored. */
export function findCodebookBySha(db: Db, sha256: string): CodebookVersion | undefined {
  const row = db
    .prepare<[string], { id: number; name: string; version: string; file: string; sha256: string; added_at: string }>(
      'SELECT id, name, version, file, sha256, added_at FROM codebooks WHERE sha256 = ?',
    )
    .get(sha256);
  return row && { id: row.id, name: row.name, version: row.version, file: row.file, sha256: row.sha256, addedAt: row.added_at };
}

/** Every stored version, oldest first. */
export function listCodebookVersions(db: Db): CodebookVersion[] {
  return db
    .prepare<[], { id: number; name: string; version: string; file: string; sha256: string; added_at: string }>(
      'SELECT id, name, version, file, sha256, added_at FROM codebooks ORDER BY id',
    )
    .all()
    .map((r) => ({ id: r.id, name: r.name, version: r.version, file: r.file, sha256: r.sha256, addedAt: r.added_at }));
}
