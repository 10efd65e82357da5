import { describe, expect, it } from 'vitest';
import type { ProjectOverview } from '../core/analysis/project-overview.js';
import { codeTable, codeTableCsv, codeTableLegend, codeTableTitle, overviewTables, statsJson, turnsLine, type CodeTable } from './stats.js';

const overview: ProjectOverview = {
  sources: [
    { type: 'interview', sources: 2, turns: 6, words: 150, mediaMinutes: 30.4, untimed: 1 },
    { type: 'observation', sources: 1, turns: 2, words: 20, mediaMinutes: null, untimed: 1 },
  ],
  totals: { type: 'total', sources: 3, turns: 8, words: 170, mediaMinutes: 30.4, untimed: 2 },
  turns: { total: 8, participant: 3, interviewer: 3, noSpeaker: 2 },
  participants: {
    total: 3,
    groups: [{ value: 'pekerja-rentan', participants: 3, speaking: 2, sources: 2, turns: 3 }],
    categories: [
      { value: 'pemulung', participants: 2, speaking: 2, sources: 2, turns: 3 },
      { value: null, participants: 1, speaking: 0, sources: 0, turns: 0 },
    ],
  },
  codings: { origins: [{ origin: 'auto', codings: 5, rejected: 1 }], coders: [{ coder: 'auto', codings: 5, origins: { auto: 5 }, rejections: 0 }] },
};

const codes: CodeTable = {
  codebook: { name: 'BPJS social work', version: '1.0.0' },
  coder: null,
  origins: ['manual', 'accepted'],
  by: 'coder',
  groups: ['rina'],
  codes: [
    { code: 'role', label: 'Roles', category: true, depth: 0, segments: 3, sources: 2, participants: 2, by: { rina: { segments: 1, sources: 1, participants: 1 } } },
    { code: 'role/broker', label: 'Broker', category: false, depth: 1, segments: 1, sources: 1, participants: 0, by: {} },
  ],
};

describe('stats renderers', () => {
  it('lays out the overview: sources with a total row, media minutes or unknown, participants by group and category, codings', () => {
    const tables = overviewTables(overview);
    expect(tables.map((t) => t.title)).toEqual(['Sources', 'Participants (3)', 'Participants by category', 'Codings', 'Coders']);
    expect(tables[0]!.table.rows).toEqual([
      ['interview', 2, 6, 150, '30', 1],
      ['observation', 1, 2, 20, 'unknown', 1],
      ['total', 3, 8, 170, '30', 2],
    ]);
    expect(tables[2]!.table.rows.map((r) => r[0])).toEqual(['pemulung', '(none)']);
    expect(tables[4]!.table.rows).toEqual([['auto', 5, 0, 'auto 5']]);
    expect(turnsLine(overview)).toBe('Turns: 8 — participants 3, interviewers 3, notes and documents 2');
  });

  it('leaves out participants and codings tables when there are none', () => {
    const none = { type: 'document' as const, sources: 0, turns: 0, words: 0, mediaMinutes: null, untimed: 0 };
    const empty = { ...overview, sources: [none], participants: { total: 0, groups: [], categories: [] }, codings: { origins: [], coders: [] } };
    expect(overviewTables(empty).map((t) => t.title)).toEqual(['Sources']);
    expect(overviewTables(empty)[0]!.table.rows).toEqual([['document', 0, 0, 0, '-', 0]]);
  });

  it('indents codes under their category and gives each coder a column group', () => {
    const table = codeTable(codes);
    expect(table.columns.map((c) => c.title)).toEqual(['code', 'segments', 'sources', 'participants', 'rina', 'rina src', 'rina ppl']);
    expect(table.columns.filter((c) => c.optional).map((c) => c.title)).toEqual(['rina src', 'rina ppl']);
    expect(table.rows).toEqual([
      ['role', 3, 2, 2, 1, 1, 1],
      ['  role/broker', 1, 1, 0, 0, 0, 0],
    ]);
    expect(codeTableTitle(codes)).toBe('Codes of "BPJS social work" 1.0.0 (origin manual, accepted)');
    expect(codeTableLegend(codes, 40).split('\n').every((line) => line.length <= 40)).toBe(true);
  });

  it('writes the code table as CSV with a column per coder and measure', () => {
    const { header, rows } = codeTableCsv(codes);
    expect(header).toEqual(['code', 'label', 'category', 'segments', 'sources', 'participants', 'rina:segments', 'rina:sources', 'rina:participants']);
    expect(rows[1]).toEqual(['role/broker', 'Broker', false, 1, 1, 0, 0, 0, 0]);
  });

  it('gives JSON with named groups and categories, totals without a type, and the split per code', () => {
    const json = statsJson('interview', overview, codes) as Record<string, unknown> & { codes: { rows: unknown[] } };
    expect(json.type).toBe('interview');
    expect(json.totals).toEqual({ sources: 3, turns: 8, words: 170, mediaMinutes: 30.4, untimed: 2 });
    expect(json.participants).toEqual({
      total: 3,
      groups: [{ group: 'pekerja-rentan', participants: 3, speaking: 2, sources: 2, turns: 3 }],
      categories: [
        { category: 'pemulung', participants: 2, speaking: 2, sources: 2, turns: 3 },
        { category: null, participants: 1, speaking: 0, sources: 0, turns: 0 },
      ],
    });
    expect(json.codes.rows[0]).toEqual({ code: 'role', label: 'Roles', category: true, depth: 0, segments: 3, sources: 2, participants: 2, by: { rina: { segments: 1, sources: 1, participants: 1 } } });
    expect((statsJson(null, overview, null) as { codes: unknown }).codes).toBeNull();
  });
});
