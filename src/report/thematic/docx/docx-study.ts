/** The Word report's title page, contents, study overview and method note. */
import { AlignmentType, HeadingLevel, PageBreak, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import type { PeopleCount, ThematicReport } from '../../../core/report/report-model.js';
import { capitalize } from '../../language-format.js';
import type { ReportLabels } from '../labels.js';
import { originsText } from '../report-text.js';
import { gap, heading, para, table } from './docx-blocks.js';
import { HEADING_FONT, MUTED, STYLE } from './docx-styles.js';

/** The title page: project, "Thematic analysis report", codebook, date, scope; then a page break. */
export function titlePage(report: ThematicReport, L: ReportLabels): FileChild[] {
  const t = report.title;
  const line = (text: string, size = 26, color = '333333') => new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 120 }, children: [new TextRun({ text, size, color, font: HEADING_FONT })] });
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t.project)] }),
    line(L.title, 32, '1F5F99'),
    line(L.codebookLine(t.codebook.name, t.codebook.version)),
    ...(t.date ? [line(t.date)] : []),
    line(L.countedLine(t.origins), 22, MUTED),
    ...(t.codes ? [line(L.codesLine(t.codes), 22, MUTED)] : []),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** The table of contents: a field Word updates (headings 1-3), written with its entries so it reads before that. */
export function contents(L: ReportLabels): FileChild[] {
  return [
    new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: L.contents, font: HEADING_FONT, size: 34, bold: true })] }),
    new TableOfContents(L.contents, { hyperlink: true, headingStyleRange: '1-3' }),
  ];
}

function peopleRows(rows: readonly PeopleCount[], L: ReportLabels): string[][] {
  return rows.map((r) => [r.value ?? L.noValue, L.number(r.participants)]);
}

/** Sources by type, participants by group and by category. */
export function overview(report: ThematicReport, L: ReportLabels): FileChild[] {
  const o = report.overview;
  return [
    heading(L.overview, 1),
    heading(L.sources, 2),
    table(
      [L.column.sourceType, L.column.sources, L.column.turns, L.column.words, L.column.mediaMinutes],
      o.sources.map((s) => [capitalize(L.sourceType(s.type)), L.number(s.sources), L.number(s.turns), L.number(s.words), L.minutes(s.mediaMinutes)]),
      { widths: [3, 2, 2, 2, 2], numeric: [1, 2, 3, 4], foot: [L.column.total, L.number(o.totals.sources), L.number(o.totals.turns), L.number(o.totals.words), L.minutes(o.totals.mediaMinutes)] },
    ),
    gap(),
    heading(`${L.participants}: ${L.number(o.participants.total)}`, 2),
    table([L.column.group, L.column.participants], peopleRows(o.participants.groups, L), { widths: [4, 1], numeric: [1] }),
    gap(),
    table([L.column.category, L.column.participants], peopleRows(o.participants.categories, L), { widths: [4, 1], numeric: [1] }),
    gap(),
  ];
}

/** Codebook, coders, agreement, automatic coding and review. */
export function method(report: ThematicReport, L: ReportLabels): FileChild[] {
  const m = report.method;
  const a = m.agreement;
  const auto = m.automatic;
  return [
    heading(L.method, 1),
    heading(L.codebook, 2),
    table([L.column.name, L.column.version, L.column.codes, L.column.categories], [[m.codebook.name, m.codebook.version, L.number(m.codebook.codes), L.number(m.codebook.categories)]], { widths: [4, 2, 1.5, 1.5], numeric: [2, 3] }),
    gap(),
    heading(L.coders, 2),
    table([L.column.coder, L.column.codings, L.column.origins], m.coders.map((c) => [c.coder, L.number(c.codings), originsText(c.origins, L)]), { widths: [3, 1.5, 5], numeric: [1] }),
    gap(),
    heading(L.agreement, 2),
    a
      ? table(
          [L.column.coders, L.column.unit, L.column.units, capitalize(L.percentAgreement), capitalize(L.kappa), capitalize(L.alpha)],
          [[a.coders.join(', '), L.unitName(a.unit), L.number(a.units), L.percent(a.percentAgreement), L.statistic(a.kappa), L.statistic(a.alpha)]],
          { widths: [2.6, 1.6, 1.3, 1.9, 1.5, 1.7], numeric: [2, 3, 4, 5] },
        )
      : para(L.agreementNone, STYLE.small),
    gap(),
    heading(L.automaticCoding, 2),
    table([L.column.proposals, L.column.reviewed, L.column.accepted, L.column.rejected, L.column.unreviewed], [[auto.proposals, auto.reviewed, auto.accepted, auto.rejected, auto.unreviewed].map((n) => L.number(n))], { widths: [1, 1, 1, 1, 1], numeric: [0, 1, 2, 3, 4] }),
    gap(),
  ];
}
