import type { Db } from './open.js';

/** One command that changed the project. */
export interface AuditEntry {
  at: string;
  actor: string;
  command: string;
  arguments: readonly string[];
  counts: Record<string, number>;
}

/** Records a change to the project in the audit log. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  db.prepare('INSERT INTO audit (at, actor, command, arguments, counts) VALUES (?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actor,
    entry.command,
    JSON.stringify(entry.arguments),
    JSON.stringify(entry.counts),
  );
}
