/**
 * The words of the turns a filter asks for, counted for `telaah stats words`. A large project is shared
 * among threads: the segment ids are cut into chunks dealt out in turn (so sources clustered by type or
 * date still spread), each worker opens the project read-only through openStore and counts its chunks
 * with a WordCounter of its own, and the tallies are merged here. Counting is a sum, so the result is the
 * same whatever the number of threads.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WordCounter, type WordCountData } from '../core/analysis/word-frequencies.js';
import type { Db } from './open.js';
import { iterateTurnTexts, lastSegmentId, type TurnTextFilter } from './turn-texts.js';

/** Below this many segments one thread does it all: a worker costs more to start than it saves. */
const SEGMENTS_PER_THREAD = 200_000;
/** More threads than this gain little: the threads share one file and the merge grows with each. */
const MAX_THREADS = 4;
/** Chunks per thread: enough to spread clustered sources, few enough that a source is rarely cut. */
const CHUNKS_PER_THREAD = 8;

/** One thread's share: every `step`-th chunk of `size` segment ids from chunk `first`, up to `last`. */
export interface TurnWordShare {
  filter: TurnTextFilter;
  size: number;
  first: number;
  step: number;
  last: number;
}

/** What a worker is given: where the project is, and its share. */
export interface TurnWordsJob {
  database: string;
  share: TurnWordShare;
}

/** Counts the words of one share of the turns into `counter`. */
export function countShare(db: Db, share: TurnWordShare, counter: WordCounter): void {
  for (let from = share.first * share.size + 1; from <= share.last; from += share.step * share.size) {
    const segments = { from, to: Math.min(share.last, from + share.size - 1) };
    for (const source of iterateTurnTexts(db, { ...share.filter, segments })) {
      const language = source.language === 'en' ? 'en' : 'id';
      for (const turn of source.turns) counter.addTurn(source.text, turn.start, turn.end, language);
    }
  }
}

/** The worker's module next to this one; absent when this runs from the TypeScript sources (vitest). */
const WORKER = new URL('./turn-words-worker.js', import.meta.url);
const WORKERS_AVAILABLE = import.meta.url.endsWith('.js');

/**
 * Counts the words of the turns the filter asks for into `counter`, in `threads` threads (one of them
 * this one), or as many as the project's size calls for when `threads` is undefined.
 */
export async function countTurnWords(db: Db, filter: TurnTextFilter, counter: WordCounter, threads?: number): Promise<void> {
  const last = lastSegmentId(db);
  const wanted = threads ?? (filter.source === undefined ? Math.min(MAX_THREADS, availableParallelism(), Math.floor(last / SEGMENTS_PER_THREAD)) : 1);
  // A worker opens the file by name: an in-memory database (tests) has none to share.
  const count = WORKERS_AVAILABLE && !db.memory ? Math.max(1, wanted) : 1;
  const chunks = count === 1 ? 1 : count * CHUNKS_PER_THREAD;
  const size = Math.max(1, Math.ceil(last / chunks));
  const share = (first: number): TurnWordShare => ({ filter, size, first, step: count, last });
  // Workers start first, so that they load while this thread counts its own share.
  const workers = Array.from({ length: count - 1 }, (_, k) => startWorker({ database: db.name, share: share(k + 1) }));
  try {
    countShare(db, share(0), counter);
    for (const part of await Promise.all(workers.map((w) => w.count))) counter.merge(part);
  } catch (error) {
    // After a failure the others' counts are of no use: stop them rather than wait for them.
    await Promise.all(workers.map((w) => w.worker.terminate()));
    throw error;
  }
}

/** A started worker and the count it will send. */
interface CountingWorker {
  worker: Worker;
  count: Promise<WordCountData>;
}

function startWorker(job: TurnWordsJob): CountingWorker {
  const worker = new Worker(fileURLToPath(WORKER), { workerData: job });
  const count = new Promise<WordCountData>((resolve, reject) => {
    let sent = false;
    worker.once('message', (data: WordCountData) => {
      sent = true;
      resolve(data);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!sent) reject(new Error(`a word-counting worker stopped (exit code ${code}) before it sent its count`));
    });
  });
  // Awaited only once this thread has counted its share; a failure before then must not go unhandled.
  count.catch(() => undefined);
  return { worker, count };
}
