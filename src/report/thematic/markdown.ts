/**
 * The thematic report as Markdown that reads well on GitHub and in any editor: tables where the other
 * formats draw charts, quotes as blockquotes, code sections nested as the codebook is. Pure: the same
 * report gives the same bytes.
 */
import type { CooccurrenceFigure, JointDisplay, ReportQuote, ThematicReport, ThemeSection } from '../../core/report/report-model.js';
import { capitalize, DASH } from '../language-format.js';
import { labels, type ReportLabels } from './labels.js';

/** How many codes the co-occurrence table shows: those with the most units. */
const COOCCURRENCE_CODES = 10;

/** The report as Markdown. */
export function renderReportMarkdown(report: ThematicReport): string {
  const l = labels(report.language);
  const blocks: string[] = [
    ...titleBlocks(report, l),
    ...overviewBlocks(report, l),
    ...methodBlocks(report, l),
    `## ${l.themes}`,
    ...report.themes.flatMap((s) => sectionBlocks(s, l)),
    ...cooccurrenceBlocks(report.cooccurrence, l),
    ...groupBlocks(report, l),
    ...(report.jointDisplay ? jointBlocks(report.jointDisplay, l) : []),
    ...appendixBlocks(report, l),
  ];
  return `${blocks.join('\n\n')}\n`;
}

function titleBlocks(report: ThematicReport, l: ReportLabels): string[] {
  const { title } = report;
  const lines = [
    text(l.codebookLine(title.codebook.name, title.codebook.version)),
    ...(title.date ? [l.dateLine(title.date)] : []),
    text(l.countedLine(title.origins)),
    ...(title.codes ? [text(l.codesLine(title.codes))] : []),
  ];
  // Two trailing spaces: a line break inside one paragraph.
  return [`# ${l.title}: ${text(title.project)}`, lines.join('  \n')];
}

function overviewBlocks(report: ThematicReport, l: ReportLabels): string[] {
  const { overview: o } = report;
  const sources = table(
    [l.column.sourceType, l.column.sources, l.column.turns, l.column.words, l.column.mediaMinutes],
    [
      ...o.sources.map((s) => [capitalize(l.sourceType(s.type)), l.number(s.sources), l.number(s.turns), l.number(s.words), l.minutes(s.mediaMinutes)]),
      [`**${l.column.total}**`, ...[l.number(o.totals.sources), l.number(o.totals.turns), l.number(o.totals.words), l.minutes(o.totals.mediaMinutes)].map((v) => `**${v}**`)],
    ],
    [false, true, true, true, true],
  );
  const people = (title: string, rows: typeof o.participants.groups): string[] =>
    rows.length ? [table([title, l.column.participants], rows.map((r) => [r.value === null ? l.noValue : text(r.value), l.number(r.participants)]), [false, true])] : [];
  return [
    `## ${l.overview}`,
    `### ${l.sources}`,
    sources,
    `### ${l.participants}`,
    `${capitalize(l.countOf(o.participants.total, 'participant'))}.`,
    ...people(l.column.group, o.participants.groups),
    ...people(l.column.category, o.participants.categories),
  ];
}

function methodBlocks(report: ThematicReport, l: ReportLabels): string[] {
  const m = report.method;
  return [`## ${l.method}`, text(l.methodCodebook(m)), text(l.methodCoders(m)), text(l.methodAgreement(m.agreement)), text(l.methodAutomatic(m)), `${l.countingRule} ${l.triangulationRule(m.triangulation)}`];
}

/** A code's section: heading at its depth, definition, counts, triangulation, quotes, memos, then its codes. */
function sectionBlocks(s: ThemeSection, l: ReportLabels): string[] {
  const hashes = '#'.repeat(Math.min(6, 3 + s.depth));
  // Per coder only when several coded; a coder with none of this code is left out.
  const coders = Object.keys(s.counts.byCoder).length > 1 ? Object.entries(s.counts.byCoder).filter(([, n]) => n > 0) : [];
  const facts = [
    `**${l.counts}:** ${l.countsLine(s.counts)}${coders.length ? ` ${l.byCoder}: ${coders.map(([c, n]) => `${text(c)} ${l.number(n)}`).join(', ')}.` : ''}`,
    `**${l.triangulation}:** ${l.triangulationLine(s.triangulation.status, s.triangulation.sourceTypes, s.triangulation.flags)}`,
  ];
  return [
    `${hashes} ${text(s.label)} (\`${s.code}\`)`,
    ...(s.definition ? [`*${l.definition}:* ${text(s.definition)}`] : []),
    facts.join('  \n'),
    ...(s.quotes.length ? s.quotes.map((q) => quoteBlock(q, l)) : [`*${l.noQuotes}*`]),
    ...(s.memos.length ? [`**${l.memos}:**`, s.memos.map((m) => `- *${text(m.author)}*, ${text(m.target)}: ${text(m.text)}`).join('\n')] : []),
    ...s.children.flatMap((c) => sectionBlocks(c, l)),
  ];
}

