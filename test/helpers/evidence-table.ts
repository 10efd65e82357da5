/**
 * Evidence tables for core tests, from rows as a reader would see them (one coded segment and code each,
 * with its text), built the way the store builds them: codings as columns, then buildEvidenceTable.
 */
import { CodingColumnsBuilder } from '../../src/core/analysis/coding-columns.js';
import { buildEvidenceTable, type EvidenceTable, type EvidenceTableInput } from '../../src/core/analysis/evidence-table.js';
import type { SourceEvidence } from '../../src/core/analysis/triangulation-stream.js';
import type { SourceType } from '../../src/core/transcript/types.js';

/** One coded segment and code, with what a quote shows of it; `human` when a person coded it. */
export interface EvidenceRow {
  code: string;
  source: string;
  sourceType: SourceType;
  /** `T` or `T.S`. */
  segment: string;
  /** The source's site (every row of a source has the same), or null. */
  site: string | null;
  participant: string | null;
  group: string | null;
  startMs: number | null;
  text: string;
  human?: boolean;
  /** The participant's `site` attribute (the first row naming the participant decides). */
  participantSite?: string | null;
}

/** The evidence table of the rows (each counts), segment ids in (source, T, S) order as ingest assigns them. */
export function evidenceTableOf(rows: readonly EvidenceRow[]): EvidenceTable {
  return buildEvidenceTable(evidenceInputOf(rows));
}

/**
 * The rows as the store streams them to TriangulationStream: each source's codings in segment id order,
 * the sources in the order given by `order` (by store id when omitted).
 */
export function sourceEvidenceOf(input: EvidenceTableInput, order?: (a: number, b: number) => number): SourceEvidence[] {
  const { columns } = input;
  const at = columns.places!;
  const indexes = Array.from({ length: columns.length }, (_, i) => i).filter((i) => columns.counts[i] === 1);
  const bySource = new Map<number, number[]>();
  for (const i of indexes.sort((a, b) => columns.segment[a]! - columns.segment[b]!)) {
    const list = bySource.get(columns.source[i]!) ?? [];
    bySource.set(columns.source[i]!, list);
    list.push(i);
  }
  const ids = [...bySource.keys()].sort(order ?? ((a, b) => a - b));
  return ids.map((sourceId) => {
    const list = bySource.get(sourceId)!;
    const take = (column: ArrayLike<number>) => Int32Array.from(list, (i) => column[i]!);
    return {
      sourceId,
      length: list.length,
      segment: take(columns.segment),
      parent: take(columns.turn),
      participant: take(columns.participant),
      code: take(columns.code),
      turn: take(at.turn),
      sentence: take(at.sentence),
      start: take(at.start),
      end: take(at.end),
      codes: columns.codes,
    };
  });
}

/** What evidenceTableOf builds its table from: the rows as codings read with their places, and the names beside. */
export function evidenceInputOf(rows: readonly EvidenceRow[]): EvidenceTableInput {
  const sources = new Map<string, { id: number; name: string; type: SourceType; site: string | null }>();
  const participants = new Map<string, { id: number; pseudonym: string; group: string | null; site: string | null }>();
  for (const row of rows) {
    const source = sources.get(row.source);
    if (!source) sources.set(row.source, { id: sources.size + 1, name: row.source, type: row.sourceType, site: row.site });
    else if (source.site !== row.site || source.type !== row.sourceType) throw new Error(`rows of ${row.source} differ in site or type`);
    if (row.participant !== null && !participants.has(row.participant)) participants.set(row.participant, { id: participants.size + 1, pseudonym: row.participant, group: row.group, site: row.participantSite ?? null });
  }
  // Every segment and the turn of every sentence, numbered in reading order within each source.
  const point = (source: string, segment: string): [string, number, number] => {
    const [turn, sentence = 0] = segment.split('.').map(Number) as [number, number?];
    return [source, turn, sentence];
  };
  const places = new Map<string, [string, number, number]>();
  for (const row of rows) {
    const [source, turn, sentence] = point(row.source, row.segment);
    places.set(`${source} ${turn}.${sentence}`, [source, turn, sentence]);
    places.set(`${source} ${turn}.0`, [source, turn, 0]);
  }
  const ordered = [...places.values()].sort(([a, t, s], [b, u, v]) => (a === b ? t - u || s - v : sources.get(a)!.id - sources.get(b)!.id));
  const ids = new Map(ordered.map(([source, turn, sentence], i) => [`${source} ${turn}.${sentence}`, i + 1]));
  // Each segment's text at its own span, one after the other in its source.
  const texts = new Map<string, string>();
  const startMs = new Map<number, number | null>();
  const span = new Map<number, { start: number; end: number }>();
  let offset = 0;
  const builder = new CodingColumnsBuilder(4, true);
  for (const row of rows) {
    const [source, turn, sentence] = point(row.source, row.segment);
    const id = ids.get(`${source} ${turn}.${sentence}`)!;
    if (!span.has(id)) {
      const length = Array.from(row.text).length;
      span.set(id, { start: offset, end: offset + length });
      texts.set(`${sources.get(source)!.id} ${offset}`, row.text);
      startMs.set(id, row.startMs);
      offset += length;
    }
    const turnId = ids.get(`${source} ${turn}.0`)!;
    builder.add(id, sentence === 0 ? null : turnId, sources.get(source)!.id, row.participant === null ? null : participants.get(row.participant)!.id, row.code, row.human ? 'rina' : 'auto', row.human ? 'manual' : 'auto', false);
    builder.addPlace(turn, sentence, span.get(id)!.start, span.get(id)!.end);
  }
  builder.markCounted(() => true);
  return {
    columns: builder.build(),
    sources: [...sources.values()],
    participants: [...participants.values()],
    isHuman: (coder) => coder !== 'auto',
    reader: { text: (sourceId, start) => texts.get(`${sourceId} ${start}`)!, startMs: (id) => startMs.get(id) ?? null },
  };
}
