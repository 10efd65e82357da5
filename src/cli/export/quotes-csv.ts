import { foldEvidenceUnits } from '../../core/analysis/evidence-units.js';
import { renderCsvRow } from '../../report/csv.js';
import { attributeKeys, codeDepth, QuoteTable, type QuoteCells } from '../../report/export-tables.js';
import { listCodedCodes, listCurrentCodes, listParticipantAttributes } from '../../store/coded-units.js';
import { listSourceDetails } from '../../store/export-segments.js';
import { iterateCodingsWithUnits, type CodedUnit, type CodingFilter, type CodingRow } from '../../store/list-codings.js';
import { rowCheckpoint, type ExportPace, type ExportSink } from '../export-sink.js';
import type { Project } from '../open-project.js';

/** A coding with the unit it is on, as the quotes are made from. */
type UnitCoding = { coding: CodingRow; unit: CodedUnit };

/**
 * Writes one row per coded quote: each unit that counts as evidence for a code under the filter, as
 * `codebook show` and `triangulate` count it (a segment once per code whoever coded it, a coded turn
 * absorbing its own coded sentences), with its source's and participant's attributes and the code's path
 * in columns. Codings come source by source, so one source's rows are held at a time. Returns the rows written.
 */
export async function writeQuotesCsv(project: Project, filter: CodingFilter, sink: ExportSink, pace: ExportPace): Promise<number> {
  const { db } = project;
  const sources = new Map(listSourceDetails(db).map((s) => [s.name, s]));
  const participants = new Map(listParticipantAttributes(db).map((p) => [p.pseudonym, p]));
  const codebook = listCurrentCodes(db, project.config.languages[0] ?? 'id') ?? [];
  const labelOf = new Map(codebook.map((c) => [c.id, c.label]));
  // Columns depend on the project, not on the filter: every code coded or in the codebook sets the depth.
  const depth = codeDepth([...codebook.map((c) => c.id), ...listCodedCodes(db)]);
  const table = new QuoteTable(
    attributeKeys([...sources.values()].map((s) => s.attributes)),
    attributeKeys([...participants.values()].map((p) => p.attributes)),
    labelOf,
    depth,
  );
  sink.write(renderCsvRow(table.header));
  let written = 0;
  const flush = (rows: UnitCoding[]): void => {
    if (rows.length === 0) return;
    const source = sources.get(rows[0]!.coding.source)!;
    for (const quote of quotesOf(rows)) {
      sink.write(renderCsvRow(table.row(quote, source, quote.participant === null ? undefined : participants.get(quote.participant))));
      written += 1;
    }
  };
  let batch: UnitCoding[] = [];
  for (const row of iterateCodingsWithUnits(db, filter)) {
    if (batch.length > 0 && batch[0]!.coding.source !== row.coding.source) {
      flush(batch);
      batch = [];
    }
    batch.push(row);
    // Awaited only when it waits: a microtask per row would cost more than the row.
    const wait = rowCheckpoint(sink, pace);
    if (wait) await wait;
  }
  flush(batch);
  return written;
}

/** A quote: the unit's cells, with every coder and origin. */
type Quote = QuoteCells & { coders: string[]; origins: string[] };

/**
 * One source's codings (in segment, code, coder order) as quotes: one per segment and code with every
 * coder and origin, then, code by code, folded by the evidence rule (foldEvidenceUnits), in segment order.
 */
export function quotesOf(rows: readonly UnitCoding[]): Quote[] {
  const quotes: Quote[] = [];
  let last: Quote | undefined;
  for (const { coding: r, unit } of rows) {
    if (last && last.segment === r.segment && last.code === r.code) {
      if (!last.coders.includes(r.coder)) last.coders.push(r.coder);
      if (!last.origins.includes(r.origin)) last.origins.push(r.origin);
      continue;
    }
    last = { source: r.source, segment: r.segment, speaker: r.speaker, participant: r.participant, ...unit, text: r.text, code: r.code, coders: [r.coder], origins: [r.origin] };
    quotes.push(last);
  }
  const byCode = new Map<string, Quote[]>();
  for (const q of quotes) {
    const list = byCode.get(q.code);
    if (list) list.push(q);
    else byCode.set(q.code, [q]);
  }
  const kept = new Set<Quote>();
  for (const list of byCode.values()) for (const q of foldEvidenceUnits(list)) kept.add(q);
  return quotes.filter((q) => kept.has(q));
}
