import { describe, expect, it } from 'vitest';
import { BatchInsert } from './batch-insert.js';
import { openStore } from './open.js';

describe('BatchInsert', () => {
  it.each([0, 1, 7, 31, 32, 33, 63, 64, 100, 127])('writes all of %i rows, in order', (count) => {
    const db = openStore(':memory:', { create: true });
    db.exec('CREATE TABLE t (a INTEGER, b TEXT)');
    const insert = new BatchInsert(db, 't', ['a', 'b']);
    for (let i = 0; i < count; i++) insert.add(i, `r${i}`);
    insert.flush();
    const rows = db.prepare('SELECT a, b FROM t ORDER BY rowid').all();
    expect(rows).toEqual(Array.from({ length: count }, (_, i) => ({ a: i, b: `r${i}` })));
    insert.flush();
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: count });
  });
});
