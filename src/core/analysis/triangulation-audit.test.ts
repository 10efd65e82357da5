import { describe, expect, it } from 'vitest';
import { evidenceTableOf, type EvidenceRow } from '../../../test/helpers/evidence-table.js';
import { auditTriangulation as auditTable, splitEvidence, type AuditRequest } from './triangulation-audit.js';
import type { AuditCode } from './triangulation-types.js';

/** The audit of these rows, as the store would hand them over (an evidence table). */
const auditTriangulation = (codes: AuditCode[], rows: EvidenceRow[], settings: { convergent: number; corroborated: number; projectGroups: number }, request: AuditRequest) =>
  auditTable(codes, evidenceTableOf(rows), settings, request);

const codes: AuditCode[] = [
  { id: 'barrier', parent: null, label: 'Barriers', required: false, contrasts: [] },
  { id: 'barrier/distrust', parent: 'barrier', label: 'Distrust', required: true, contrasts: ['trust'] },
  { id: 'trust', parent: null, label: 'Trust', required: false, contrasts: ['barrier/distrust'] },
];

function ev(code: string, source: string, sourceType: EvidenceRow['sourceType'], segment: string, site: string | null, participant: string | null = null): EvidenceRow {
  return { code, source, sourceType, segment, site, participant, group: participant ? 'pekerja-rentan' : null, startMs: null, text: `${code} ${segment}` };
}

const evidence = [
  ev('barrier/distrust', 'int-a', 'interview', '2.1', 'Medan', 'Ani'),
  ev('barrier/distrust', 'int-a', 'interview', '2', 'Medan', 'Ani'),
  ev('trust', 'obs-1', 'observation', '3', 'Medan'),
];
const settings = { convergent: 3, corroborated: 2, projectGroups: 2 };
const request = { required: 'corroborated' as const, strictAll: false };

describe('auditTriangulation', () => {
  it('gives a focused code the same flags and counts as its row in the full table', () => {
    const full = auditTriangulation(codes, evidence, settings, request).tables[0]!.codes.find((r) => r.code === 'barrier/distrust')!;
    const focused = auditTriangulation(codes, evidence, settings, { ...request, focus: 'barrier/distrust' }).tables[0]!.codes;
    expect(focused).toHaveLength(1);
    expect(full.flags).toContain('contrasted');
    expect(focused[0]!.flags).toEqual(full.flags);
    expect(focused[0]!.sources).toEqual(full.sources);
  });

  it('counts a turn and its own sentence coded alike once', () => {
    const [row] = auditTriangulation(codes, evidence, settings, { ...request, focus: 'barrier/distrust' }).tables[0]!.codes;
    expect(row!.sources.interview).toBe(1);
    expect(row!.evidence.map((e) => e.segment)).toEqual(['2']);
  });

  it('reads the text of the units it quotes and no other: two per source type, or every unit of the focused code', () => {
    const many = Array.from({ length: 60 }, (_, i) => ev(i % 2 ? 'trust' : 'barrier/distrust', `int-${String(i).padStart(2, '0')}`, 'interview', `${i + 1}.1`, 'Medan', `P${i % 7}`));
    const table = evidenceTableOf([...many, ev('trust', 'obs-1', 'observation', '3', 'Medan')]);
    let reads = 0;
    const { text } = table.reader;
    table.reader = { ...table.reader, text: (...args) => (reads++, text(...args)) };
    const full = auditTable(codes, table, settings, request);
    expect(reads).toBe(full.tables[0]!.codes.reduce((n, r) => n + r.evidence.length, 0));
    // barrier and barrier/distrust: two interviews each; trust: two interviews and the observation.
    expect(reads).toBe(2 + 2 + 3);
    reads = 0;
    const [focused] = auditTable(codes, table, settings, { ...request, focus: 'trust' }).tables[0]!.codes;
    expect(focused!.evidence).toHaveLength(31);
    expect(reads).toBe(31);
  });

  it('names the table a failure is in only when the audit is split', () => {
    expect(auditTriangulation(codes, evidence, settings, request).failing).toEqual([{ code: 'barrier/distrust', status: 'single-source', within: null }]);
    expect(auditTriangulation(codes, evidence, settings, { ...request, by: 'site' }).failing).toEqual([{ code: 'barrier/distrust', status: 'single-source', within: 'Medan' }]);
  });
});

describe('splitEvidence', () => {
  it('files evidence without a site under (none), last', () => {
    const split = splitEvidence(evidenceTableOf([ev('trust', 'doc', 'document', '1', null), ...evidence]), 'site');
    // Places kept in each table.
    expect(split.map((s) => [s.value, s.keep!.reduce((n, k) => n + k, 0)])).toEqual([
      ['Medan', 3],
      ['(none)', 1],
    ]);
  });
});
