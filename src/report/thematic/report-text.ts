/** Phrases the Word and HTML renderers share: a quote's attribution, counts by coder and by origin. */
import type { ReportQuote, ThemeSection } from '../../core/report/report-model.js';
import { capitalize } from '../language-format.js';
import type { ReportLabels } from './labels.js';

/** Every section of the theme tree, parents before their children. */
export function flattenThemes(themes: readonly ThemeSection[]): ThemeSection[] {
  return themes.flatMap((t) => [t, ...flattenThemes(t.children)]);
}

/** Who said it and where: `Sumiati · Wawancara · 09-sumiati 14.2 · 00:13:32` (absent parts left out). */
export function quoteAttribution(q: ReportQuote, L: ReportLabels): string {
  return [q.participant, capitalize(L.sourceType(q.sourceType)), `${q.source} ${q.segment}`, q.startMs !== null ? L.mediaTime(q.startMs) : null].filter((p) => p !== null).join(' · ');
}

/** `auto:telaah 74 · nadia 14`, largest first (ties by name). */
export function byCoderText(byCoder: Record<string, number>, L: ReportLabels): string {
  return Object.entries(byCoder)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([coder, n]) => `${coder} ${L.number(n)}`)
    .join(' · ');
}

/** `manual 268 · usulan diterima 144`, in the order given. */
export function originsText(origins: Record<string, number>, L: ReportLabels): string {
  return Object.entries(origins)
    .map(([o, n]) => `${L.origin(o)} ${L.number(n)}`)
    .join(' · ');
}
