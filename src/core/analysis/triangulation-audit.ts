/** The whole triangulation audit as commands and reports use it: tables (one, or one per site or group) and what fails `--strict`. */
import type { TriangulationStatus } from '../config.js';
import { placeGroup, type EvidenceTable } from './evidence-table.js';
import { auditCodes, belowRequired, evidenceQuotes } from './triangulate.js';
import type { AuditCode, CodeTriangulation, TriangulationSettings } from './triangulation-types.js';

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
export function auditTriangulation(codes: AuditCode[], evidence: EvidenceTable, settings: Omit<TriangulationSettings, 'quotesPerType'>, request: AuditRequest): TriangulationAudit {
  const perType = request.focus ? Number.POSITIVE_INFINITY : 2;
  const tables = splitEvidence(evidence, request.by).map(({ value, keep }) => {
    const audited = auditCodes(codes, evidence, settings, { keep });
    // Only the rows shown are quoted: a focused code's every unit, not every code's.
    const shown = request.focus ? audited.filter((a) => a.row.code === request.focus) : audited;
    return { value, codes: shown.map(({ row, units }) => ({ ...row, evidence: evidenceQuotes(evidence, units, perType) })) };
  });
  return auditOf(tables, request);
}

/** The audit of these tables: what fails `--strict` in each. */
export function auditOf(tables: AuditTable[], request: AuditRequest): TriangulationAudit {
  const failing = tables.flatMap((t) =>
    belowRequired(t.codes, request.required, request.strictAll).map((r) => ({ code: r.code, status: r.status, within: request.by ? t.value : null })),
  );
  return { by: request.by ?? null, tables, failing };
}

/** Orders a split's values by name, "(none)" last. */
export function compareSplitValues(a: string, b: string): number {
  return a === NO_VALUE ? 1 : b === NO_VALUE ? -1 : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The evidence in one table, or one table per site or participant group (evidence without one goes to
 * "(none)", last): each table's places marked 1 in `keep` (all of them when unsplit).
 */
export function splitEvidence(evidence: EvidenceTable, by: AuditSplit | undefined): { value: string; keep?: Uint8Array }[] {
  if (!by) return [{ value: 'all' }];
  const groups = new Map<string, Uint8Array>();
  for (let place = 0; place < evidence.size; place++) {
    const site = evidence.site[place]!;
    const value = (by === 'site' ? (site < 0 ? null : evidence.sites[site]!) : placeGroup(evidence, place)) ?? NO_VALUE;
    let keep = groups.get(value);
    if (!keep) groups.set(value, (keep = new Uint8Array(evidence.size)));
    keep[place] = 1;
  }
  return [...groups]
    .sort(([a], [b]) => compareSplitValues(a, b))
    .map(([value, keep]) => ({ value, keep }));
}
