/** The Word report's title page, contents, study overview and method note. */
import { AlignmentType, HeadingLevel, PageBreak, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import type { PeopleCount, ThematicReport } from '../../../core/report/report-model.js';
import type { RenderLabels } from '../render-labels.js';
import { minutesText, originsText, percentText, statText } from '../report-text.js';
import { gap, heading, para, table } from './docx-blocks.js';
import { HEADING_FONT, MUTED, STYLE } from './docx-styles.js';

/** The title page: project, "Thematic report", codebook, date, scope; then a page break. */
export function titlePage(report: ThematicReport, L: RenderLabels): FileChild[] {
  const t = report.title;
  const line = (text: string, size = 26, color = '333333') => new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 120 }, children: [new TextRun({ text, size, color, font: HEADING_FONT })] });
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t.project)] }),
    line(L.reportTitle, 32, '1F5F99'),
    line(L.codebookLine(t.codebook.name, t.codebook.version)),
    ...(t.date ? [line(t.date)] : []),
    line(L.originsLine(t.origins), 22, MUTED),
    ...(t.codes ? [line(L.codesLine(t.codes), 22, MUTED)] : []),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** The table of contents: a field Word updates (headings 1-3), written with its entries so it reads before that. */
export function contents(L: RenderLabels): FileChild[] {
  return [
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: L.contents, font: HEADING_FONT, size: 34, bold: true })] }),
    new TableOfContents(L.contents, { hyperlink: true, headingStyleRange: '1-3' }),
  ];
}

function peopleRows(rows: readonly PeopleCount[], L: RenderLabels): string[][] {
  return rows.map((r) => [r.value ?? L.noValue, L.count(r.participants)]);
}

/** Sources by type, participants by group and by category. */
export function overview(report: ThematicReport, L: RenderLabels): FileChild[] {
  const o = report.overview;
  return [
    heading(L.overview, 1),
    heading(L.sources, 2),
    table(
      [L.sourceType, L.sources, L.turns, L.words, L.mediaMinutes],
      o.sources.map((s) => [L.sourceTypeName[s.type], L.count(s.sources), L.count(s.turns), L.count(s.words), minutesText(s.mediaMinutes, L)]),
      { widths: [3, 2, 2, 2, 2], numeric: [1, 2, 3, 4], foot: [L.total, L.count(o.totals.sources), L.count(o.totals.turns), L.count(o.totals.words), minutesText(o.totals.mediaMinutes, L)] },
    ),
    gap(),
    heading(`${L.participants}: ${L.count(o.participants.total)}`, 2),
    table([L.group, L.participants], peopleRows(o.participants.groups, L), { widths: [4, 1], numeric: [1] }),
    gap(),
    table([L.category, L.participants], peopleRows(o.participants.categories, L), { widths: [4, 1], numeric: [1] }),
    gap(),
  ];
}

/** Codebook, coders, agreement, automatic coding and review. */
export function method(report: ThematicReport, L: RenderLabels): FileChild[] {
  const m = report.method;
  const a = m.agreement;
  const auto = m.automatic;
  return [
    heading(L.method, 1),
    heading(L.codebook, 2),
    table([L.codebookName, L.codebookVersion, L.codes, L.categories], [[m.codebook.name, m.codebook.version, L.count(m.codebook.codes), L.count(m.codebook.categories)]], { widths: [4, 2, 1.5, 1.5], numeric: [2, 3] }),
    gap(),
    heading(L.coders, 2),
    table([L.coder, L.codings, L.origins], m.coders.map((c) => [c.coder, L.count(c.codings), originsText(c.origins, L)]), { widths: [3, 1.5, 5], numeric: [1] }),
    gap(),
    heading(L.agreement, 2),
    a
      ? table(
          [L.coders, L.agreementUnit, L.units, L.percentAgreement, L.kappa, L.alpha],
          [[a.coders.join(', '), L.agreementUnitName[a.unit], L.count(a.units), percentText(a.percentAgreement, L), statText(a.kappa, L), statText(a.alpha, L)]],
          { widths: [2.6, 1.6, 1.3, 1.9, 1.5, 1.7], numeric: [2, 3, 4, 5] },
        )
      : para(L.agreementNone, STYLE.small),
    gap(),
    heading(L.automaticCoding, 2),
    table([L.proposals, L.reviewed, L.accepted, L.rejected, L.unreviewed], [[auto.proposals, auto.reviewed, auto.accepted, auto.rejected, auto.unreviewed].map((n) => L.count(n))], { widths: [1, 1, 1, 1, 1], numeric: [0, 1, 2, 3, 4] }),
    gap(),
  ];
}
