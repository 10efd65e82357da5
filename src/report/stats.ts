/** `telaah stats` for people, spreadsheets and programs: pure renderers of the overview and the code table. */
import type { CodeFrequencies, CodeFrequency } from '../core/analysis/code-frequencies.js';
import type { PeopleRow, ProjectOverview, SourceTypeSummary } from '../core/analysis/project-overview.js';
import { wrapText, type TableModel } from './text-layout.js';

/** The code table with what it was counted from. */
export interface CodeTable extends CodeFrequencies {
  codebook: { name: string; version: string };
  /** The scope asked for (null: every coder; every origin but suggested). */
  coder: string | null;
  origins: string[] | null;
}

/** One titled table of the overview. */
export interface TitledTable {
  title: string;
  table: TableModel;
}

const count = { align: 'right' as const };

/** `telaah stats --json`: the overview, then the code table (null without a codebook). */
export function statsJson(type: string | null, overview: ProjectOverview, codes: CodeTable | null): unknown {
  const people = (key: 'group' | 'category') => (r: PeopleRow) => ({ [key]: r.value, participants: r.participants, speaking: r.speaking, sources: r.sources, turns: r.turns });
  return {
    type,
    sources: overview.sources.map(sourceJson),
    totals: sourceJson(overview.totals),
    turns: overview.turns,
    participants: {
      total: overview.participants.total,
      groups: overview.participants.groups.map(people('group')),
      categories: overview.participants.categories.map(people('category')),
    },
    codings: overview.codings,
    codes: codes && {
      codebook: codes.codebook,
      coder: codes.coder,
      origins: codes.origins,
      by: codes.by,
      groups: codes.groups,
      rows: codes.codes.map((r) => ({ code: r.code, label: r.label, category: r.category, depth: r.depth, segments: r.segments, sources: r.sources, participants: r.participants, ...(codes.by ? { by: r.by } : {}) })),
    },
  };
}

function sourceJson(s: SourceTypeSummary): Omit<SourceTypeSummary, 'type'> & { type?: string } {
  const { type, ...rest } = s;
  return type === 'total' ? rest : { type, ...rest };
}

/** The overview's tables: sources per type, participants per group and category, codings per origin and coder. */
export function overviewTables(overview: ProjectOverview): TitledTable[] {
  const tables: TitledTable[] = [];
  const minutes = (s: SourceTypeSummary): string => (s.sources === 0 ? '-' : s.mediaMinutes === null ? 'unknown' : String(Math.round(s.mediaMinutes)));
  const sourceRow = (s: SourceTypeSummary): (string | number)[] => [s.type, s.sources, s.turns, s.words, minutes(s), s.untimed];
  tables.push({
    title: 'Sources',
    table: {
      columns: [{ title: 'type' }, { title: 'sources', ...count }, { title: 'turns', ...count }, { title: 'words', ...count }, { title: 'media min', ...count }, { title: 'untimed', ...count, optional: true }],
      rows: [...overview.sources.map(sourceRow), ...(overview.sources.length > 1 ? [sourceRow(overview.totals)] : [])],
    },
  });
  const { groups, categories, total } = overview.participants;
  if (total > 0) {
    tables.push({ title: `Participants (${total})`, table: peopleTable('group', groups) });
    if (categories.length) tables.push({ title: 'Participants by category', table: peopleTable('category', categories) });
  }
  const { origins, coders } = overview.codings;
  if (origins.length) {
    tables.push({ title: 'Codings', table: { columns: [{ title: 'origin' }, { title: 'codings', ...count }, { title: 'rejected', ...count }], rows: origins.map((o) => [o.origin, o.codings, o.rejected]) } });
    tables.push({
      title: 'Coders',
      table: {
        columns: [{ title: 'coder', shrink: true }, { title: 'codings', ...count }, { title: 'rejections', ...count }, { title: 'by origin', shrink: true }],
        rows: coders.map((c) => [c.coder, c.codings, c.rejections, Object.entries(c.origins).map(([o, n]) => `${o} ${n}`).join(', ')]),
      },
    });
  }
  return tables;
}

function peopleTable(key: string, rows: readonly PeopleRow[]): TableModel {
  return {
    columns: [{ title: key, shrink: true }, { title: 'participants', ...count }, { title: 'speaking', ...count }, { title: 'sources', ...count }, { title: 'turns', ...count }],
    rows: rows.map((r) => [r.value ?? '(none)', r.participants, r.speaking, r.sources, r.turns]),
  };
}

/** The line on who speaks the turns. */
export function turnsLine(overview: ProjectOverview): string {
  const { total, participant, interviewer, noSpeaker } = overview.turns;
  const parts = [`participants ${participant}`, `interviewers ${interviewer}`];
  if (noSpeaker) parts.push(`notes and documents ${noSpeaker}`);
  return `Turns: ${total} — ${parts.join(', ')}`;
}

/** The title over the code table: what was counted. */
export function codeTableTitle(codes: CodeTable): string {
  const scope = [codes.coder ? `coder ${codes.coder}` : null, codes.origins ? `origin ${codes.origins.join(', ')}` : null].filter(Boolean);
  return `Codes of "${codes.codebook.name}" ${codes.codebook.version}${scope.length ? ` (${scope.join('; ')})` : ''}`;
}

/** The code table: codes indented under their category, segments, sources and participants, then each coder's or origin's. */
export function codeTable(codes: CodeTable): TableModel {
  const groupColumns = codes.groups.flatMap((g) => [
    { title: g, ...count },
    { title: `${g} src`, ...count, optional: true },
    { title: `${g} ppl`, ...count, optional: true },
  ]);
  return {
    // Split, the code is never cut: the coders' or origins' src and ppl columns give way first.
    columns: [{ title: 'code', shrink: codes.groups.length === 0 }, { title: 'segments', ...count }, { title: 'sources', ...count }, { title: 'participants', ...count }, ...groupColumns],
    rows: codes.codes.map((r) => [
      `${'  '.repeat(r.depth)}${r.code}`,
      r.segments,
      r.sources,
      r.participants,
      ...codes.groups.flatMap((g) => cellsOf(r, g)),
    ]),
  };
}

function cellsOf(row: CodeFrequency, group: string): number[] {
  const cell = row.by[group] ?? { segments: 0, sources: 0, participants: 0 };
  return [cell.segments, cell.sources, cell.participants];
}

/** What the code table's numbers mean, under it, wrapped to `width`. */
export function codeTableLegend(codes: CodeTable, width: number): string {
  const split = codes.by ? ` Then per ${codes.by}: segments, src (sources), ppl (participants).` : '';
  const text = `segments: coded segments, each once per code (a category counts a segment once, whichever of its codes); sources and participants: where they come from.${split}`;
  return `${wrapText(text, Math.max(20, width)).join('\n')}\n`;
}

/** `telaah stats --csv`: the code table, one row per code. */
export function codeTableCsv(codes: CodeTable): { header: string[]; rows: unknown[][] } {
  return {
    header: ['code', 'label', 'category', 'segments', 'sources', 'participants', ...codes.groups.flatMap((g) => [`${g}:segments`, `${g}:sources`, `${g}:participants`])],
    rows: codes.codes.map((r) => [r.code, r.label, r.category, r.segments, r.sources, r.participants, ...codes.groups.flatMap((g) => cellsOf(r, g))]),
  };
}
