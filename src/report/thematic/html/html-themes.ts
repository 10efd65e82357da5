/**
 * The HTML report's themes: one section per code, nested as the code tree is (heading depth follows it),
 * with counts, triangulation, quotes and memos; above them the quote filter's controls, hidden until its
 * script shows them. Each quote carries the code, source type and group the filter reads.
 */
import type { ReportMemo, ReportQuote, ThematicReport, ThemeSection } from '../../../core/report/report-model.js';
import { SOURCE_TYPES } from '../../../core/transcript/types.js';
import { capitalize } from '../../language-format.js';
import type { ReportLabels } from '../labels.js';
import { byCoderText, flattenThemes, quoteAttribution } from '../report-text.js';
import { anchorOf, codeHtml, esc, paragraphs } from './html-escape.js';

/** The filter's value for quotes of no group (a group is never empty, so it cannot clash). */
export const NO_GROUP = '';
/** The filter's value for "any group". */
export const ANY = '*';

/** The anchor of a code's section. */
export function themeAnchor(code: string): string {
  return anchorOf('code', code);
}

function quoteHtml(q: ReportQuote, code: string, L: ReportLabels): string {
  return [
    `<figure class="quote" data-code="${esc(code)}" data-source-type="${esc(q.sourceType)}" data-group="${esc(q.group ?? NO_GROUP)}">`,
    `<blockquote>${paragraphs(q.text)}</blockquote>`,
    `<figcaption>${esc(quoteAttribution(q, L))}</figcaption>`,
    '</figure>',
  ].join('');
}

function memoHtml(m: ReportMemo, L: ReportLabels): string {
  return `<aside class="memo"><p class="memo-head">${esc(L.memos)} · ${esc(m.author)} · ${esc(L.memoOn(m.target))}</p>${paragraphs(m.text)}</aside>`;
}

function stat(label: string, value: string): string {
  return `<div><dt>${esc(label)}</dt><dd>${value}</dd></div>`;
}

function themeHtml(t: ThemeSection, L: ReportLabels): string {
  const level = Math.min(6, 3 + t.depth);
  const tri = t.triangulation;
  const types = SOURCE_TYPES.map((s) => `${esc(capitalize(L.sourceType(s)))} ${L.number(tri.sourceTypes[s] ?? 0)}`).join(' · ');
  const flags = tri.flags.length ? tri.flags.map((f) => `<span class="flag">${esc(L.flag(f))}</span>`).join(' ') : `<span class="muted">${esc(L.noFlags)}</span>`;
  const coders = byCoderText(t.counts.byCoder, L);
  return [
    `<section class="theme depth-${Math.min(t.depth, 3)}" id="${themeAnchor(t.code)}" data-code="${esc(t.code)}">`,
    `<h${level}>${esc(t.label)} ${codeHtml(t.code)}${t.category ? ` <span class="tag">${esc(L.categoryTag)}</span>` : ''}</h${level}>`,
    t.definition ? `<p class="definition"><span class="muted">${esc(L.definition)}:</span> ${esc(t.definition)}</p>` : '',
    '<dl class="stats">',
    stat(L.column.segments, L.number(t.counts.segments)),
    stat(L.column.sources, L.number(t.counts.sources)),
    stat(L.column.participants, L.number(t.counts.participants)),
    stat(L.column.groups, L.number(t.counts.groups)),
    '</dl>',
    coders ? `<p class="by-coder"><span class="muted">${esc(L.byCoder)}:</span> ${esc(coders)}</p>` : '',
    `<p class="triangulation"><span class="muted">${esc(L.triangulation)}:</span> <span class="status status-${esc(tri.status)}">${esc(L.status(tri.status))}</span> ${types} ${flags}</p>`,
    t.quotes.length ? `<div class="quotes">${t.quotes.map((q) => quoteHtml(q, t.code, L)).join('\n')}</div>` : t.category ? '' : `<p class="muted no-quotes">${esc(L.noQuotes)}</p>`,
    t.memos.map((m) => memoHtml(m, L)).join('\n'),
    t.children.map((c) => themeHtml(c, L)).join('\n'),
    '</section>',
  ].join('\n');
}

function option(value: string, text: string): string {
  return `<option value="${esc(value)}">${esc(text)}</option>`;
}

/** The filter's controls: code (indented by depth), source type and group, as the quotes have them. */
function filterHtml(report: ThematicReport, L: ReportLabels): string {
  const all = flattenThemes(report.themes);
  const quotes = all.flatMap((t) => t.quotes);
  const withQuotes = all.filter((t) => t.quotes.length > 0 || flattenThemes(t.children).some((c) => c.quotes.length > 0));
  const types = SOURCE_TYPES.filter((s) => quotes.some((q) => q.sourceType === s));
  const groups = [...new Set(quotes.map((q) => q.group).filter((g): g is string => g !== null))].sort();
  const ungrouped = quotes.some((q) => q.group === null);
  return [
    `<form class="filters" hidden aria-label="${esc(L.filterQuotes)}">`,
    `<strong>${esc(L.filterQuotes)}</strong>`,
    `<label>${esc(L.column.code)} <select name="code">${option('', L.all)}${withQuotes.map((t) => option(t.code, `${'\u00a0\u00a0'.repeat(t.depth)}${t.label} (${t.code})`)).join('')}</select></label>`,
    `<label>${esc(L.column.sourceType)} <select name="type">${option('', L.all)}${types.map((s) => option(s, capitalize(L.sourceType(s)))).join('')}</select></label>`,
    `<label>${esc(L.column.group)} <select name="group">${option(ANY, L.all)}${groups.map((g) => option(g, g)).join('')}${ungrouped ? option(NO_GROUP, L.noValue) : ''}</select></label>`,
    `<button type="reset">${esc(L.reset)}</button>`,
    `<output class="quote-count" aria-live="polite">${esc(L.quotesShown(L.number(quotes.length), L.number(quotes.length)))}</output>`,
    `<p class="no-match muted" hidden>${esc(L.noQuotesMatch)}</p>`,
    '</form>',
  ].join('\n');
}

/** The themes section: filter controls, then every code. */
export function themesHtml(report: ThematicReport, L: ReportLabels): string {
  return [
    `<section id="themes"><h2>${esc(L.themes)}</h2>`,
    report.themes.length ? filterHtml(report, L) : `<p class="muted">${esc(L.noThemes)}</p>`,
    report.themes.map((t) => themeHtml(t, L)).join('\n'),
    '</section>',
  ].join('\n');
}
