/**
 * Keeps the search index (m006_search) in step with the sources: which sources it lacks, which of its
 * entries are stale, and writing a source's units into it. The index is built on first use and then
 * incrementally, a source at a time, by `telaah search`.
 */
import type { SearchKeys } from '../core/search/search-keys.js';
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import type { Db } from './open.js';

/** A source the index does not hold yet. */
export interface UnindexedSource {
  id: number;
  name: string;
  sha256: string;
  firstSegment: number;
  lastSegment: number;
}

/**
 * Drops the index entries of sources that are gone or were replaced since they were indexed (their rows
 * go with them, by trigger). Deleting a source already does this; this catches anything else, so the
 * bookkeeping is right before a search reads it. Returns how many sources were dropped.
 */
export function dropStaleSearchEntries(db: Db): number {
  return db
    .prepare(
      `DELETE FROM search_sources WHERE source_id NOT IN (
         SELECT i.source_id FROM search_sources i JOIN sources s ON s.id = i.source_id
          WHERE s.sha256 = i.sha256 AND s.first_segment = i.first_segment AND s.last_segment = i.last_segment)`,
    )
    .run().changes;
}

/** The sources the index lacks, in segment order (the order their rows go in). */
export function listUnindexedSources(db: Db): UnindexedSource[] {
  return db
    .prepare<[], UnindexedSource>(
      `SELECT s.id, s.name, s.sha256, s.first_segment AS firstSegment, s.last_segment AS lastSegment
         FROM sources s WHERE NOT EXISTS (SELECT 1 FROM search_sources i WHERE i.source_id = s.id)
        ORDER BY s.first_segment`,
    )
    .all();
}

/**
 * Writes sources into the index, in groups of sources per transaction (`begin` … `commit`), each source
 * whole with its bookkeeping row, so an interrupted build keeps what it wrote and goes on next time.
 */
export class SearchIndexWriter {
  private readonly insertRow;
  private readonly insertSource;
  private readonly segments;
  private readonly textOf;
  private open = false;

  constructor(
    private readonly db: Db,
    private readonly keys: SearchKeys,
  ) {
    this.insertRow = db.prepare('INSERT INTO search_index (rowid, words, stems_id, stems_en) VALUES (?, ?, ?, ?)');
    this.insertSource = db.prepare('INSERT INTO search_sources (source_id, sha256, first_segment, last_segment) VALUES (?, ?, ?, ?)');
    this.segments = db.prepare<[number, number], [number, number, number, number]>('SELECT id, sentence, start, end FROM segments WHERE id BETWEEN ? AND ? ORDER BY id').raw();
    this.textOf = db.prepare<[number], string>('SELECT text FROM sources WHERE id = ?').pluck();
  }

  /** Starts a group of sources (no-op if one is open). */
  begin(): void {
    if (this.open) return;
    this.db.exec('BEGIN');
    this.open = true;
  }

  /** Makes every source written since `begin` durable. */
  commit(): void {
    if (!this.open) return;
    this.db.exec('COMMIT');
    this.open = false;
  }

  /** Abandons the open group (after an error). */
  rollback(): void {
    if (!this.open) return;
    this.db.exec('ROLLBACK');
    this.open = false;
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
    for (const [id, sentence, start, end] of this.segments.all(source.firstSegment, source.lastSegment)) {
      if (sentence > 0) {
        turn = null;
        put(id, start, end);
        continue;
      }
      if (turn) put(...turn);
      turn = [id, start, end];
    }
    if (turn) put(...turn);
    this.insertSource.run(source.id, source.sha256, source.firstSegment, source.lastSegment);
    return { units, characters: text.length };
  }
}
