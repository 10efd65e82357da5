import { describe, expect, it } from 'vitest';
import { recordAudit } from './audit.js';
import { openStore } from './open.js';
import { renameInAudit } from './source-edits.js';

describe('renameInAudit', () => {
  it('renames a source wherever audit arguments name it, whole or in a path, and nowhere else', () => {
    const db = openStore(':memory:', { create: true });
    const entry = (command: string, args: string[]) => recordAudit(db, { at: 'now', actor: 'rina', command, arguments: args, counts: {} });
    entry('ingest', ['data/interviews/w01-siti.txt']);
    entry('code add', ['w01-siti', '4.2', 'barrier/economic']);
    entry('code add', ['w01-sitihajar', '1', 'barrier/economic']);
    entry('ingest', ['data/interviews']);
    expect(renameInAudit(db, 'w01-siti', 'w01-sumiati')).toBe(2);
    expect(db.prepare('SELECT arguments FROM audit ORDER BY id').all()).toEqual([
      { arguments: '["data/interviews/w01-sumiati.txt"]' },
      { arguments: '["w01-sumiati","4.2","barrier/economic"]' },
      { arguments: '["w01-sitihajar","1","barrier/economic"]' },
      { arguments: '["data/interviews"]' },
    ]);
  });
});
