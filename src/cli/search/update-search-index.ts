import type { SearchKeys } from '../../core/search/search-keys.js';
import type { Db } from '../../store/open.js';
import { countIndexedUnits, dropSearchEntries, optimizeSearchIndex, readSearchIndexBacklog, SearchIndexWriter } from '../../store/search-index.js';
import type { Ctx } from '../context.js';
import { signalGate } from '../interrupt.js';
import { formatCount, formatMegabytes, formatRate, startProgress } from '../progress.js';

/** What bringing the index up to date did. */
export interface IndexUpdate {
  /** Sources dropped because they were gone or replaced. */
  dropped: number;
  /** Sources indexed now, of how many were missing. */
  indexed: number;
  missing: number;
  units: number;
  seconds: number;
  interrupted: boolean;
}

// Sources are committed in groups of about this much text: commits do not dominate, and an
// interrupted first build keeps most of what it did.
const BATCH_CHARACTERS = 16 * 1024 * 1024;

/**
 * Brings the search index up to date: drops what belongs to sources that are gone or replaced, then
 * indexes every source it lacks, with a progress line on a terminal. Ctrl-C stops between sources and
 * keeps those indexed.
 */
export async function updateSearchIndex(ctx: Ctx, db: Db, keys: SearchKeys, options: { json?: unknown }, signal: AbortSignal): Promise<IndexUpdate> {
  const started = performance.now();
  const { stale, missing } = readSearchIndexBacklog(db);
  dropSearchEntries(db, stale);
  const run: IndexUpdate = { dropped: stale.length, indexed: 0, missing: missing.length, units: 0, seconds: 0, interrupted: false };
  if (missing.length === 0) return run;
  const progress = startProgress(ctx, { json: options.json });
  const gate = signalGate();
  signal.addEventListener('abort', () => progress.note('Stopping after this source (Ctrl-C again stops at once)'));
  const writer = new SearchIndexWriter(db, keys);
  let characters = 0;
  let batch = 0;
  try {
    for (const source of missing) {
      if (signal.aborted) {
        run.interrupted = true;
        break;
      }
      progress.update((seconds) => ({
        label: 'Indexing for search',
        done: run.indexed,
        total: missing.length,
        unit: 'sources',
        details: [`${formatCount(run.units)} sentences`, formatMegabytes(characters), formatRate(characters, seconds, 'MB')],
      }));
      await gate();
      writer.begin();
      const wrote = writer.write(source);
      run.indexed += 1;
      run.units += wrote.units;
      characters += wrote.characters;
      batch += wrote.characters;
      if (batch >= BATCH_CHARACTERS) {
        writer.commit();
        batch = 0;
      }
    }
    writer.commit();
    // A build that wrote a good part of the index leaves it in many segments: merge them (3 s for 200 MB).
    if (!run.interrupted && run.units > 0 && run.units * 10 >= countIndexedUnits(db)) {
      progress.update(() => ({ label: 'Indexing for search', done: run.indexed, total: missing.length, unit: 'sources', details: ['merging the index'] }));
      optimizeSearchIndex(db);
    }
  } catch (error) {
    writer.rollback();
    throw error;
  } finally {
    progress.stop();
  }
  run.seconds = (performance.now() - started) / 1000;
  return run;
}
