import { clipText, MESSAGE_MAX, visibleText } from '../../core/text/visible-text.js';
import type { Ctx } from '../context.js';
import { paint } from '../style.js';
import type { FileOutcome } from './ingest-files.js';

/** The result of an ingest run, as printed and as `--json`. */
export interface IngestSummary {
  counts: {
    added: number;
    replaced: number;
    unchanged: number;
    skipped: number;
    failed: number;
    turns: number;
    segments: number;
    bytes: number;
    namesReplaced: number;
    /** Human codings and review decisions carried onto replaced sources' new text, and those that could not be. */
    keptCodings: number;
    keptDecisions: number;
    keptMemos: number;
    notKept: number;
    /** Auto and suggested codings that went with replaced text. */
    removedProposals: number;
  };
  files: FileOutcome[];
}

/** Totals over the outcomes of every file. */
export function summarizeOutcomes(files: FileOutcome[]): IngestSummary {
  const counts = { added: 0, replaced: 0, unchanged: 0, skipped: 0, failed: 0, turns: 0, segments: 0, bytes: 0, namesReplaced: 0, keptCodings: 0, keptDecisions: 0, keptMemos: 0, notKept: 0, removedProposals: 0 };
  for (const f of files) {
    counts[f.status] += 1;
    if (f.status === 'added' || f.status === 'replaced') {
      counts.turns += f.turns;
      counts.segments += f.segments;
      counts.bytes += f.bytes;
      counts.namesReplaced += f.replacements;
      counts.keptCodings += f.keptCodings ?? 0;
      counts.keptDecisions += f.keptDecisions ?? 0;
      counts.keptMemos += f.keptMemos ?? 0;
      counts.notKept += f.notKept?.length ?? 0;
      counts.removedProposals += f.removedProposals ?? 0;
    }
  }
  return { counts, files };
}

/** The summary for people: totals, then one line per failed or skipped file, then warnings. */
export function renderIngestSummary(summary: IngestSummary, warnings: readonly string[], ctx: Ctx): string {
  const c = paint(ctx);
  const { counts } = summary;
  const lines: string[] = [];
  const parts = [`${counts.added} added`];
  if (counts.replaced) parts.push(`${counts.replaced} replaced`);
  if (counts.unchanged) parts.push(`${counts.unchanged} unchanged`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.failed) parts.push(c.red(`${counts.failed} failed`));
  lines.push(`Ingested: ${parts.join(', ')} (${counts.turns} turns, ${counts.segments} segments${counts.namesReplaced ? `, ${counts.namesReplaced} real names replaced` : ''})`);
  const unmatched = unmatchedSpeakers(summary.files);
  if (unmatched.length > 0) {
    const shown = unmatched.slice(0, 8).map(([label, files]) => `${label} (${files} ${files === 1 ? 'file' : 'files'})`);
    const more = unmatched.length > 8 ? `, and ${unmatched.length - 8} more` : '';
    lines.push(
      c.yellow(`  warning: speakers not matched to a participant: ${shown.join(', ')}${more}. Import participants, or map labels with --speakers`),
    );
  }
  lines.push(...renderNaming(summary.files, c), ...renderWithheld(summary.files), ...renderCarried(summary.files, c));
  for (const w of warnings.slice(0, 20)) lines.push(c.yellow(`  warning: ${clipText(w, MESSAGE_MAX)}`));
  if (warnings.length > 20) lines.push(c.yellow(`  … and ${warnings.length - 20} more warnings (see --json)`));
  for (const f of summary.files) {
    if (f.status === 'skipped') lines.push(c.dim(`  skipped ${f.file}: ${f.reason}`));
  }
  for (const f of summary.files) {
    if (f.status === 'failed') lines.push(c.red(`  failed ${f.message}`));
  }
  // File names, labels and quoted text come from the files: their control characters are shown, not obeyed.
  return `${lines.map((line) => visibleText(line, { colour: ctx.color })).join('\n')}\n`;
}

/** How files that could not take their own name were named. */
function renderNaming(files: readonly FileOutcome[], c: ReturnType<typeof paint>): string[] {
  const lines: string[] = [];
  for (const f of files) {
    if ((f.status !== 'added' && f.status !== 'replaced') || !f.nameClash) continue;
    lines.push(c.dim(`  named ${f.name}: ${f.file} (${f.nameClash.wanted} is also ${f.nameClash.with.join(', ')})`));
  }
  return lines;
}

/** One line per file whose withdrawn participants' turns were left out. */
function renderWithheld(files: readonly FileOutcome[]): string[] {
  const lines: string[] = [];
  for (const f of files) {
    if ((f.status !== 'added' && f.status !== 'replaced' && f.status !== 'unchanged') || !f.withheld) continue;
    const who = Object.entries(f.withheld).map(([pseudonym, turns]) => `${plural(turns, 'turn')} of ${pseudonym}`);
    lines.push(`  left out ${who.join(', ')} (withdrawn) from ${f.file}; --include-withdrawn keeps them`);
  }
  return lines;
}

/**
 * Per replaced source, the human work kept on the new text and, listed one by one, what could not be
 * kept: nothing human goes unmentioned. Auto and suggested codings are counted once.
 */
function renderCarried(files: readonly FileOutcome[], c: ReturnType<typeof paint>): string[] {
  const lines: string[] = [];
  let proposals = 0;
  for (const f of files) {
    if (f.status !== 'replaced') continue;
    proposals += f.removedProposals ?? 0;
    const notKept = f.notKept ?? [];
    const memos = f.keptMemos ? `, ${plural(f.keptMemos, 'memo')}` : '';
    const kept = `kept ${plural(f.keptCodings ?? 0, 'human coding')}${memos} and ${plural(f.keptDecisions ?? 0, 'review decision')}`;
    if (notKept.length === 0) {
      if (f.keptCodings || f.keptDecisions || f.keptMemos) lines.push(`  replaced ${f.name}: ${kept}`);
      continue;
    }
    lines.push(c.yellow(`  replaced ${f.name}: ${kept}; could not keep ${notKept.length} (the text of ${notKept.length === 1 ? 'its segment' : 'their segments'} changed):`));
    for (const n of notKept) {
      const what =
        n.kind === 'coding'
          ? `${n.code} by ${n.coder} (${n.detail})`
          : n.kind === 'memo'
            ? `${n.detail} by ${n.coder} (kept on the source: \`telaah memo edit ${n.detail.replace(/^memo /, '')} --target segment:${f.name}:T.S\` moves it)`
            : `review decision ${n.detail}${n.code ? ` ${n.code}` : ''} by ${n.coder}`;
      lines.push(c.yellow(`    ${f.name} ${n.segment} ${what}: "${n.text}"${n.reason === 'evidence-changed' ? ' (its evidence changed)' : ''}`));
    }
  }
  if (proposals > 0) {
    lines.push(c.dim(`  ${plural(proposals, 'automatic or suggested coding')} went with the replaced text; \`telaah code auto\` and \`telaah suggest\` make them again`));
  }
  return lines;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Unmatched speaker labels with the number of files each appears in, most frequent first. */
export function unmatchedSpeakers(files: readonly FileOutcome[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of files) {
    if (f.status !== 'added' && f.status !== 'replaced') continue;
    for (const label of f.unknownSpeakers) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
