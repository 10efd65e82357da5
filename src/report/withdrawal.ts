/** What `telaah withdraw` says before and after: pure text for stderr. */
import type { ChalkInstance } from 'chalk';
import type { ScrubbedQuotes, WithdrawalCounts, WithdrawalPlan } from '../core/withdrawal/withdrawal-plan.js';

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
export function renderWithdrawalPlan(plan: WithdrawalPlan, paint: ChalkInstance): string {
  const { counts } = plan;
  const lines = [`Withdrawing ${paint.bold(plan.pseudonym)} deletes their words and everything on them:`];
  const width = Math.max(0, ...plan.sources.map((s) => s.name.length));
  for (const s of plan.sources) {
    const fate =
      s.keptTurns === 0
        ? 'every turn is theirs: the source goes whole'
        : s.othersSpeak
          ? `${plural(s.keptTurns, 'turn')} of others stay`
          : `only ${plural(s.keptTurns, 'interviewer turn')} stay (\`telaah sources remove ${s.name}\` removes them too)`;
    lines.push(`  ${s.name.padEnd(width)}  ${plural(s.turns, 'turn').padStart(10)}  ${paint.dim(fate)}`);
  }
  if (plan.sources.length === 0) lines.push(`  ${paint.dim('no turns in any source')}`);
  lines.push(
    `In all: ${plural(counts.turns, 'turn')} (${plural(counts.segments, 'segment')}, ${plural(counts.words, 'word')}) in ${plural(counts.sources, 'source')}, with ${workOf(counts)}; ` +
      `their participant row and attributes go too. Quotes of their words in memos, the audit trail and stored codebooks become [withdrawn].`,
  );
  return `${lines.join('\n')}\n`;
}

/** The closing lines: what went, what was scrubbed, and whether the files are clean. */
export function renderWithdrawalDone(pseudonym: string, counts: WithdrawalCounts, quotes: ScrubbedQuotes, checkpointed: boolean, paint: ChalkInstance): string {
  const scrubbed = [
    quotes.memos ? plural(quotes.memos, 'memo') : '',
    quotes.codingMemos ? plural(quotes.codingMemos, 'coding memo') : '',
    quotes.audit ? plural(quotes.audit, 'audit entry', 'audit entries') : '',
    quotes.codebooks ? plural(quotes.codebooks, 'stored codebook') : '',
  ].filter(Boolean);
  const lines = [
    paint.green(`Withdrew ${pseudonym}: ${plural(counts.turns, 'turn')} removed from ${plural(counts.sources, 'source')}${counts.removedSources ? ` (${counts.removedSources} removed whole)` : ''}, with ${workOf(counts)}.`),
  ];
  if (scrubbed.length) lines.push(`Quotes of their words replaced with [withdrawn] in ${list(scrubbed)}.`);
  if (quotes.codebooks) lines.push('A codebook file on disk may still quote them: edit it before applying it again.');
  lines.push(
    checkpointed
      ? 'The project files were rewritten: no page of telaah.db or its -wal file holds their words. Backups made before now still do.'
      : paint.yellow('Another process has the project open: until it closes, telaah.db-wal may still hold old pages with their words (SQLite writes them back when the last process closes the project).'),
  );
  return `${lines.join('\n')}\n`;
}
