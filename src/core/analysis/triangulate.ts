/** The triangulation audit: for every code, on how many kinds of source its evidence stands. */
import type { TriangulationStatus } from '../config.js';
import { SOURCE_TYPES, type SourceType } from '../transcript/types.js';
import { childrenOf } from '../codebook/code-tree.js';
import { collectBelow, foldEvidenceUnits } from './evidence-units.js';
import { shortenQuote } from './shorten-quote.js';
import type {
  AuditCode,
  CodeTriangulation,
  EvidenceInput,
  EvidenceQuote,
  TriangulationFlag,
  TriangulationSettings,
} from './triangulation-types.js';

const STATUS_RANK: Record<TriangulationStatus, number> = {
  absent: 0,
  'single-source': 1,
  corroborated: 2,
  convergent: 3,
};

/** The status's place from absent (0) to convergent (3), for comparing against a required status. */
export function statusRank(status: TriangulationStatus): number {
  return STATUS_RANK[status];
}

/** The status a code has when its evidence spans `types` source types, under the project's thresholds. */
export function statusFor(types: number, settings: Pick<TriangulationSettings, 'convergent' | 'corroborated'>): TriangulationStatus {
  // No evidence is absent whatever the thresholds say; a threshold of 0 must not make it corroborated.
  if (types === 0) return 'absent';
  if (types >= settings.convergent) return 'convergent';
  if (types >= settings.corroborated) return 'corroborated';
  return 'single-source';
}

/** The code rows (not categories) that `--strict` fails on: required ones, or all with `all`, ranked below `required`. */
export function belowRequired(rows: CodeTriangulation[], required: TriangulationStatus, all: boolean): CodeTriangulation[] {
  const bar = statusRank(required);
  return rows.filter((row) => !row.category && (all || row.required) && statusRank(row.status) < bar);
}

/** One row per code in codebook order; a code with children rolls up its own and all descendants' evidence. */
export function triangulate(codes: AuditCode[], evidence: EvidenceInput[], settings: TriangulationSettings): CodeTriangulation[] {
  const byCode = groupByCode(evidence);
  const children = childrenOf(codes);
  const rolled = new Map<string, EvidenceInput[]>();
  for (const code of codes) rolled.set(code.id, rollUp(code.id, children, byCode));
  return codes.map((code) => auditCode(code, rolled, (children.get(code.id)?.length ?? 0) > 0, settings));
}

function auditCode(
  code: AuditCode,
  rolled: Map<string, EvidenceInput[]>,
  category: boolean,
  settings: TriangulationSettings,
): CodeTriangulation {
  const rows = rolled.get(code.id) ?? [];
  const sources = countByType(rows);
  const participants = new Set<string>();
  const groups = new Set<string>();
  for (const row of rows) {
    if (row.participant !== null) participants.add(row.participant);
    if (row.group !== null) groups.add(row.group);
  }
  const types = SOURCE_TYPES.filter((type) => sources[type] > 0).length;
  return {
    code: code.id,
    label: code.label,
    category,
    required: code.required,
    sources,
    participants: participants.size,
    groups: groups.size,
    status: statusFor(types, settings),
    flags: flagsFor(code, rows, sources, rolled, settings),
    evidence: pickQuotes(rows, settings.quotesPerType),
  };
}

function flagsFor(
  code: AuditCode,
  rows: EvidenceInput[],
  sources: Record<SourceType, number>,
  rolled: Map<string, EvidenceInput[]>,
  settings: TriangulationSettings,
): TriangulationFlag[] {
  const flags: TriangulationFlag[] = [];
  if (isParticipantConcentrated(rows)) flags.push('participant-concentrated');
  const voiced = sources.interview + sources.fgd > 0;
  if (voiced && sources.observation === 0) flags.push('not-observed');
  if (sources.observation > 0 && !voiced && sources.document === 0) flags.push('observed-only');
  if (settings.projectGroups >= 2 && isOneSided(rows)) flags.push('one-sided');
  if (code.contrasts.some((other) => isContrasted(rows, rolled.get(other) ?? []))) flags.push('contrasted');
  return flags;
}

