import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRollbackJournal } from './bulk-journal.js';
import { openStore, type Db } from './open.js';

/** A project database on disk (journal modes need a file) with one table. */
function project(): { path: string; db: Db } {
  const path = join(mkdtempSync(join(tmpdir(), 'telaah-journal-')), 'telaah.db');
  const db = openStore(path, { create: true });
  db.exec('CREATE TABLE t (x TEXT)');
  return { path, db };
}

/** The file's own record of its journal: header bytes 18 and 19 are 2 in WAL mode, 1 with a rollback journal. */
function headerMode(path: string): string {
  const [write, read] = readFileSync(path).subarray(18, 20);
  return write === 2 && read === 2 ? 'wal' : write === 1 && read === 1 ? 'rollback' : `${write},${read}`;
}

describe('a rollback journal for a bulk write', () => {
  it('is used while the project is the writer’s alone, and WAL is put back after', () => {
    const { path, db } = project();
    const restore = useRollbackJournal(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.transaction(() => db.prepare("INSERT INTO t VALUES ('a')").run()).immediate();
    expect(headerMode(path)).toBe('rollback');
    restore();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(headerMode(path)).toBe('wal');
    expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual(['a']);
  });

  it('is not used, and nothing waits, when another connection has the project open', () => {
    const { path, db } = project();
    const other = openStore(path);
    // Both wait 60 s for a lock: a switch that waited for `other` would time this test out.
    const restore = useRollbackJournal(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.transaction(() => db.prepare("INSERT INTO t VALUES ('a')").run()).immediate();
    expect(other.prepare('SELECT count(*) FROM t').pluck().get()).toBe(1);
    restore();
    expect(headerMode(path)).toBe('wal');
  });

  it('lets a command open the project during the write and read what is committed; WAL comes back when no one reads', () => {
    const { path, db } = project();
    const restore = useRollbackJournal(db);
    db.transaction(() => db.prepare("INSERT INTO t VALUES ('committed')").run()).immediate();
    db.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES ('pending')");
    // openStore would put WAL back; the writer holds the project, so it opens it as it is, at once.
    const reader = openStore(path);
    expect(reader.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(reader.prepare('SELECT x FROM t').pluck().all()).toEqual(['committed']);
    db.exec('COMMIT');
    // The reader is still reading: WAL cannot be put back now, and restoring does not wait or fail.
    const reading = reader.prepare('SELECT x FROM t').pluck().iterate();
    expect(reading.next().value).toBe('committed');
    restore();
    expect(headerMode(path)).toBe('rollback');
    reading.return?.();
    reader.close();
    db.close();
    const next = openStore(path);
    expect(next.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(next.prepare('SELECT x FROM t').pluck().all()).toEqual(['committed', 'pending']);
    next.close();
  });
});
