/** The HTML report's title block, study overview and method note. */
import type { PeopleCount, ThematicReport } from '../../../core/report/report-model.js';
import { capitalize } from '../../language-format.js';
import type { ReportLabels } from '../labels.js';
import { originsText } from '../report-text.js';
import { esc, table } from './html-escape.js';

/** The title block: project, codebook, date, and which codings and codes the report counts. */
export function titleHtml(report: ThematicReport, L: ReportLabels): string {
  const t = report.title;
  return [
    '<header class="title-page">',
    `<p class="kicker">${esc(L.title)}</p>`,
    `<h1>${esc(t.project)}</h1>`,
    `<p>${esc(L.codebookLine(t.codebook.name, t.codebook.version))}</p>`,
    t.date ? `<p><time datetime="${esc(t.date)}">${esc(t.date)}</time></p>` : '',
    `<p class="scope">${esc(L.countedLine(t.origins))}</p>`,
    t.codes ? `<p class="scope">${esc(L.codesLine(t.codes))}</p>` : '',
    '</header>',
  ].join('\n');
}

function peopleTable(title: string, rows: readonly PeopleCount[], L: ReportLabels): string {
  return table(
    [esc(title), esc(L.column.participants)],
    rows.map((r) => [r.value === null ? `<span class="muted">${esc(L.noValue)}</span>` : esc(r.value), L.number(r.participants)]),
    { numeric: [1] },
  );
}

/** Sources by type (turns, words, media minutes) and participants by group and category. */
export function overviewHtml(report: ThematicReport, L: ReportLabels): string {
  const o = report.overview;
  const sources = table(
    [esc(L.column.sourceType), esc(L.column.sources), esc(L.column.turns), esc(L.column.words), esc(L.column.mediaMinutes)],
    o.sources.map((s) => [esc(capitalize(L.sourceType(s.type))), L.number(s.sources), L.number(s.turns), L.number(s.words), L.minutes(s.mediaMinutes)]),
    { numeric: [1, 2, 3, 4], foot: [esc(L.column.total), L.number(o.totals.sources), L.number(o.totals.turns), L.number(o.totals.words), L.minutes(o.totals.mediaMinutes)] },
  );
  return [
    `<section id="overview"><h2>${esc(L.overview)}</h2>`,
    `<h3>${esc(L.sources)}</h3>`,
    sources,
    `<h3>${esc(L.participants)}: ${L.number(o.participants.total)}</h3>`,
    '<div class="side-by-side">',
    peopleTable(L.column.group, o.participants.groups, L),
    peopleTable(L.column.category, o.participants.categories, L),
    '</div></section>',
  ].join('\n');
}

/** Codebook, coders by origin, agreement between human coders, automatic proposals and their review. */
export function methodHtml(report: ThematicReport, L: ReportLabels): string {
  const m = report.method;
  const codebook = table(
    [esc(L.column.name), esc(L.column.version), esc(L.column.codes), esc(L.column.categories)],
    [[esc(m.codebook.name), esc(m.codebook.version), L.number(m.codebook.codes), L.number(m.codebook.categories)]],
    { numeric: [2, 3] },
  );
  const coders = table(
    [esc(L.column.coder), esc(L.column.codings), esc(L.column.origins)],
    m.coders.map((c) => [esc(c.coder), L.number(c.codings), esc(originsText(c.origins, L))]),
    { numeric: [1] },
  );
  const a = m.agreement;
  const agreement = a
    ? table(
        [esc(L.column.coders), esc(L.column.unit), esc(L.column.units), esc(capitalize(L.percentAgreement)), esc(capitalize(L.kappa)), esc(capitalize(L.alpha))],
        [[esc(a.coders.join(', ')), esc(L.unitName(a.unit)), L.number(a.units), L.percent(a.percentAgreement), L.statistic(a.kappa), L.statistic(a.alpha)]],
        { numeric: [2, 3, 4, 5] },
      )
    : `<p class="muted">${esc(L.agreementNone)}</p>`;
  const auto = m.automatic;
  const automatic = table(
    [esc(L.column.proposals), esc(L.column.reviewed), esc(L.column.accepted), esc(L.column.rejected), esc(L.column.unreviewed)],
    [[auto.proposals, auto.reviewed, auto.accepted, auto.rejected, auto.unreviewed].map((n) => L.number(n))],
    { numeric: [0, 1, 2, 3, 4] },
  );
  return [
    `<section id="method"><h2>${esc(L.method)}</h2>`,
    `<h3>${esc(L.codebook)}</h3>`,
    codebook,
    `<h3>${esc(L.coders)}</h3>`,
    coders,
    `<h3>${esc(L.agreement)}</h3>`,
    agreement,
    `<h3>${esc(L.automaticCoding)}</h3>`,
    automatic,
    '</section>',
  ].join('\n');
}
