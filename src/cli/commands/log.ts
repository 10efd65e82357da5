import { closest } from '../../core/did-you-mean.js';
import { InputError } from '../../errors.js';
import { auditLogCsv, auditLogTable } from '../../report/audit-log.js';
import { auditNames, countAudit, listAudit, type AuditFilter } from '../../store/audit-log.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable } from '../output.js';
import { paint } from '../style.js';

/** Options of `telaah log`. */
export interface LogOptions extends ListingOptions {
  command?: string;
  actor?: string;
  /** ISO 8601 (parsed by --since's option). */
  since?: string;
  limit?: number;
}

/** How many entries a terminal shows without --limit: a screenful; pipes and --json get them all. */
const TERMINAL_LIMIT = 20;

/** `telaah log`: the audit trail, newest first — who changed the project, when, with which command, and how much. */
export async function run(ctx: Ctx, _args: string[], opts: LogOptions): Promise<ExitCode> {
  return withProject(ctx, opts, ({ db }) => {
    const names = auditNames(db);
    if (opts.command !== undefined) checkCommand(opts.command, names.commands);
    if (opts.actor !== undefined) checkActor(opts.actor, names.actors);
    const mode = outputMode(opts);
    const terminal = mode === 'table' && ctx.stdoutIsTTY;
    const filter: AuditFilter = { command: opts.command, actor: opts.actor, since: opts.since, limit: opts.limit ?? (terminal ? TERMINAL_LIMIT : undefined) };
    const entries = listAudit(db, filter);
    if (mode === 'json') writeJson(ctx, entries);
    else if (mode === 'csv') {
      const { header, rows } = auditLogCsv(entries);
      writeCsv(ctx, header, rows);
    } else {
      const c = paint(ctx);
      const table = auditLogTable(entries, { terminal, now: ctx.now(), width: ctx.columns });
      writeTable(ctx, table.columns, table.rows, { header: c.bold });
      if (terminal) {
        const total = filter.limit !== undefined && entries.length === filter.limit ? countAudit(db, filter) : entries.length;
        if (total > entries.length) ctx.stdout.write(c.dim(`(the latest ${entries.length} of ${total}; --limit N for more, or pipe it: telaah log | less)\n`));
      }
    }
    return 0;
  });
}

/** A command or a group of commands the trail holds; otherwise an error naming the nearest. */
function checkCommand(command: string, commands: readonly string[]): void {
  if (commands.some((c) => c === command || c.startsWith(`${command} `))) return;
  const groups = [...new Set(commands.map((c) => c.split(' ')[0]!))];
  const near = closest(command, [...new Set([...commands, ...groups])], 3);
  throw new InputError(`no "${command}" in the audit trail`, {
    hint: near.length ? `Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : `It holds ${commands.slice(0, 8).join(', ')}${commands.length > 8 ? ', …' : ''}`,
  });
}

/** Someone who changed nothing yet may be real, so only a name close to a known actor is taken for a typo. */
function checkActor(actor: string, actors: readonly string[]): void {
  if (actors.includes(actor)) return;
  const near = closest(actor, actors, 2);
  if (near.length) throw new InputError(`"${actor}" changed nothing in this project`, { hint: `Did you mean ${near.join(' or ')}?` });
}
