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
  }).immediate();
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

/** A stored version with the YAML it was read from. */
export interface StoredCodebook extends CodebookVersion {
  yaml: string;
}

/** Stored versions with this name and version (more than one only in projects from before versions were enforced). */
export function findCodebooksByNameVersion(db: Db, name: string, version: string): CodebookVersion[] {
  return listCodebookVersions(db).filter((v) => v.name === name && v.version === version);
}

/** The newest stored version read from this file (a path relative to the project), if any. */
export function findLatestCodebookFromFile(db: Db, file: string): CodebookVersion | undefined {
  return listCodebookVersions(db)
    .filter((v) => v.file === file)
    .pop();
}

/** Makes a stored version the project's current codebook. */
export function setCurrentCodebook(db: Db, codebookId: number, since: string): void {
  db.prepare(
    `INSERT INTO current_codebook (only, codebook_id, since) VALUES (1, ?, ?)
     ON CONFLICT (only) DO UPDATE SET codebook_id = excluded.codebook_id, since = excluded.since`,
  ).run(codebookId, since);
}

/** The project's current codebook as stored (with its YAML), or undefined before `codebook use`. */
export function findCurrentCodebook(db: Db): StoredCodebook | undefined {
  const row = db
    .prepare<[], { id: number; name: string; version: string; file: string; sha256: string; added_at: string; yaml: string }>(
      `SELECT c.id, c.name, c.version, c.file, c.sha256, c.added_at, c.yaml
         FROM current_codebook x JOIN codebooks c ON c.id = x.codebook_id`,
    )
    .get();
  return row && { id: row.id, name: row.name, version: row.version, file: row.file, sha256: row.sha256, addedAt: row.added_at, yaml: row.yaml };
}
