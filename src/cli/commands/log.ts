import { closest } from '../../core/did-you-mean.js';
import { InputError } from '../../errors.js';
import { auditLogCsv, auditLogTable } from '../../report/audit-log.js';
import { renderCsvRows } from '../../report/csv.js';
import { jsonArrayEnd, jsonArrayJoint, jsonElement } from '../../report/json-array.js';
import { auditNames, countAudit, iterateAudit, listAudit, type AuditFilter, type AuditRecord } from '../../store/audit-log.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { rowCheckpoint, runExport, type ExportPace, type ExportSink } from '../export-sink.js';
import type { ListingOptions } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeTable, type OutputMode } from '../output.js';
import { paint } from '../style.js';
import { visibleText } from '../../core/text/visible-text.js';

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
/** Entries rendered per write when the whole trail goes to a pipe. */
const PAGE = 500;

/** `telaah log`: the audit trail, newest first — who changed the project, when, with which command, and how much. */
export async function run(ctx: Ctx, _args: string[], opts: LogOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, async ({ db }): Promise<ExitCode> => {
    // Reading the names scans the trail: only when a name is to be checked.
    const names = opts.command !== undefined || opts.actor !== undefined ? auditNames(db) : undefined;
    if (opts.command !== undefined) checkCommand(opts.command, names!.commands);
    if (opts.actor !== undefined) checkActor(opts.actor, names!.actors);
    const mode = outputMode(opts);
    const terminal = mode === 'table' && ctx.stdoutIsTTY;
    const filter: AuditFilter = { command: opts.command, actor: opts.actor, since: opts.since, limit: opts.limit ?? (terminal ? TERMINAL_LIMIT : undefined) };
    if (!terminal) {
      // As an export: waits while a slow pipe drains, and a closed pipe (`| head`) stops it at once.
      const done = await runExport(ctx, {}, (sink, pace) => writeTrail(ctx, mode, iterateAudit(db, filter), sink, pace));
      return done.interrupted ? 130 : 0;
    }
    const entries = listAudit(db, filter);
    if (entries.length === 0) {
      ctx.stderr.write('No entry of the audit trail matches.\n');
      return 0;
    }
    const c = paint(ctx);
    const table = auditLogTable(entries, { terminal, now: ctx.now(), width: ctx.columns });
    writeTable(ctx, table.columns, table.rows, { header: c.bold });
    const total = filter.limit !== undefined && entries.length === filter.limit ? countAudit(db, filter) : entries.length;
    if (total > entries.length) ctx.stdout.write(c.dim(`(the latest ${entries.length} of ${total}; --limit N for more, or pipe it: telaah log | less)\n`));
    return 0;
  });
}

/**
 * The trail as JSON, CSV or TSV (as writeJson, writeCsv and writeTable give them), a page at a time, so
 * that a long history never sits in memory whole.
 */
async function writeTrail(ctx: Ctx, mode: OutputMode, entries: Iterable<AuditRecord>, sink: ExportSink, pace: ExportPace): Promise<void> {
  let written = 0;
  const flush = (page: AuditRecord[]): void => {
    if (mode === 'json') {
      sink.write(page.map((e, i) => jsonArrayJoint(written + i) + jsonElement(e)).join(''));
    } else if (mode === 'csv') {
      const { header, rows } = auditLogCsv(page);
      sink.write(renderCsvRows(written ? rows : [header, ...rows]));
    } else {
      // Escaped as writeTable escapes its TSV cells: an argument with a newline must not break the rows.
      const { columns, rows } = auditLogTable(page, { terminal: false, now: ctx.now(), width: ctx.columns });
      const lines = [...(written ? [] : [columns.map((col) => col.title)]), ...rows.map((row) => row.map((cell) => visibleText(String(cell ?? ''))))];
      if (lines.length) sink.write(`${lines.map((line) => line.join('\t')).join('\n')}\n`);
    }
    written += page.length;
  };
  let page: AuditRecord[] = [];
  for (const entry of entries) {
    page.push(entry);
    if (page.length === PAGE) {
      flush(page);
      page = [];
      const wait = rowCheckpoint(sink, pace);
      if (wait) await wait;
    }
  }
  flush(page);
  if (mode === 'json') sink.write(jsonArrayEnd(written));
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
