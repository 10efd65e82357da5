/** The review's other screens: help, and the end of the queue. */
import type { SessionCounts } from '../../core/review/review-session.js';
import { fillRows, fit, renderHeader, renderLegend, renderRule, usableWidth, type ScreenSize, type ScreenStyle } from './screen-parts.js';

const HELP: readonly (readonly [string, string])[] = [
  ['a', 'accept: the proposed code becomes your coding of this unit'],
  ['r', 'reject: not shown to you again (on an uncoded unit: no code fits)'],
  ['c', 'add codes by hand (Tab completes ids; separate several with spaces)'],
  ['s', 'skip: decide later; it comes back next time'],
  ['u', 'undo the last decision of this session (deletes what it stored)'],
  ['q', 'quit (Ctrl-C too)'],
  ['?', 'this help'],
];

/** The help screen. */
export function renderHelpScreen(reviewer: string, size: ScreenSize, style: ScreenStyle): string[] {
  const width = usableWidth(size);
  const { c } = style;
  const lines = [renderHeader('telaah review: help', reviewer, width, style), renderRule(width, style), ''];
  for (const [key, what] of HELP) lines.push(`  ${c.bold(key)}  ${fit(what, width - 5)}`);
  lines.push(
    '',
    fit('  Each decision is saved at once. Quit whenever you like: `telaah review` goes', width),
    fit('  on where you stopped, and shows only what you have not decided.', width),
    '',
    fit('  The marked words («…» without colour) are what made the auto-coder propose', width),
    fit('  the code; the turns before and after are shown dimmed for context.', width),
    '',
    c.dim(fit('  Press any key to go back.', width)),
  );
  return fillRows(lines, size.rows);
}

/** The screen after the last item of the queue. */
export function renderEndScreen(reviewer: string, counts: SessionCounts, size: ScreenSize, style: ScreenStyle): string[] {
  const width = usableWidth(size);
  const { c } = style;
  const lines = [renderHeader('telaah review', reviewer, width, style), renderRule(width, style), ''];
  lines.push(`  ${c.bold('End of the queue.')} ${fit(`This session: ${describeCounts(counts)}.`, width - 20)}`);
  if (counts.skipped > 0) {
    lines.push(fit(`  ${counts.skipped} skipped ${counts.skipped === 1 ? 'item remains' : 'items remain'}: press s to go back, or leave ${counts.skipped === 1 ? 'it' : 'them'} for next time.`, width));
  } else lines.push(fit(`  Nothing is left for ${reviewer} to review.`, width));
  lines.push('', renderRule(width, style), renderLegend(counts.skipped > 0 ? [['s', 'back to the skipped'], ['u', 'undo'], ['q', 'quit']] : [['u', 'undo'], ['q', 'quit']], width, style));
  return fillRows(lines, size.rows);
}

/** `2 accepted, 1 rejected, 3 codes added` (only what happened), or `no decisions`. */
export function describeCounts(counts: SessionCounts): string {
  const parts: string[] = [];
  if (counts.accepted) parts.push(`${counts.accepted} accepted`);
  if (counts.rejected) parts.push(`${counts.rejected} rejected`);
  if (counts.noCode) parts.push(`${counts.noCode} marked as needing no code`);
  if (counts.added) parts.push(`${counts.added} ${counts.added === 1 ? 'code' : 'codes'} added`);
  return parts.length ? parts.join(', ') : 'no decisions';
}