/**
 * One participant gives more than half of the segments that have a participant at all (notes and
 * documents have none, so they neither dilute nor count). A single segment from one participant is
 * concentrated: the code then rests on one voice, which is exactly what the flag is there to show.
 */
function isParticipantConcentrated(rows: EvidenceInput[]): boolean {
  const counts = new Map<string, number>();
  let voiced = 0;
  for (const row of rows) {
    if (row.participant === null) continue;
    voiced++;
    counts.set(row.participant, (counts.get(row.participant) ?? 0) + 1);
  }
  for (const n of counts.values()) if (n * 2 > voiced) return true;
  return false;
}

/**
 * Every participant voicing the code belongs to one and the same group. A participant without a
 * group leaves the question open, so the code is then not called one-sided.
 */
function isOneSided(rows: EvidenceInput[]): boolean {
  let group: string | null = null;
  for (const row of rows) {
    if (row.participant === null) continue;
    if (row.group === null) return false;
    if (group === null) group = row.group;
    else if (group !== row.group) return false;
  }
  return group !== null;
}

/** At some named site, the code stands on one source type and its contrast on a different one. */
function isContrasted(rows: EvidenceInput[], contrastRows: EvidenceInput[]): boolean {
  const ours = typesBySite(rows);
  const theirs = typesBySite(contrastRows);
  for (const [site, mine] of ours) {
    const other = theirs.get(site);
    if (!other) continue;
    for (const a of mine) for (const b of other) if (a !== b) return true;
  }
  return false;
}

function typesBySite(rows: EvidenceInput[]): Map<string, Set<SourceType>> {
  const sites = new Map<string, Set<SourceType>>();
  for (const row of rows) {
    if (row.site === null) continue;
    const set = sites.get(row.site);
    if (set) set.add(row.sourceType);
    else sites.set(row.site, new Set([row.sourceType]));
  }
  return sites;
}

/** Quotes grouped by source type (interview, fgd, observation, document), the first few of each in (source, segment) order. */
function pickQuotes(rows: EvidenceInput[], perType: number): EvidenceQuote[] {
  const quotes: EvidenceQuote[] = [];
  for (const type of SOURCE_TYPES) {
    const ofType = rows.filter((row) => row.sourceType === type);
    for (const row of ofType.slice(0, Math.max(0, perType))) {
      quotes.push({
        source: row.source,
        sourceType: row.sourceType,
        segment: row.segment,
        participant: row.participant,
        startMs: row.startMs,
        text: shortenQuote(row.text),
      });
    }
  }
  return quotes;
}

function countByType(rows: EvidenceInput[]): Record<SourceType, number> {
  const counts: Record<SourceType, number> = { interview: 0, fgd: 0, observation: 0, document: 0 };
  for (const row of rows) counts[row.sourceType]++;
  return counts;
}

function groupByCode(evidence: EvidenceInput[]): Map<string, EvidenceInput[]> {
  const byCode = new Map<string, EvidenceInput[]>();
  for (const row of evidence) {
    const list = byCode.get(row.code);
    if (list) list.push(row);
    else byCode.set(row.code, [row]);
  }
  return byCode;
}

/** The code's own and its descendants' evidence, each segment once (see foldEvidenceUnits), in (source, segment) order. */
function rollUp(id: string, children: Map<string, string[]>, byCode: Map<string, EvidenceInput[]>): EvidenceInput[] {
  // A segment coded with two codes under one category counts once for the category.
  return foldEvidenceUnits(collectBelow(id, children, byCode).sort(compareEvidence));
}

// Source names compare by code unit, not locale, so the order is the same on every machine.
function compareEvidence(a: EvidenceInput, b: EvidenceInput): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  return compareSegments(a.segment, b.segment);
}

/** `T` / `T.S` addresses in reading order: 2 before 10, 3 (the whole turn) before 3.1. */
function compareSegments(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1;
    const y = pb[i] ?? -1;
    if (Number.isNaN(x) || Number.isNaN(y)) return a < b ? -1 : a > b ? 1 : 0;
    if (x !== y) return x - y;
  }
  return 0;
}
