import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './open.js';
import { wipeFreedPages } from './secure-delete.js';

describe('wipeFreedPages', () => {
  it('empties the -wal file, and says so when another connection in a read keeps it from doing that', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'telaah-wipe-')), 'telaah.db');
    const db = openStore(path, { create: true });
    db.pragma('busy_timeout = 50');
    const insert = db.prepare("INSERT INTO audit (at, actor, command, arguments) VALUES ('now', 'me', 'x', '[]')");
    insert.run();
    expect(wipeFreedPages(db, { searchIndex: true, vacuum: true })).toEqual({ checkpointed: true });
    const reader = openStore(path, { readonly: true });
    const rows = reader.prepare('SELECT id FROM audit').iterate();
    rows.next();
    insert.run();
    expect(wipeFreedPages(db, { searchIndex: false, vacuum: true })).toEqual({ checkpointed: false });
    rows.return?.();
    reader.close();
    expect(wipeFreedPages(db, { searchIndex: false, vacuum: true })).toEqual({ checkpointed: true });
    db.close();
  });
});
