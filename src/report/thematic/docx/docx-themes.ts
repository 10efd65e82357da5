/**
 * The Word report's themes: a heading per code whose level follows the code tree (a top-level code is
 * Heading 2 under the section's Heading 1), its definition, counts, triangulation, quotes in the Quote
 * style with their source beneath, and memos.
 */
import { TextRun, type FileChild } from 'docx';
import type { ReportQuote, ThematicReport, ThemeSection } from '../../../core/report/report-model.js';
import { SOURCE_TYPES } from '../../../core/transcript/types.js';
import { capitalize } from '../../language-format.js';
import type { ReportLabels } from '../labels.js';
import { byCoderText, quoteAttribution } from '../report-text.js';
import { heading, labelled, para } from './docx-blocks.js';
import { MUTED, STYLE } from './docx-styles.js';

function quote(q: ReportQuote, L: ReportLabels): FileChild[] {
  const lines = q.text.trim().split(/\n+/);
  return [...lines.map((line, i) => para(`${i === 0 ? '“' : ''}${line}${i === lines.length - 1 ? '”' : ''}`, STYLE.quote)), para(quoteAttribution(q, L), STYLE.quoteSource)];
}

function theme(t: ThemeSection, L: ReportLabels): FileChild[] {
  const c = t.counts;
  const tri = t.triangulation;
  const coders = byCoderText(c.byCoder, L);
  const out: FileChild[] = [
    // The code id sits under the heading, not in it, so the contents and navigation pane read as labels.
    heading(t.label, 2 + t.depth),
    para([new TextRun({ text: t.code, font: 'Consolas', color: MUTED }), ...(t.category ? [new TextRun({ text: ` · ${L.categoryTag}`, color: MUTED })] : [])], STYLE.small),
  ];
  if (t.definition) out.push(para(labelled(L.definition, t.definition)));
  out.push(para(`${L.column.segments} ${L.number(c.segments)} · ${L.column.sources} ${L.number(c.sources)} · ${L.column.participants} ${L.number(c.participants)} · ${L.column.groups} ${L.number(c.groups)}`, STYLE.small));
  if (coders) out.push(para(`${L.byCoder}: ${coders}`, STYLE.small));
  const types = SOURCE_TYPES.map((s) => `${capitalize(L.sourceType(s))} ${L.number(tri.sourceTypes[s] ?? 0)}`).join(' · ');
  out.push(
    para(
      [
        new TextRun(`${L.triangulation}: `),
        new TextRun({ text: L.status(tri.status), bold: true }),
        new TextRun(` (${types})`),
        ...(tri.flags.length ? [new TextRun({ text: ` — ${tri.flags.map((f) => L.flag(f)).join('; ')}`, color: '9A6700' })] : []),
      ],
      STYLE.small,
    ),
  );
  if (t.quotes.length) out.push(...t.quotes.flatMap((q) => quote(q, L)));
  else if (!t.category) out.push(para([new TextRun({ text: L.noQuotes, italics: true, color: MUTED })]));
  for (const m of t.memos) {
    out.push(para([new TextRun({ text: `${L.memos} · ${m.author} · ${L.memoOn(m.target)}: `, bold: true, size: 18, color: MUTED }), new TextRun(m.text.trim())], STYLE.memo));
  }
  for (const child of t.children) out.push(...theme(child, L));
  return out;
}

/** The themes section. */
export function themes(report: ThematicReport, L: ReportLabels): FileChild[] {
  return [heading(L.themes, 1), ...(report.themes.length ? report.themes.flatMap((t) => theme(t, L)) : [para(L.noThemes)])];
}
