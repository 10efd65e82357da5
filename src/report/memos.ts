/** Memos for people and spreadsheets: pure renderers. */
import type { ChalkInstance } from 'chalk';
import type { Memo } from '../core/memo-target.js';
import { wrapText, type TableModel } from './text-layout.js';
import { formatWhen } from './when.js';

/** The fields of `memo list --json` and the columns of its CSV, in order. */
export const MEMO_FIELDS = ['id', 'target', 'kind', 'source', 'segment', 'code', 'participant', 'author', 'text', 'createdAt', 'updatedAt'] as const;

/** `memo 12 · segment:w01:4.2 · rina · 3 h ago (edited just now)`: the target when asked, the times when `now` is given. */
function memoHeading(memo: Memo, now: Date | undefined, withTarget: boolean): string {
  const edited = now && memo.updatedAt !== memo.createdAt ? ` (edited ${formatWhen(memo.updatedAt, now)})` : '';
  const when = now ? [`${formatWhen(memo.createdAt, now)}${edited}`] : [];
  return [`memo ${memo.id}`, ...(withTarget ? [memo.target] : []), memo.author, ...when].join(' · ');
}

/** One memo as a heading line and its text wrapped below it, every line indented by `indent`. */
export function memoNote(memo: Memo, options: { width: number; now?: Date; paint: ChalkInstance; indent: string; withTarget: boolean }): string[] {
  const { width, now, paint, indent } = options;
  const text = wrapText(memo.text, Math.max(20, width - indent.length - 2)).map((line) => `${indent}  ${line}`.trimEnd());
  return [`${indent}${paint.dim(memoHeading(memo, now, options.withTarget))}`, ...text];
}

/** Memos for a terminal: each a heading (id, target, author, when) and its whole text, wrapped. */
export function memoBlocks(memos: readonly Memo[], options: { width: number; now: Date; paint: ChalkInstance }): string {
  return memos.map((m) => `${memoNote(m, { ...options, indent: '', withTarget: true }).join('\n')}\n`).join('\n');
}

/** Memos as a table for pipes: one line each, the text's line breaks as spaces. */
export function memoTable(memos: readonly Memo[]): TableModel {
  return {
    columns: [{ title: 'id' }, { title: 'target' }, { title: 'author' }, { title: 'created' }, { title: 'updated' }, { title: 'text', shrink: true }],
    rows: memos.map((m) => [m.id, m.target, m.author, m.createdAt, m.updatedAt, m.text.replace(/\s+/g, ' ')]),
  };
}
