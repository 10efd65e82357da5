/** The triangulation audit for people and spreadsheets: pure renderers from the audit's result. */
import type { ChalkInstance } from 'chalk';
import type { AuditFailure, TriangulationAudit } from '../core/analysis/triangulation-audit.js';
import type { CodeTriangulation } from '../core/analysis/triangulation-types.js';
import type { Memo } from '../core/memo-target.js';
import type { TriangulationStatus } from '../core/config.js';
import { formatMediaTime } from '../core/transcript/build-source.js';
import { SOURCE_TYPES } from '../core/transcript/types.js';
import { memoNote } from './memos.js';
import { truncate, wrapText, type TableModel } from './text-layout.js';
import { visibleText } from '../core/text/visible-text.js';

const TYPE_TITLES = { interview: 'int', fgd: 'fgd', observation: 'obs', document: 'doc' } as const;

/** The colour each status is shown in. */
export const STATUS_COLOUR = { convergent: 'green', corroborated: 'cyan', 'single-source': 'yellow', absent: 'red' } as const;

/** The audit as one CSV table (a leading column with the site or group when split). */
export function triangulationCsv(audit: TriangulationAudit): { header: string[]; rows: unknown[][] } {
  const by = audit.by;
  return {
    header: [...(by ? [by] : []), 'code', 'label', ...SOURCE_TYPES, 'participants', 'groups', 'status', 'flags'],
    rows: audit.tables.flatMap((t) =>
      t.codes.map((r) => [...(by ? [t.value] : []), r.code, r.label, ...SOURCE_TYPES.map((s) => r.sources[s]), r.participants, r.groups, r.status, r.flags.join(';')]),
    ),
  };
}

/** One table of the audit: codes (codes under a category indented), segments per source type, people, status, flags. */
export function triangulationTable(rows: readonly CodeTriangulation[], paint: ChalkInstance, colourStatus: boolean): TableModel {
  return {
    columns: [
      { title: 'code', shrink: true },
      ...SOURCE_TYPES.map((s) => ({ title: TYPE_TITLES[s], align: 'right' as const })),
      { title: 'ppl', align: 'right' },
      { title: 'status' },
      { title: 'flags', shrink: true },
    ],
    rows: rows.map((r) => [
      r.category ? r.code : `  ${r.code}`,
      ...SOURCE_TYPES.map((s) => r.sources[s]),
      r.participants,
      colourStatus ? paint[STATUS_COLOUR[r.status]](r.status) : r.status,
      r.flags.join(', '),
    ]),
  };
}

/** What the columns, statuses and flags mean, under the table. */
export function triangulationLegend(thresholds: { convergent: number; corroborated: number }, paint: ChalkInstance): string {
  return paint.dim(
    '\nint/fgd/obs/doc: coded segments per source type · ppl: participants voicing it\n' +
      `${paint.green('convergent')} ≥ ${thresholds.convergent} source types · ${paint.cyan('corroborated')} ≥ ${thresholds.corroborated} · ${paint.yellow('single-source')} 1 · ${paint.red('absent')} 0\n` +
      'flags: participant-concentrated  one person gives over half the evidence\n' +
      '       not-observed / observed-only  said but never observed / only observed\n' +
      '       one-sided  voiced by one participant group only\n' +
      '       contrasted  a contrasting code has support at the same site\n' +
      'telaah triangulate --code ID shows the evidence side by side\n',
  );
}

/**
 * One code in depth: its status and flags, then every piece of evidence by source type, wrapped to
 * `width`; a memo on a quoted segment under its quote, memos on the code (from memosOfCode) at the end.
 */
export function triangulationDepth(row: CodeTriangulation, heading: string | undefined, width: number, paint: ChalkInstance, memos: readonly Memo[] = []): string {
  // A memo names its target only where the place does not: on a code below this one.
  const note = (m: Memo, indent: string): string[] => memoNote(m, { width, paint, indent, withTarget: m.kind === 'code' && m.code !== row.code });
  const out: string[] = [];
  if (heading) out.push(paint.bold(heading));
  out.push(`${paint.bold(row.code)} ${row.label} — ${paint[STATUS_COLOUR[row.status]](row.status)}${row.flags.length ? paint.yellow(` (${row.flags.join(', ')})`) : ''}`);
  for (const type of SOURCE_TYPES) {
    const quotes = row.evidence.filter((e) => e.sourceType === type);
    out.push('', paint.bold(`${type} (${row.sources[type]})`));
    if (quotes.length === 0) out.push(paint.dim('  none'));
    for (const q of quotes) {
      const where = [q.source, q.segment, q.participant, q.startMs !== null ? formatMediaTime(q.startMs) : null].filter(Boolean).join(' · ');
      out.push(`  ${paint.dim(truncate(where, width - 2))}`);
      for (const line of wrapText(`“${q.text}”`, width - 4)) out.push(`    ${line}`);
      for (const m of memos) if (m.kind === 'segment' && m.source === q.source && m.segment === q.segment) out.push(...note(m, '    '));
    }
  }
  const onCodes = memos.filter((m) => m.kind === 'code');
  if (onCodes.length) {
    out.push('', paint.bold(`memos (${onCodes.length})`));
    for (const m of onCodes) out.push(...note(m, '  '));
  }
  return `${out.join('\n')}\n`;
}

/** The `--strict` verdict: one line per code below the required status, or that every code reaches it. */
export function strictVerdict(failing: readonly AuditFailure[], required: TriangulationStatus, by: string | null, all: boolean, paint: ChalkInstance): string {
  if (failing.length === 0) return paint.green(`Every ${all ? '' : 'required '}code is at least ${required}\n`);
  // The attribute and its value come from the participants file: escaped.
  return failing.map((f) => paint.red(`below ${required}: ${f.code} is ${f.status}${f.within !== null && by ? ` (${visibleText(`${by} ${f.within}`)})` : ''}\n`)).join('');
}
