/** Inter-coder agreement for people and spreadsheets: pure renderers of `telaah agree`'s result. */
import type { ChalkInstance } from 'chalk';
import type { AgreementSummary, CodeAgreement, Disagreement } from '../core/analysis/agreement.js';
import { displayWidth, truncate, wrapText, type TableModel } from './text-layout.js';

/** The sources `agree` compared and those it left out, with the named coders who coded each. */
export interface AgreementSources {
  compared: string[];
  leftOut: { name: string; coders: string[] }[];
}

/** Krippendorff (2004, Content Analysis 2nd ed., p. 241): rely on ≥ .800, draw tentative conclusions from ≥ .667. */
const RELIABLE = 0.8;
const TENTATIVE = 0.667;

const percent = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const fixed = (x: number | null | undefined, digits: number): string => (x === null || x === undefined ? '—' : x.toFixed(digits));

/** kappa or alpha, coloured by Krippendorff's thresholds when asked. */
function coefficient(x: number | null, paint: ChalkInstance, colour: boolean): string {
  const text = fixed(x, 3);
  if (!colour || x === null) return text;
  return x >= RELIABLE ? paint.green(text) : x >= TENTATIVE ? paint.yellow(text) : paint.red(text);
}

/** The table: one row per code, then the pooled figures and the mean over codes. */
export function agreementTable(s: AgreementSummary, paint: ChalkInstance, colour: boolean): TableModel {
  const machine = s.machine !== undefined;
  const columns: TableModel['columns'] = [
    { title: 'code', shrink: true },
    ...s.coders.map((c) => ({ title: c, align: 'right' as const })),
    { title: 'agree', align: 'right' },
    { title: 'kappa', align: 'right' },
    { title: 'alpha', align: 'right' },
    ...(machine ? (['P', 'R', 'F1'] as const).map((title) => ({ title, align: 'right' as const })) : []),
  ];
  const row = (r: CodeAgreement): (string | number)[] => [
    r.code,
    ...s.coders.map((c) => r.coded[c] ?? 0),
    percent(r.percentAgreement),
    coefficient(r.kappa, paint, colour),
    coefficient(r.alpha, paint, colour),
    ...(machine ? [fixed(r.precision, 2), fixed(r.recall, 2), fixed(r.f1, 2)] : []),
  ];
  const total = (c: string): number => s.codes.reduce((n, r) => n + (r.coded[c] ?? 0), 0);
  const scores = (k: 'micro' | 'macro'): string[] => (s.machine ? [fixed(s.machine[k].precision, 2), fixed(s.machine[k].recall, 2), fixed(s.machine[k].f1, 2)] : []);
  return {
    columns,
    rows: [
      ...s.codes.map(row),
      ['(pooled)', ...s.coders.map(total), percent(s.pooled.percentAgreement), coefficient(s.pooled.kappa, paint, colour), coefficient(s.pooled.alpha, paint, colour), ...scores('micro')],
      ['(mean)', ...s.coders.map(() => ''), percent(s.average.percentAgreement), coefficient(s.average.kappa, paint, colour), coefficient(s.average.alpha, paint, colour), ...scores('macro')],
    ],
  };
}

const unitWord = (unit: string, n: number): string => (unit === 'turn' ? (n === 1 ? 'turn' : 'turns') : n === 1 ? 'sentence' : 'sentences');

/** The line above the table: who, over how many units and sources. */
export function agreementHeading(s: AgreementSummary, unit: string, sources: number, excludeUncoded: boolean, paint: ChalkInstance): string {
  const paired = s.pairable < s.units ? ` (${s.pairable} judged by two or more coders)` : '';
  const what = `${s.units} ${excludeUncoded ? 'coded ' : ''}${unitWord(unit, s.units)} in ${sources} ${sources === 1 ? 'source' : 'sources'}${paired}`;
  return `${paint.bold(s.coders.join(' × '))}: ${what}, interviewer turns left out\n`;
}

/** Up to `lines` lines of a list wrapped to `width`; when it is longer, as many items as fit and how many more there are. */
function wrappedList(label: string, items: readonly string[], width: number, lines = 3): string[] {
  const wrap = (n: number): string[] => wrapText(`${label}${items.slice(0, n).join(', ')}${n < items.length ? ` … ${items.length - n} more (--json lists all)` : ''}`, width);
  // Each item takes at least 3 columns ("x, "), so no more than this many can fit: tens of thousands of
  // sources are never joined and wrapped whole.
  const most = Math.min(items.length, Math.ceil((lines * width) / 3));
  if (most === items.length && wrap(most).length <= lines) return wrap(most);
  // The line count grows with the items shown: find the most that fit.
  let low = 0;
  let high = Math.min(most, items.length - 1);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (wrap(mid).length <= lines) low = mid;
    else high = mid - 1;
  }
  return wrap(low);
}