function quoteBlock(q: ReportQuote, l: ReportLabels): string {
  return `> ${text(q.text)}\n>\n> ${text(attribution(q, l))}`;
}

/** "— Sumiati (wawancara, 09-sumiati 4.2, 00:12:05)": who said a quote (a note's source speaks for it), and where. */
function attribution(q: ReportQuote, l: ReportLabels): string {
  return `— ${q.participant ?? q.source} (${[l.sourceType(q.sourceType), `${q.source} ${q.segment}`, ...(q.startMs === null ? [] : [l.mediaTime(q.startMs)])].join(', ')})`;
}

/** The codes with the most units, in codebook order, as a table of units coded with both. */
function cooccurrenceBlocks(figure: CooccurrenceFigure, l: ReportLabels): string[] {
  if (figure.codes.length === 0) return [];
  const top = figure.codes
    .map((_, i) => i)
    .sort((a, b) => figure.cells[b]![b]! - figure.cells[a]![a]! || a - b)
    .slice(0, COOCCURRENCE_CODES)
    .sort((a, b) => a - b);
  const rows = top.map((i, k) => [`${k + 1}. ${text(figure.codes[i]!.label)} (\`${figure.codes[i]!.code}\`)`, ...top.map((j) => (i === j ? `**${l.number(figure.cells[i]![j]!)}**` : l.number(figure.cells[i]![j]!)))]);
  return [`## ${l.cooccurrence}`, l.cooccurrenceNote, table([l.column.code, ...top.map((_, k) => String(k + 1))], rows, [false, ...top.map(() => true)])];
}

function groupBlocks(report: ThematicReport, l: ReportLabels): string[] {
  const { byGroup } = report;
  if (byGroup.groups.length === 0 || byGroup.codes.length === 0) return [];
  const size = new Map(report.overview.participants.groups.map((g) => [g.value, g.participants]));
  const rows = byGroup.codes.map((c) => [`${text(c.label)} (\`${c.code}\`)`, ...byGroup.groups.map((g) => l.number(c.participants[g] ?? 0))]);
  const header = byGroup.groups.map((g) => `${text(g)} (${l.number(size.get(g) ?? 0)})`);
  return [`## ${l.byGroup}`, l.byGroupNote, table([l.column.code, ...header], rows, [false, ...byGroup.groups.map(() => true)])];
}

function jointBlocks(joint: JointDisplay, l: ReportLabels): string[] {
  const header = joint.values.map((v) => `${text(v.value)} (${l.countOf(v.participants, 'participant')})`);
  const rows = joint.rows.map((r) => [`${text(r.label)} (\`${r.code}\`)`, ...joint.values.map((v) => {
    const cell = r.cells[v.value]!;
    return l.jointCell(cell.participants, cell.segments);
  })]);
  const quotes = joint.rows.flatMap((r) => {
    const items = joint.values.flatMap((v) => {
      const quote = r.cells[v.value]?.quote;
      return quote ? [`- *${text(v.value)}*: “${text(quote.text)}” ${text(attribution(quote, l))}`] : [];
    });
    return items.length ? [`**${text(r.label)}**\n\n${items.join('\n')}`] : [];
  });
  return [`## ${l.jointDisplay}: \`${joint.attribute}\``, text(l.jointDisplayNote(joint.attribute)), table([l.column.code, ...header], rows, [false, ...joint.values.map(() => false)]), `### ${l.quotes}`, ...quotes];
}

function appendixBlocks(report: ThematicReport, l: ReportLabels): string[] {
  const { codebook, audit } = report.appendix;
  const depthOf = new Map<string, number>();
  for (const c of codebook) depthOf.set(c.code, c.parent === null ? 0 : (depthOf.get(c.parent) ?? 0) + 1);
  const indent = (code: string): string => '&nbsp;&nbsp;'.repeat(depthOf.get(code) ?? 0);
  const blocks = [
    `## ${l.appendix}`,
    `### ${l.codebook}`,
    table([l.column.code, l.column.label, l.column.definition], codebook.map((c) => [`${indent(c.code)}\`${c.code}\``, text(c.label), c.definition ? text(c.definition) : DASH])),
  ];
  if (audit.length) {
    const time = (iso: string): string => iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, '');
    blocks.push(`### ${l.audit}`, l.auditNote, table([l.column.command, l.column.times, l.column.first, l.column.last], audit.map((a) => [`\`${a.command}\``, l.number(a.times), time(a.first), time(a.last)]), [false, true, false, false]));
  }
  return blocks;
}

/** A Markdown table; `right` marks the columns aligned right (numbers). */
function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = []): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (right[i] ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/**
 * Text as Markdown shows it literally, on one line: the characters that would start emphasis, links,
 * code, HTML or a table cell are escaped, and so is what would open a list or heading at a line's start.
 */
function text(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|#~]/g, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1');
}
