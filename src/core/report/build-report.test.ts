import { describe, expect, it } from 'vitest';
import { CodingColumnsBuilder } from '../analysis/coding-columns.js';
import { summarizeProject } from '../analysis/project-overview.js';
import { unitSetOf } from '../analysis/unit-sets.js';
import type { Memo } from '../memo-target.js';
import { SOURCE_TYPES, type SourceType } from '../transcript/types.js';
import { buildReport, type ReportCode, type ReportInput } from './build-report.js';
import { evidenceTableOf, type EvidenceRow } from '../../../test/helpers/evidence-table.js';
import type { ThemeSection } from './report-model.js';

const CODES: ReportCode[] = [
  { id: 'role', parent: null, label: 'Peran', definition: 'What social workers do.', required: false, contrasts: [] },
  { id: 'role/educator', parent: 'role', label: 'Pendidik', definition: 'Explains the programme.', required: false, contrasts: [] },
  { id: 'role/broker', parent: 'role', label: 'Perantara', definition: null, required: false, contrasts: [] },
  { id: 'barrier', parent: null, label: 'Hambatan', definition: null, required: false, contrasts: [] },
  { id: 'barrier/distrust', parent: 'barrier', label: 'Ketidakpercayaan', definition: null, required: false, contrasts: [] },
];

interface Person {
  id: number;
  group: string | null;
  attributes: Record<string, string>;
}
const PEOPLE: Record<string, Person> = {
  Sumiati: { id: 1, group: 'pekerja-rentan', attributes: { enrolled_after: 'ya' } },
  Darto: { id: 2, group: 'pekerja-rentan', attributes: { enrolled_after: 'tidak' } },
  Rahmawati: { id: 3, group: 'pekerja-sosial', attributes: {} },
};
const SOURCES: Record<string, { id: number; type: SourceType }> = {
  w01: { id: 1, type: 'interview' },
  w02: { id: 2, type: 'interview' },
  fgd1: { id: 3, type: 'fgd' },
  obs01: { id: 4, type: 'observation' },
};

/** A coding: where, by whom, and what the unit says (long enough to quote unless short is asked). */
interface Coding {
  source: keyof typeof SOURCES;
  segment: string;
  code: string;
  who: string | null;
  coder?: string;
  origin?: string;
  rejected?: boolean;
}

const long = (c: Coding): string => `Kalimat panjang yang cukup untuk dikutip dalam laporan, dari ${c.source} ${c.segment}.`;

/** The report inputs for these codings: columns, evidence and overview consistent with each other. */
function inputFor(codings: Coding[], extra: Partial<ReportInput> = {}): ReportInput {
  const ids = new Map<string, number>();
  const idOf = (key: string): number => ids.get(key) ?? (ids.set(key, ids.size + 1), ids.size);
  const builder = new CodingColumnsBuilder(4);
  const evidence = new Map<string, EvidenceRow>();
  for (const c of codings) {
    const turn = c.segment.split('.')[0]!;
    const segment = idOf(`${c.source} ${c.segment}`);
    const turnId = idOf(`${c.source} ${turn}`);
    const coder = c.coder ?? 'auto';
    const origin = c.origin ?? (coder === 'auto' ? 'auto' : 'manual');
    const person = c.who === null ? null : PEOPLE[c.who]!;
    builder.add(segment, turnId === segment ? null : turnId, SOURCES[c.source]!.id, person?.id ?? null, c.code, coder, origin, c.rejected === true);
    if (c.rejected) continue;
    const key = `${c.source} ${c.segment} ${c.code}`;
    const human = coder !== 'auto';
    const row = evidence.get(key);
    if (row) row.human ||= human;
    else
      evidence.set(key, {
        code: c.code, source: c.source, sourceType: SOURCES[c.source]!.type, segment: c.segment, site: null,
        participant: c.who, group: person?.group ?? null, startMs: null, text: long(c), human,
      });
  }
  builder.markCounted((_coder, origin) => origin !== 'suggested');
  const columns = builder.build();
  const participants = Object.entries(PEOPLE).map(([pseudonym, p]) => ({ pseudonym, ...p }));
  const leaves = ['role/educator', 'role/broker', 'barrier/distrust'];
  const unitsOf = (code: string) => unitSetOf(codings.filter((c) => c.code === code && !c.rejected).map((c) => idOf(`${c.source} ${c.segment}`)));
  return {
    language: 'id',
    project: 'Studi',
    date: null,
    origins: null,
    selection: null,
    codebook: { name: 'Mini', version: '1', codes: CODES },
    overview: summarizeProject({
      types: SOURCE_TYPES,
      sources: Object.values(SOURCES).map((s) => ({ id: s.id, type: s.type, turns: 10, words: 100 })),
      turnGroups: [],
      participants: participants.map((p) => ({ id: p.id, group: p.group, category: null })),
      codings: columns,
      rejections: new Map(),
    }),
    columns,
    evidence: evidenceTableOf([...evidence.values()]),
    triangulation: { convergent: 3, corroborated: 2, projectGroups: 2 },
    units: leaves.map((code) => ({ code, label: code, category: false, units: unitsOf(code) })),
    participants,
    outcome: null,
    agreement: null,
    proposals: [],
    memos: [],
    audit: [],
    ...extra,
  };
}

