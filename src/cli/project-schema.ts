import { relative } from 'node:path';
import { ProjectError } from '../errors.js';
import { recordAudit } from '../store/audit.js';
import type { Db } from '../store/open.js';
import { olderSchema, upgradeWithBackup, type SchemaUpgrade } from '../store/schema-upgrade.js';
import { actorOf, type Ctx } from './context.js';
import type { Project } from './open-project.js';
import { visibleText } from '../core/text/visible-text.js';

/**
 * What a command does with the project: `read` never changes it, so an older project is refused rather
 * than migrated behind the researcher's back (a colleague's older telaah could no longer open it, and a
 * shared or archived copy may not be ours to change); `write` changes it anyway and migrates it first;
 * `as-is` takes the database whatever its schema (a backup copies it as it is).
 */
export type ProjectAccess = 'read' | 'write' | 'as-is';

/**
 * Upgrades an older project for a writing command (a backup first, a line on stderr saying where it is),
 * or refuses a reading command with the command that upgrades it (exit 3).
 */
export function bringSchemaUpToDate(ctx: Ctx, project: Pick<Project, 'db' | 'paths'>, access: ProjectAccess): void {
  const older = access === 'as-is' ? undefined : olderSchema(project.db);
  if (!older) return;
  if (access === 'read') {
    throw new ProjectError(`this project uses schema ${older.from} of telaah's database and this telaah uses schema ${older.to}`, {
      hint: 'Run `telaah migrate` to upgrade it (a backup of the old database is written first); reading commands leave it unchanged',
    });
  }
  const upgrade = upgradeProject(ctx, project.db, project.paths.database)!;
  ctx.stderr.write(describeUpgrade(ctx, upgrade));
}

/** Upgrades an older project after a backup and records it in the audit trail; undefined when it is current. */
export function upgradeProject(ctx: Ctx, db: Db, database: string): SchemaUpgrade | undefined {
  const upgrade = upgradeWithBackup(db, database);
  if (upgrade) recordAudit(db, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: 'migrate', arguments: [], counts: { from: upgrade.from, to: upgrade.to } });
  return upgrade;
}

/** The stderr line after an upgrade: what changed and where the old database is kept. */
export function describeUpgrade(ctx: Ctx, upgrade: { from: number; to: number; backup: string }): string {
  const shown = relative(ctx.cwd, upgrade.backup);
  const where = shown.startsWith('..') || shown === '' ? upgrade.backup : shown;
  return `Upgraded the project database from schema ${upgrade.from} to ${upgrade.to}; the old database is kept in ${visibleText(where)}\n`;
}
