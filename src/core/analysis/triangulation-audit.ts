/** The whole triangulation audit as commands and reports use it: tables (one, or one per site or group) and what fails `--strict`. */
import type { TriangulationStatus } from '../config.js';
import { belowRequired, triangulate } from './triangulate.js';
import type { AuditCode, CodeTriangulation, EvidenceInput, TriangulationSettings } from './triangulation-types.js';

/** What to split the audit by: one table per site, or per participant group. */
export type AuditSplit = 'site' | 'group';

/** What the audit is asked for. */
export interface AuditRequest {
  by?: AuditSplit;
  /** One code in depth: only its row, with every piece of evidence as a quote. */
  focus?: string;
  /** The status `--strict` requires, and whether every code (not only required ones) must reach it. */
  required: TriangulationStatus;
  strictAll: boolean;
}

/** One table of the audit: every code's row for the evidence at one site or of one group (`all` when unsplit). */
export interface AuditTable {
  value: string;
  codes: CodeTriangulation[];
}

/** A code below the required status, and in which table (null when unsplit). */
export interface AuditFailure {
  code: string;
  status: TriangulationStatus;
  within: string | null;
}

/** The audit's result. */
export interface TriangulationAudit {
  by: AuditSplit | null;
  tables: AuditTable[];
  failing: AuditFailure[];
}

/** The value evidence without a site or group is filed under. */
export const NO_VALUE = '(none)';

/**
 * Audits every code over the evidence, split as asked. A focused code is audited among all codes and
 * then picked out, so its flags (a contrast partner, a parent's roll-up) are those of the full table.
 */
export function auditTriangulation(codes: AuditCode[], evidence: EvidenceInput[], settings: Omit<TriangulationSettings, 'quotesPerType'>, request: AuditRequest): TriangulationAudit {
  const full = { ...settings, quotesPerType: request.focus ? Number.POSITIVE_INFINITY : 2 };
  const tables = splitEvidence(evidence, request.by).map(({ value, rows }) => {
    const audited = triangulate(codes, rows, full);
    return { value, codes: request.focus ? audited.filter((r) => r.code === request.focus) : audited };
  });
  const failing = tables.flatMap((t) =>
    belowRequired(t.codes, request.required, request.strictAll).map((r) => ({ code: r.code, status: r.status, within: request.by ? t.value : null })),
  );
  return { by: request.by ?? null, tables, failing };
}

/** The evidence in one table, or one table per site or participant group (evidence without one goes to "(none)", last). */
export function splitEvidence(evidence: EvidenceInput[], by: AuditSplit | undefined): { value: string; rows: EvidenceInput[] }[] {
  if (!by) return [{ value: 'all', rows: evidence }];
  const groups = new Map<string, EvidenceInput[]>();
  for (const row of evidence) {
    const value = (by === 'site' ? row.site : row.group) ?? NO_VALUE;
    let list = groups.get(value);
    if (!list) groups.set(value, (list = []));
    list.push(row);
  }
  return [...groups]
    .sort(([a], [b]) => (a === NO_VALUE ? 1 : b === NO_VALUE ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([value, rows]) => ({ value, rows }));
}