const CODINGS: Coding[] = [
  { source: 'w01', segment: '4.1', code: 'role/educator', who: 'Sumiati' },
  { source: 'w01', segment: '4.1', code: 'role/educator', who: 'Sumiati', coder: 'rina', origin: 'accepted' },
  { source: 'w01', segment: '4.2', code: 'role/educator', who: 'Sumiati' },
  { source: 'w01', segment: '6', code: 'role/broker', who: 'Sumiati', coder: 'rina' },
  { source: 'w01', segment: '6.1', code: 'role/broker', who: 'Sumiati' },
  { source: 'w02', segment: '3.1', code: 'role/educator', who: 'Darto' },
  { source: 'w02', segment: '3.1', code: 'barrier/distrust', who: 'Darto' },
  { source: 'w02', segment: '5.1', code: 'barrier/distrust', who: 'Darto', rejected: true },
  { source: 'fgd1', segment: '2.1', code: 'role/educator', who: 'Rahmawati' },
  { source: 'fgd1', segment: '7.1', code: 'barrier/distrust', who: 'Sumiati' },
  { source: 'obs01', segment: '1.1', code: 'role/educator', who: null },
];

const flat = (sections: readonly ThemeSection[]): ThemeSection[] => sections.flatMap((s) => [s, ...flat(s.children)]);
const sectionOf = (report: ReturnType<typeof buildReport>, code: string): ThemeSection => flat(report.themes).find((s) => s.code === code)!;

