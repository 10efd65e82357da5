/**
 * Keeps the search index (m006_search) in step with the sources: which sources it lacks, which of its
 * entries are stale, and writing a source's units into it. The index is built on first use and then
 * incrementally, a source at a time, by `telaah search`.
 */
import type { SearchKeys } from '../core/search/search-keys.js';
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { Db } from './open.js';
import { rangeSegmentsSql } from './segment-rows.js';
import { TransactionGroup } from './transaction-group.js';

/** A source the index does not hold yet. */
export interface UnindexedSource {
  id: number;
  name: string;
  sha256: string;
  firstSegment: number;
  lastSegment: number;
}

/** How the index stands against the sources: entries to drop, sources to index. */
export interface SearchIndexBacklog {
  /** Ids of sources the index holds that are gone or were replaced since they were indexed. */
  stale: number[];
  /** Sources the index lacks, in segment order (the order their rows go in). */
  missing: UnindexedSource[];
}

/**
 * Compares the bookkeeping with the sources. Deleting a source already drops its entries (by trigger);
 * this catches anything else, so the bookkeeping is right before a search reads it. Sources are read
 * through sources_segment_ranges: reading the table would read every source's text.
 */
export function readSearchIndexBacklog(db: Db): SearchIndexBacklog {
  const indexed = new Map(
    db
      .prepare<[], { source_id: number; sha256: string; first_segment: number; last_segment: number }>('SELECT source_id, sha256, first_segment, last_segment FROM search_sources')
      .all()
      .map((r) => [r.source_id, r]),
  );
  const stale: number[] = [];
  const missing: UnindexedSource[] = [];
  const sources = db.prepare<[], UnindexedSource>(
    `SELECT id, name, sha256, first_segment AS firstSegment, last_segment AS lastSegment FROM sources INDEXED BY sources_segment_ranges ORDER BY first_segment`,
  );
  for (const source of sources.iterate()) {
    const entry = indexed.get(source.id);
    indexed.delete(source.id);
    if (entry && entry.sha256 === source.sha256 && entry.first_segment === source.firstSegment && entry.last_segment === source.lastSegment) continue;
    if (entry) stale.push(source.id);
    missing.push(source);
  }
  stale.push(...indexed.keys());
  return { stale, missing };
}

/** Drops the index entries of these sources (their rows go with them, by trigger). */
export function dropSearchEntries(db: Db, sourceIds: readonly number[]): void {
  const drop = db.prepare('DELETE FROM search_sources WHERE source_id = ?');
  db.transaction(() => {
    for (const id of sourceIds) drop.run(id);
  }).immediate();
}

/**
 * Writes sources into the index, in groups of sources per transaction (`begin` … `commit`), each source
 * whole with its bookkeeping row, so an interrupted build keeps what it wrote and goes on next time.
 */
export class SearchIndexWriter extends TransactionGroup {
  private readonly insertRow;
  private readonly insertSource;
  private readonly segments;
  private readonly textOf;
  constructor(
    db: Db,
    private readonly keys: SearchKeys,
  ) {
    super(db);
    this.insertRow = db.prepare('INSERT INTO search_index (rowid, words, stems_id, stems_en) VALUES (?, ?, ?, ?)');
    this.insertSource = db.prepare('INSERT INTO search_sources (source_id, sha256, first_segment, last_segment, units) VALUES (?, ?, ?, ?, ?)');
    this.segments = db.prepare<[{ first: number; last: number }], [number, number, number, number]>(rangeSegmentsSql(['id', 'sentence', 'start', 'end'])).raw();
    this.textOf = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  }

  /**
   * Indexes one source's sentences, and its turns that have no sentences; returns the units written and
   * the characters of text read.
   */
  write(source: UnindexedSource): { units: number; characters: number } {
    const text = this.textOf.get(source.id);
    if (text === undefined) return { units: 0, characters: 0 };
    const slicer = new CodePointSlicer(text);
    let units = 0;
    // A turn waits until the next segment shows whether sentences follow it.
    let turn: [number, number, number] | null = null;
    const put = (id: number, start: number, end: number): void => {
      const k = this.keys.unitKeys(slicer.slice(start, end));
      if (k.count === 0) return;
      this.insertRow.run(id, k.words, k.id, k.en);
      units += 1;
    };
    for (const [id, sentence, start, end] of this.segments.all({ first: source.firstSegment, last: source.lastSegment })) {
      if (sentence > 0) {
        turn = null;
        put(id, start, end);
        continue;
      }
      if (turn) put(...turn);
      turn = [id, start, end];
    }
    if (turn) put(...turn);
    this.insertSource.run(source.id, source.sha256, source.firstSegment, source.lastSegment, units);
    return { units, characters: text.length };
  }
}

/** How many units (rows) the index holds. */
export function countIndexedUnits(db: Db): number {
  return db.prepare<[], number>('SELECT COALESCE(SUM(units), 0) FROM search_sources').pluck().get()!;
}

/**
 * Merges the index into one segment. Worth it after a large build: deleting a row from an index of many
 * segments (automerge's levels) costs about a millisecond, from a merged one some microseconds, and
 * rows are deleted whenever a source is replaced or removed.
 */
export function optimizeSearchIndex(db: Db): void {
  db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
}
