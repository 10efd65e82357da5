/** Phrases the Word and HTML renderers share: a quote's attribution, counts by coder and origin, percentages. */
import type { ReportQuote, ThemeSection } from '../../core/report/report-model.js';
import { formatMediaTime } from '../../core/transcript/build-source.js';
import type { RenderLabels } from './render-labels.js';

/** Every section of the theme tree, parents before their children. */
export function flattenThemes(themes: readonly ThemeSection[]): ThemeSection[] {
  return themes.flatMap((t) => [t, ...flattenThemes(t.children)]);
}

/** Who said it and where: `Sumiati · Wawancara · 09-sumiati 14.2 · 00:13:32` (absent parts left out). */
export function quoteAttribution(q: ReportQuote, L: RenderLabels): string {
  return [q.participant, L.sourceTypeName[q.sourceType], `${q.source} ${q.segment}`, q.startMs !== null ? formatMediaTime(q.startMs) : null].filter((p) => p !== null).join(' · ');
}

/** `auto:telaah 74 · nadia 14`, largest first (ties by name). */
export function byCoderText(byCoder: Record<string, number>, L: RenderLabels): string {
  return Object.entries(byCoder)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([coder, n]) => `${coder} ${L.count(n)}`)
    .join(' · ');
}

/** `manual 268 · saran diterima 144`, in the order given. */
export function originsText(origins: Record<string, number>, L: RenderLabels): string {
  return Object.entries(origins)
    .map(([o, n]) => `${L.originName(o)} ${L.count(n)}`)
    .join(' · ');
}

/** A share (0..1) as a percentage with one decimal; a dash when there is none. */
export function percentText(share: number | null, L: RenderLabels): string {
  return share === null ? '—' : `${L.decimal(share * 100, 1)}%`;
}

/** A statistic with two decimals; a dash when there is none. */
export function statText(value: number | null, L: RenderLabels): string {
  return value === null ? '—' : L.decimal(value, 2);
}

/** Media minutes, or a dash for sources without media. */
export function minutesText(minutes: number | null, L: RenderLabels): string {
  return minutes === null ? '—' : L.count(Math.round(minutes));
}