describe('buildReport', () => {
  it('counts each code by the evidence rules: a segment once, a coded turn absorbing its sentences, rejections left out', () => {
    const report = buildReport(inputFor(CODINGS));
    expect(report.themes.map((s) => s.code)).toEqual(['role', 'barrier']);
    expect(sectionOf(report, 'role/educator').counts).toEqual({ segments: 5, sources: 4, participants: 3, groups: 2, byCoder: { auto: 5, rina: 1 } });
    // Turn 6 carries broker, so its sentence 6.1 is the same evidence.
    expect(sectionOf(report, 'role/broker').counts).toMatchObject({ segments: 1, sources: 1, participants: 1 });
    expect(sectionOf(report, 'role').counts).toMatchObject({ segments: 6, sources: 4, participants: 3 });
    expect(sectionOf(report, 'barrier/distrust').counts).toMatchObject({ segments: 2, sources: 2, participants: 2 });
    expect(sectionOf(report, 'role/educator').triangulation).toEqual({ status: 'convergent', flags: [], sourceTypes: { interview: 3, fgd: 1, observation: 1, document: 0 } });
    expect(sectionOf(report, 'barrier/distrust').triangulation.flags).toEqual(['not-observed', 'one-sided']);
    expect(report.method.coders).toEqual([
      { coder: 'auto', codings: 8, origins: { auto: 8 } },
      { coder: 'rina', codings: 2, origins: { manual: 1, accepted: 1 } },
    ]);
  });

  it('quotes span source types and participants, prefer what a person coded, and a category quotes other units than its codes', () => {
    const more: Coding[] = [
      { source: 'w01', segment: '8.1', code: 'role/educator', who: 'Sumiati' },
      { source: 'w01', segment: '9.1', code: 'role/educator', who: 'Sumiati' },
      { source: 'w02', segment: '8.1', code: 'role/educator', who: 'Darto' },
      { source: 'fgd1', segment: '3.1', code: 'role/educator', who: 'Sumiati' },
    ];
    const report = buildReport(inputFor([...CODINGS, ...more]));
    const educator = sectionOf(report, 'role/educator').quotes;
    // One of each source type, each voice once (the person-coded 4.1 for Sumiati), then the fifth.
    expect(educator.map((q) => `${q.source} ${q.segment} ${q.participant}`)).toEqual(['w01 4.1 Sumiati', 'w02 3.1 Darto', 'fgd1 2.1 Rahmawati', 'fgd1 3.1 Sumiati', 'obs01 1.1 null']);
    expect(educator[0]!.text).toBe('Kalimat panjang yang cukup untuk dikutip dalam laporan, dari w01 4.1.');
    const shownBelow = new Set([...educator, ...sectionOf(report, 'role/broker').quotes].map((q) => `${q.source} ${q.segment}`));
    const role = sectionOf(report, 'role').quotes.map((q) => `${q.source} ${q.segment}`);
    expect(role).toHaveLength(3);
    expect(role.filter((q) => shownBelow.has(q))).toEqual([]);
  });

  it('shows the joint display by an outcome attribute: participants, segments and a quote per value, nobody without a value', () => {
    const report = buildReport(inputFor(CODINGS, { outcome: 'enrolled_after' }));
    const joint = report.jointDisplay!;
    expect(joint.values).toEqual([{ value: 'tidak', participants: 1 }, { value: 'ya', participants: 1 }]);
    const educator = joint.rows.find((r) => r.code === 'role/educator')!;
    // What a person coded (4.1) comes before what the row above quoted already.
    expect(joint.rows.find((r) => r.code === 'role')!.cells.ya).toMatchObject({ participants: 1, segments: 3, quote: { participant: 'Sumiati', segment: '4.1' } });
    expect(educator.cells.ya).toMatchObject({ participants: 1, segments: 2, quote: { participant: 'Sumiati', segment: '4.1' } });
    expect(joint.rows.find((r) => r.code === 'barrier/distrust')!.cells.ya).toMatchObject({ participants: 1, segments: 1, quote: { source: 'fgd1', segment: '7.1' } });
    expect(educator.cells.tidak).toMatchObject({ participants: 1, segments: 1, quote: { participant: 'Darto' } });
    expect(joint.rows.find((r) => r.code === 'role/broker')!.cells.tidak).toEqual({ participants: 0, segments: 0, quote: null });
    expect(joint.rows.map((r) => r.code)).toEqual(CODES.map((c) => c.id));
    expect(buildReport(inputFor(CODINGS)).jointDisplay).toBeNull();
  });

  it('counts participants per group for the figure, and co-occurrence from the units read', () => {
    const report = buildReport(inputFor(CODINGS));
    expect(report.byGroup.groups).toEqual(['pekerja-rentan', 'pekerja-sosial']);
    expect(report.byGroup.codes.find((c) => c.code === 'role/educator')!.participants).toEqual({ 'pekerja-rentan': 2, 'pekerja-sosial': 1 });
    expect(report.cooccurrence.codes.map((c) => c.label)).toEqual(['Pendidik', 'Perantara', 'Ketidakpercayaan']);
    expect(report.cooccurrence.cells[0]).toEqual([5, 0, 1]);
  });

  it('reports agreement only when it was computed', () => {
    const agreement = { coders: ['ana', 'rina'], unit: 'turn' as const, units: 40, percentAgreement: 0.9, kappa: 0.71, alpha: 0.7 };
    expect(buildReport(inputFor(CODINGS)).method.agreement).toBeNull();
    expect(buildReport(inputFor(CODINGS, { agreement })).method.agreement).toEqual(agreement);
  });

  it('with --codes covers those codes and the codes below them: sections, figures, coders and proposals', () => {
    const proposals = [{ code: 'role/educator', proposals: 5, accepted: 1, rejected: 0 }, { code: 'barrier/distrust', proposals: 3, accepted: 0, rejected: 1 }];
    const report = buildReport({ ...inputFor(CODINGS, { selection: ['barrier'], proposals }), units: [{ code: 'barrier/distrust', label: '', category: false, units: unitSetOf([7, 9]) }] });
    expect(report.title.codes).toEqual(['barrier']);
    expect(flat(report.themes).map((s) => [s.code, s.depth])).toEqual([['barrier', 0], ['barrier/distrust', 1]]);
    expect(report.byGroup.codes.map((c) => c.code)).toEqual(['barrier/distrust']);
    expect(report.method.coders).toEqual([{ coder: 'auto', codings: 2, origins: { auto: 2 } }]);
    expect(report.method.automatic).toEqual({ proposals: 3, reviewed: 1, accepted: 0, rejected: 1, unreviewed: 2 });
    // The appendix keeps the whole codebook.
    expect(report.appendix.codebook.map((c) => c.code)).toEqual(CODES.map((c) => c.id));
    const leaf = buildReport(inputFor(CODINGS, { selection: ['role/broker', 'role'] }));
    expect(leaf.themes.map((s) => s.code)).toEqual(['role']);
  });

  it('gives a code its own memos and those on the segments it quotes; a category not its codes’ memos', () => {
    const memo = (id: number, kind: 'code' | 'segment', target: { code?: string; source?: string; segment?: string }): Memo => ({
      id, target: '', kind, source: target.source ?? null, segment: target.segment ?? null, code: target.code ?? null, participant: null, author: 'rina', text: `memo ${id}`, createdAt: '', updatedAt: '',
    });
    const memos = [memo(1, 'code', { code: 'role' }), memo(2, 'code', { code: 'role/educator' }), memo(3, 'segment', { source: 'w02', segment: '3.1' }), memo(4, 'segment', { source: 'w02', segment: '9.9' })];
    const report = buildReport(inputFor(CODINGS, { memos }));
    expect(sectionOf(report, 'role').memos).toEqual([{ author: 'rina', text: 'memo 1', target: 'code role' }]);
    expect(sectionOf(report, 'role/educator').memos.map((m) => m.target)).toEqual(['code role/educator', 'w02 3.1']);
  });
});