/** What the columns mean, which sources were compared or left out, unused codes, and how to read the figures. */
export function agreementFooter(s: AgreementSummary, sources: AgreementSources, allSources: boolean, width: number, paint: ChalkInstance): string {
  const lines: string[] = [];
  const legend = [`${s.coders.join(', ')}: units each coder gave the code`, `agree: units ${s.coders.length === 2 ? 'both' : 'all coders'} judged alike`];
  if (s.kappaMeasure === 'fleiss') legend.push("kappa: Fleiss' kappa over units every coder judged");
  if (s.machine) legend.push(`P/R/F1: ${s.machine.machine} scored against ${s.machine.human} (pooled: micro, mean: macro)`);
  legend.push('(pooled): every code × unit judgement as one item', '(mean): average over codes');
  legend.push(`—: undefined (kappa, alpha: no variation${s.machine ? `; P: ${s.machine.machine} never gave the code; R: ${s.machine.human} never did` : ''})`);
  lines.push(...joinedLines(legend, width).map((l) => paint.dim(l)));
  lines.push(...wrappedList(`Compared (${sources.compared.length}): `, sources.compared, width));
  // Grouped by who coded them: usually one coder (auto) coded everything and a human a few.
  const groups = new Map<string, string[]>();
  for (const l of sources.leftOut) {
    const key = l.coders.join(', ');
    const names = groups.get(key);
    if (names) names.push(l.name);
    else groups.set(key, [l.name]);
  }
  for (const [who, names] of groups) {
    const why = allSources ? '' : '; --all-sources compares them';
    lines.push(...wrappedList(`Left out (${names.length}, coded by ${who} only${why}): `, names, width, 2));
  }
  if (s.unused.length) lines.push(...wrappedList('No coder gave these codes here (not pooled): ', s.unused, width));
  // kappa and alpha, read by the same thresholds (the colours of those columns follow them too).
  const short = (x: number, digits: number): string => x.toFixed(digits).replace(/^0/, '');
  lines.push(...wrapText(`Reading: ≥ ${short(RELIABLE, 2)} reliable, ≥ ${short(TENTATIVE, 3)} tentative, lower unreliable (Krippendorff 2004)`, width).map((l) => paint.dim(l)));
  return `\n${lines.join('\n')}\n`;
}

/** Short items joined with " · " into as few lines of `width` as they fit, never breaking an item across lines when it fits on one. */
function joinedLines(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines[lines.length - 1];
    if (last !== undefined && displayWidth(`${last} · ${item}`) <= width) lines[lines.length - 1] = `${last} · ${item}`;
    else lines.push(...wrapText(item, width));
  }
  return lines;
}

/** The result as one CSV table: one row per code, then (pooled) and (mean). */
export function agreementCsv(s: AgreementSummary): { header: string[]; rows: unknown[][] } {
  const machine = s.machine !== undefined;
  const header = ['code', 'units', ...s.coders.map((c) => `coded_${c}`), 'agreed', 'percent_agreement', 'kappa', 'alpha', ...(machine ? ['precision', 'recall', 'f1'] : [])];
  const rows: unknown[][] = s.codes.map((r) => [r.code, r.units, ...s.coders.map((c) => r.coded[c] ?? 0), r.agreed, r.percentAgreement, r.kappa, r.alpha, ...(machine ? [r.precision, r.recall, r.f1] : [])]);
  const m = s.machine;
  rows.push(['(pooled)', s.pooled.judgements, ...s.coders.map((c) => s.codes.reduce((n, r) => n + (r.coded[c] ?? 0), 0)), null, s.pooled.percentAgreement, s.pooled.kappa, s.pooled.alpha, ...(m ? [m.micro.precision, m.micro.recall, m.micro.f1] : [])]);
  rows.push(['(mean)', null, ...s.coders.map(() => null), null, s.average.percentAgreement, s.average.kappa, s.average.alpha, ...(m ? [m.macro.precision, m.macro.recall, m.macro.f1] : [])]);
  return { header, rows };
}

/**
 * One disagreement: where it is, the unit's text wrapped to `width`, then the coders lined up — the
 * codes all of them gave (both/all), and under each coder the codes only some gave.
 */
export function disagreementText(d: Disagreement, width: number, paint: ChalkInstance): string {
  const coders = Object.keys(d.codes);
  const judged = coders.filter((c) => d.codes[c] !== null);
  const shared = (d.codes[judged[0]!] ?? []).filter((code) => judged.every((c) => d.codes[c]!.includes(code)));
  const label = judged.length === 2 ? 'both' : 'all';
  const labelWidth = Math.max(label.length, ...coders.map((c) => c.length));
  const out = [paint.bold(truncate([d.source, d.segment, d.participant ?? d.speaker].filter(Boolean).join(' · '), width))];
  for (const line of wrapText(d.text, Math.max(20, width - 4))) out.push(`    ${line}`);
  const codeLine = (name: string, codes: string): string[] => {
    const lead = `  ${name.padEnd(labelWidth)}  `;
    return wrapText(codes, Math.max(20, width - lead.length)).map((l, i) => (i === 0 ? lead : ' '.repeat(lead.length)) + l);
  };
  if (shared.length) out.push(...codeLine(label, shared.join(', ')));
  for (const coder of coders) {
    const codes = d.codes[coder] ?? null;
    if (codes === null) out.push(...codeLine(coder, paint.dim('(did not code this source)')));
    else {
      const own = codes.filter((c) => !shared.includes(c));
      out.push(...codeLine(coder, own.length ? paint.yellow(own.join(', ')) : paint.dim('—')));
    }
  }
  return `${out.join('\n')}\n`;
}

/** Disagreements as CSV: the unit, then each coder's codes separated by "; " (empty: none; NA: did not code the source). */
export function disagreementsCsv(list: readonly Disagreement[], coders: readonly string[]): { header: string[]; rows: unknown[][] } {
  return {
    header: ['source', 'segment', 'speaker', 'participant', 'text', ...coders],
    rows: list.map((d) => [d.source, d.segment, d.speaker, d.participant, d.text, ...coders.map((c) => (d.codes[c] === null ? 'NA' : d.codes[c]!.join('; ')))]),
  };
}
