import { describe, expect, it } from 'vitest';
import { evidenceTableOf, type EvidenceRow } from '../../../test/helpers/evidence-table.js';
import { auditTriangulation as auditTable, splitEvidence, type AuditRequest } from './triangulation-audit.js';
import type { AuditCode } from './triangulation-types.js';

type EvidenceInput = EvidenceRow;

/** The audit of these rows, as the store would hand them over (an evidence table). */
const auditTriangulation = (codes: AuditCode[], rows: EvidenceInput[], settings: { convergent: number; corroborated: number; projectGroups: number }, request: AuditRequest) =>
  auditTable(codes, evidenceTableOf(rows), settings, request);

const codes: AuditCode[] = [
  { id: 'barrier', parent: null, label: 'Barriers', required: false, contrasts: [] },
  { id: 'barrier/distrust', parent: 'barrier', label: 'Distrust', required: true, contrasts: ['trust'] },
  { id: 'trust', parent: null, label: 'Trust', required: false, contrasts: ['barrier/distrust'] },
];

function ev(code: string, source: string, sourceType: EvidenceInput['sourceType'], segment: string, site: string | null, participant: string | null = null): EvidenceInput {
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
