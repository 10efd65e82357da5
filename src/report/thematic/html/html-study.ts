/** The HTML report's title block, study overview and method note. */
import type { PeopleCount, ThematicReport } from '../../../core/report/report-model.js';
import type { RenderLabels } from '../render-labels.js';
import { minutesText, originsText, percentText, statText } from '../report-text.js';
import { esc, table } from './html-escape.js';

/** The title block: project, codebook, date, and which codings and codes the report counts. */
export function titleHtml(report: ThematicReport, L: RenderLabels): string {
  const t = report.title;
  return [
    '<header class="title-page">',
    `<p class="kicker">${esc(L.reportTitle)}</p>`,
    `<h1>${esc(t.project)}</h1>`,
    `<p>${esc(L.codebookLine(t.codebook.name, t.codebook.version))}</p>`,
    t.date ? `<p><time datetime="${esc(t.date)}">${esc(t.date)}</time></p>` : '',
    `<p class="scope">${esc(L.originsLine(t.origins))}</p>`,
    t.codes ? `<p class="scope">${esc(L.codesLine(t.codes))}</p>` : '',
    '</header>',
  ].join('\n');
}

function peopleTable(title: string, rows: readonly PeopleCount[], L: RenderLabels): string {
  return table(
    [esc(title), esc(L.participants)],
    rows.map((r) => [r.value === null ? `<span class="muted">${esc(L.noValue)}</span>` : esc(r.value), L.count(r.participants)]),
    { numeric: [1] },
  );
}

/** Sources by type (turns, words, media minutes) and participants by group and category. */
export function overviewHtml(report: ThematicReport, L: RenderLabels): string {
  const o = report.overview;
  const sources = table(
    [esc(L.sourceType), esc(L.sources), esc(L.turns), esc(L.words), esc(L.mediaMinutes)],
    o.sources.map((s) => [esc(L.sourceTypeName[s.type]), L.count(s.sources), L.count(s.turns), L.count(s.words), minutesText(s.mediaMinutes, L)]),
    { numeric: [1, 2, 3, 4], foot: [esc(L.total), L.count(o.totals.sources), L.count(o.totals.turns), L.count(o.totals.words), minutesText(o.totals.mediaMinutes, L)] },
  );
  return [
    `<section id="overview"><h2>${esc(L.overview)}</h2>`,
    `<h3>${esc(L.sources)}</h3>`,
    sources,
    `<h3>${esc(L.participants)}: ${L.count(o.participants.total)}</h3>`,
    '<div class="side-by-side">',
    peopleTable(L.group, o.participants.groups, L),
    peopleTable(L.category, o.participants.categories, L),
    '</div></section>',
  ].join('\n');
}

/** Codebook, coders by origin, agreement between human coders, automatic proposals and their review. */
export function methodHtml(report: ThematicReport, L: RenderLabels): string {
  const m = report.method;
  const codebook = table(
    [esc(L.codebookName), esc(L.codebookVersion), esc(L.codes), esc(L.categories)],
    [[esc(m.codebook.name), esc(m.codebook.version), L.count(m.codebook.codes), L.count(m.codebook.categories)]],
    { numeric: [2, 3] },
  );
  const coders = table(
    [esc(L.coder), esc(L.codings), esc(L.origins)],
    m.coders.map((c) => [esc(c.coder), L.count(c.codings), esc(originsText(c.origins, L))]),
    { numeric: [1] },
  );
  const a = m.agreement;
  const agreement = a
    ? table(
        [esc(L.coders), esc(L.agreementUnit), esc(L.units), esc(L.percentAgreement), esc(L.kappa), esc(L.alpha)],
        [[esc(a.coders.join(', ')), esc(L.agreementUnitName[a.unit]), L.count(a.units), percentText(a.percentAgreement, L), statText(a.kappa, L), statText(a.alpha, L)]],
        { numeric: [2, 3, 4, 5] },
      )
    : `<p class="muted">${esc(L.agreementNone)}</p>`;
  const auto = m.automatic;
  const automatic = table(
    [esc(L.proposals), esc(L.reviewed), esc(L.accepted), esc(L.rejected), esc(L.unreviewed)],
    [[auto.proposals, auto.reviewed, auto.accepted, auto.rejected, auto.unreviewed].map((n) => L.count(n))],
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
