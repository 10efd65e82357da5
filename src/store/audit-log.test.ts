import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test/helpers/query-plan.js';
import { recordAudit } from './audit.js';
import { auditNames, countAudit, listAudit } from './audit-log.js';
import { openStore, type Db } from './open.js';

function trail(): Db {
  const db = openStore(':memory:', { create: true });
  const entries: [string, string, string, string[], Record<string, number>][] = [
    ['2026-01-01T08:00:00.000Z', 'rina', 'init', [], {}],
    ['2026-01-01T08:05:00.000Z', 'rina', 'ingest', ['data'], { added: 3, skipped: 1 }],
    ['2026-01-02T09:00:00.000Z', 'budi', 'code add', ['w01', '2.2', 'x'], { codings: 1, memos: 0 }],
    ['2026-01-02T09:00:00.000Z', 'budi', 'code auto', ['mini.yaml'], { added: 40, removed: 2 }],
    ['2026-01-03T10:00:00.000Z', 'rina', 'codebook use', ['mini.yaml'], { newVersion: 1 }],
  ];
  for (const [at, actor, command, args, counts] of entries) recordAudit(db, { at, actor, command, arguments: args, counts });
  return db;
}

describe('listAudit', () => {
  it('reads entries newest first, ties by the order they were recorded', () => {
    const db = trail();
    expect(listAudit(db).map((e) => `${e.id} ${e.command}`)).toEqual(['5 codebook use', '4 code auto', '3 code add', '2 ingest', '1 init']);
    expect(listAudit(db)[3]).toEqual({ id: 2, at: '2026-01-01T08:05:00.000Z', actor: 'rina', command: 'ingest', arguments: ['data'], counts: { added: 3, skipped: 1 } });
  });

  it('filters by command or command group (not by a word inside another), actor, time, and limits', () => {
    const db = trail();
    const commands = (filter: Parameters<typeof listAudit>[1]) => listAudit(db, filter).map((e) => e.command);
    expect(commands({ command: 'code' })).toEqual(['code auto', 'code add']);
    expect(commands({ command: 'code add' })).toEqual(['code add']);
    expect(commands({ command: 'codebook' })).toEqual(['codebook use']);
    expect(commands({ command: 'cod' })).toEqual([]);
    expect(commands({ actor: 'budi' })).toEqual(['code auto', 'code add']);
    expect(commands({ since: '2026-01-02T00:00:00.000Z' })).toEqual(['codebook use', 'code auto', 'code add']);
    expect(commands({ limit: 2 })).toEqual(['codebook use', 'code auto']);
    expect(countAudit(db, { actor: 'rina', limit: 1 })).toBe(3);
  });

  it('reads a long history by the index on time', () => {
    const db = trail();
    const plan = (sql: string): string => queryPlan(db, sql).join('; ');
    expect(plan("SELECT * FROM audit WHERE at >= '2026' ORDER BY at DESC, id DESC LIMIT 20")).toMatch(/USING INDEX audit_at/);
    expect(plan('SELECT * FROM audit ORDER BY at DESC, id DESC LIMIT 20')).not.toMatch(/TEMP B-TREE/);
  });

  it('names the commands and actors it holds', () => {
    expect(auditNames(trail())).toEqual({ commands: ['code add', 'code auto', 'codebook use', 'ingest', 'init'], actors: ['budi', 'rina'] });
  });
});
