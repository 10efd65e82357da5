/** The audit trail for people (`telaah log`): pure renderers of the entries the store reads. */
import { displayWidth, truncate, type TableModel } from './text-layout.js';
import { formatWhen } from './when.js';

/** One entry as the renderers need it (the store's AuditRecord). */
export interface AuditEntryView {
  id: number;
  at: string;
  actor: string;
  command: string;
  arguments: readonly string[];
  counts: Readonly<Record<string, number>>;
}

/** Columns a terminal gives what changed before it cuts the command. */
const CHANGED_AT_LEAST = 24;

/** Counts that mark how a command ended rather than how much it changed. */
const MARKS = new Set(['interrupted']);

/** `newVersion` → `new version`. */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * What a command changed, from its counts: `added 3, removed 1`, `codings 2`. Zeros say nothing and are
 * left out; a mark such as `interrupted` is written as the word alone.
 */
export function describeCounts(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .filter(([, n]) => typeof n === 'number' && n !== 0)
    .map(([key, n]) => (MARKS.has(key) ? words(key) : `${words(key)} ${n}`))
    .join(', ');
}

/** Arguments as a shell would take them back: quoted where they hold spaces or quotes, or are empty. */
export function formatArguments(args: readonly string[]): string {
  return args.map((a) => (a === '' || /[\s"'\\$`]/.test(a) ? `"${a.replace(/(["\\$`])/g, '\\$1')}"` : a)).join(' ');
}

/**
 * The trail as a table: on a terminal of `width` columns, when (how long ago), who, the command as typed,
 * what changed; in a pipe the ISO time and the arguments in a column of their own, for cut and awk.
 */
export function auditLogTable(entries: readonly AuditEntryView[], options: { terminal: boolean; now: Date; width: number }): TableModel {
  if (!options.terminal) {
    return {
      columns: [{ title: 'id' }, { title: 'at' }, { title: 'actor' }, { title: 'command' }, { title: 'arguments' }, { title: 'changed' }],
      rows: entries.map((e) => [e.id, e.at, e.actor, e.command, formatArguments(e.arguments), describeCounts(e.counts)]),
    };
  }
  const when = entries.map((e) => formatWhen(e.at, options.now));
  const commands = entries.map((e) => [e.command, formatArguments(e.arguments)].filter(Boolean).join(' '));
  const changes = entries.map((e) => describeCounts(e.counts));
  const widest = (cells: readonly string[], title: string): number => Math.max(displayWidth(title), ...cells.map(displayWidth));
  // The command and what changed share what the terminal leaves: the command first, what changed keeping
  // at least its first counts. Counts are cut only between them, never inside one ("added 4…" reads as four).
  const room = options.width - widest(when, 'when') - widest(entries.map((e) => e.actor), 'who') - 6;
  const changedAtLeast = Math.min(CHANGED_AT_LEAST, Math.floor(room / 2));
  const changedWidth = Math.min(widest(changes, 'changed'), Math.max(changedAtLeast, room - widest(commands, 'command')));
  const commandWidth = Math.max(12, room - changedWidth);
  return {
    columns: [{ title: 'when' }, { title: 'who' }, { title: 'command' }, { title: 'changed' }],
    rows: entries.map((e, i) => [when[i]!, e.actor, truncate(commands[i]!, commandWidth), fitCounts(changes[i]!, changedWidth)]),
  };
}

/** Counts cut to `width` at a comma, ending in `…` when some are left out. */
function fitCounts(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const parts = text.split(', ');
  let kept = '';
  for (const part of parts) {
    const next = kept ? `${kept}, ${part}` : part;
    if (displayWidth(next) + 3 > width) break;
    kept = next;
  }
  return kept ? `${kept}, …` : '…';
}

/** The CSV of the trail: one column per field, arguments and counts as JSON. */
export function auditLogCsv(entries: readonly AuditEntryView[]): { header: string[]; rows: unknown[][] } {
  return {
    header: ['id', 'at', 'actor', 'command', 'arguments', 'counts'],
    rows: entries.map((e) => [e.id, e.at, e.actor, e.command, JSON.stringify(e.arguments), JSON.stringify(e.counts)]),
  };
}
