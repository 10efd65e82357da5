/** What `telaah withdraw` says before and after: pure text for stderr, wrapped to `width`. */
import type { ChalkInstance } from 'chalk';
import type { ScrubbedQuotes, WithdrawalCounts, WithdrawalPlan } from '../core/withdrawal/withdrawal-plan.js';
import { visibleText } from '../core/text/visible-text.js';
import { wrapText } from './text-layout.js';

function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : nouns}`;
}

function list(parts: readonly string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/** The work on their turns, e.g. "3 human codings, 12 automatic or suggested codings and 1 memo". */
function workOf(counts: WithdrawalCounts): string {
  const parts = [
    counts.humanCodings ? plural(counts.humanCodings, 'human coding') : '',
    counts.proposals ? plural(counts.proposals, 'automatic or suggested coding') : '',
    counts.decisions ? plural(counts.decisions, 'review decision') : '',
    counts.memos ? plural(counts.memos, 'memo') : '',
  ].filter(Boolean);
  return parts.length ? list(parts) : 'no codings or memos';
}

/** Every source that loses turns, then the totals: what the person is asked to agree to. */
export function renderWithdrawalPlan(plan: WithdrawalPlan, options: { width: number; paint: ChalkInstance }): string {
  const { counts } = plan;
  const { width, paint } = options;
  // Pseudonym and source names come from files: escaped before they are laid out.
  const lines = [`Withdrawing ${visibleText(plan.pseudonym)} deletes their words and everything on them:`];
  const nameWidth = Math.max(0, ...plan.sources.map((s) => visibleText(s.name).length));
  for (const s of plan.sources) {
    const fate = s.keptTurns === 0 ? 'all theirs: the source goes whole' : s.othersSpeak ? `${plural(s.keptTurns, 'turn')} of others stay` : `only ${plural(s.keptTurns, 'interviewer turn')} stay`;
    lines.push(`  ${visibleText(s.name).padEnd(nameWidth)}  ${plural(s.turns, 'turn').padStart(10)}  ${paint.dim(fate)}`);
  }
  if (plan.sources.length === 0) lines.push(`  ${paint.dim('no turns in any source')}`);
  const paragraphs = [
    `In all: ${plural(counts.turns, 'turn')} (${plural(counts.segments, 'segment')}, ${plural(counts.words, 'word')}) in ${plural(counts.sources, 'source')}, with ${workOf(counts)}; ` +
      `their participant row and attributes go too. Quotes of their words in memos, the audit trail and stored codebooks become [withdrawn].`,
  ];
  const alone = plan.sources.filter((s) => s.keptTurns > 0 && !s.othersSpeak).map((s) => visibleText(s.name));
  if (alone.length) paragraphs.push(`Interviewer turns stay; \`telaah sources remove ${alone.join(' ')}\` removes ${alone.length === 1 ? 'that source' : 'those sources'} whole.`);
  for (const p of paragraphs) lines.push(...wrapText(p, width));
  return `${lines.join('\n')}\n`;
}

/** The closing lines: what went, what was scrubbed, and whether the files are clean. */
export function renderWithdrawalDone(
  pseudonym: string,
  result: { counts: WithdrawalCounts; quotes: ScrubbedQuotes; checkpointed: boolean },
  options: { width: number; paint: ChalkInstance },
): string {
  const { counts, quotes, checkpointed } = result;
  const { width, paint } = options;
  const scrubbed = [
    quotes.memos ? plural(quotes.memos, 'memo') : '',
    quotes.codingMemos ? plural(quotes.codingMemos, 'coding memo') : '',
    quotes.audit ? plural(quotes.audit, 'audit entry', 'audit entries') : '',
    quotes.codebooks ? plural(quotes.codebooks, 'stored codebook') : '',
  ].filter(Boolean);
  const whole = counts.removedSources ? ` (${counts.removedSources} removed whole)` : '';
  const lines = wrapText(`Withdrew ${visibleText(pseudonym)}: ${plural(counts.turns, 'turn')} removed from ${plural(counts.sources, 'source')}${whole}, with ${workOf(counts)}.`, width).map((l) => paint.green(l));
  if (scrubbed.length) lines.push(...wrapText(`Quotes of their words replaced with [withdrawn] in ${list(scrubbed)}.`, width));
  if (quotes.codebooks) lines.push(...wrapText('A codebook file on disk may still quote them: edit it before applying it again.', width));
  if (checkpointed) lines.push(...wrapText('The project files were rewritten: no page of telaah.db or its -wal file holds their words. Backups made before now still do.', width));
  else {
    const busy = 'Another process has the project open: until it closes, telaah.db-wal may still hold old pages with their words (SQLite writes them back when the last process closes the project).';
    lines.push(...wrapText(busy, width).map((l) => paint.yellow(l)));
  }
  return `${lines.join('\n')}\n`;
}
