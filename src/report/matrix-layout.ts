/**
 * A matrix laid out for a terminal of a given width (pure): row labels on the left, column groups (one or
 * more sub-columns each) split into panels that fit, each panel repeating the row labels.
 */
import { displayWidth, truncate } from './text-layout.js';

/** What to lay out; cells are right-aligned. */
export interface MatrixLayout {
  rowTitle: string;
  /** `number` shows before the label (co-occurrence names its columns by these numbers). */
  rows: { label: string; depth: number; number?: number }[];
  /**
   * Column groups: a heading (a label, cut when long, and a suffix such as "(8)" never cut) and the titles
   * of its sub-columns ('' for a group of one untitled column).
   */
  groups: { label: string; suffix?: string; sub: string[] }[];
  /** cells[row][group][sub]. */
  cells: string[][][];
}

// Longest a group heading may widen its group to; longer headings are cut and listed under the table.
const MAX_HEADING = 18;
const GAP = '  ';

/** The matrix as lines of at most `width` columns (Infinity: one panel, nothing cut). */
export function layoutMatrix(m: MatrixLayout, width: number): string {
  const numberWidth = Math.max(0, ...m.rows.map((r) => (r.number === undefined ? 0 : String(r.number).length + 1)));
  const rowLabel = (r: MatrixLayout['rows'][number]): string =>
    `${r.number === undefined ? '' : `${String(r.number).padStart(numberWidth - 1)} `}${'  '.repeat(r.depth)}${r.label}`;
  const labels = m.rows.map(rowLabel);
  const fullLabel = Math.max(displayWidth(m.rowTitle), ...labels.map(displayWidth));
  const labelWidth = Number.isFinite(width) ? Math.min(fullLabel, Math.max(16, Math.floor(width * 0.4))) : fullLabel;
  const multi = m.groups.some((g) => g.sub.length > 1 || g.sub.some(Boolean));

  const cut: { short: string; full: string }[] = [];
  const groups = m.groups.map((g, gi) => {
    const subWidths = g.sub.map((title, si) => Math.max(displayWidth(title), ...m.cells.map((row) => displayWidth(row[gi]?.[si] ?? ''))));
    const inner = subWidths.reduce((a, b) => a + b, 0) + Math.max(0, g.sub.length - 1);
    const suffix = g.suffix ?? '';
    const full = displayWidth(g.label) + displayWidth(suffix);
    const heading = Number.isFinite(width) ? Math.max(inner, Math.min(full, MAX_HEADING)) : Math.max(inner, full);
    const label = truncate(g.label, Math.max(1, heading - displayWidth(suffix)));
    if (label !== g.label) cut.push({ short: label, full: g.label });
    return { label: label + suffix, subWidths, width: Math.max(heading, displayWidth(label + suffix)), extra: Math.max(heading, displayWidth(label + suffix)) - inner };
  });

  // Groups go into panels, as many as fit beside the row labels (at least one each).
  const room = width - labelWidth;
  const panels: number[][] = [];
  let used = 0;
  groups.forEach((g, i) => {
    const need = GAP.length + g.width;
    if (panels.length === 0 || used + need > room) {
      panels.push([]);
      used = 0;
    }
    panels[panels.length - 1]!.push(i);
    used += need;
  });

  const out: string[] = [];
  const pad = (text: string, w: number, right: boolean): string => {
    const fitted = truncate(text, w);
    const gap = ' '.repeat(Math.max(0, w - displayWidth(fitted)));
    return right ? gap + fitted : fitted + gap;
  };
  panels.forEach((panel, p) => {
    if (p > 0) out.push('');
    const line = (left: string, part: (gi: number) => string): string => `${pad(left, labelWidth, false)}${panel.map((gi) => GAP + part(gi)).join('')}`.trimEnd();
    const subs = (gi: number, values: readonly string[]): string => {
      const g = groups[gi]!;
      return ' '.repeat(g.extra) + g.subWidths.map((w, si) => pad(values[si] ?? '', w, true)).join(' ');
    };
    if (multi) out.push(line('', (gi) => pad(groups[gi]!.label, groups[gi]!.width, true)));
    out.push(line(m.rowTitle, (gi) => (multi ? subs(gi, m.groups[gi]!.sub) : pad(groups[gi]!.label, groups[gi]!.width, true))));
    m.rows.forEach((_, ri) => out.push(line(labels[ri]!, (gi) => subs(gi, m.cells[ri]![gi]!))));
  });
  if (cut.length) out.push('', ...cut.map((c) => `${c.short} = ${c.full}`));
  return `${out.join('\n')}\n`;
}
