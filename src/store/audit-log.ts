/** Reading the audit trail (`telaah log`); audit.ts writes it. */
import type { Db } from './open.js';

/** One recorded command, as `telaah log --json` prints it. */
export interface AuditRecord {
  id: number;
  /** ISO 8601, UTC. */
  at: string;
  actor: string;
  command: string;
  arguments: string[];
  counts: Record<string, number>;
}

/** Which entries to read. */
export interface AuditFilter {
  /** A command (`code add`) or a group of them (`code`). */
  command?: string;
  actor?: string;
  /** ISO 8601: entries at or after it. */
  since?: string;
  /** At most this many, the newest. */
  limit?: number;
}

function whereOf(filter: AuditFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.command !== undefined) {
    clauses.push("(command = ? OR command LIKE ? ESCAPE '\\')");
    params.push(filter.command, `${filter.command.replace(/[\\%_]/g, '\\$&')} %`);
  }
  if (filter.actor !== undefined) {
    clauses.push('actor = ?');
    params.push(filter.actor);
  }
  if (filter.since !== undefined) {
    clauses.push('at >= ?');
    params.push(filter.since);
  }
  return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * Entries matching the filter, newest first, one at a time (a long history is never held whole). Ordered
 * by time, then id, so the index on `at` serves both `--since` and the order, and `--limit` stops the
 * scan early.
 */
export function* iterateAudit(db: Db, filter: AuditFilter = {}): Generator<AuditRecord> {
  const { sql, params } = whereOf(filter);
  const limit = filter.limit !== undefined ? ' LIMIT ?' : '';
  const rows = db
    .prepare<unknown[], { id: number; at: string; actor: string; command: string; arguments: string; counts: string }>(
      `SELECT id, at, actor, command, arguments, counts FROM audit${sql} ORDER BY at DESC, id DESC${limit}`,
    )
    .iterate(...params, ...(filter.limit !== undefined ? [filter.limit] : []));
  for (const r of rows) yield { ...r, arguments: JSON.parse(r.arguments) as string[], counts: JSON.parse(r.counts) as Record<string, number> };
}

/** Entries matching the filter, newest first (see iterateAudit). */
export function listAudit(db: Db, filter: AuditFilter = {}): AuditRecord[] {
  return [...iterateAudit(db, filter)];
}

/** How many entries match the filter (its limit aside). */
export function countAudit(db: Db, filter: AuditFilter = {}): number {
  const { sql, params } = whereOf(filter);
  return db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM audit${sql}`).get(...params)!.n;
}

/** The commands and actors the trail holds, for "did you mean". */
export function auditNames(db: Db): { commands: string[]; actors: string[] } {
  const column = (name: 'command' | 'actor'): string[] =>
    db
      .prepare<[], { v: string }>(`SELECT DISTINCT ${name} AS v FROM audit ORDER BY v`)
      .all()
      .map((r) => r.v);
  return { commands: column('command'), actors: column('actor') };
}
