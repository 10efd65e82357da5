/**
 * The words of the turns a filter asks for, counted for `telaah stats words`. A large project is shared
 * among threads: the segment ids are cut into chunks; thread k counts chunk k first (so every thread
 * counts something), then takes the next chunk nobody has taken, until none is left, so a thread that
 * started late (a worker loads for a tenth of a second) or drew heavy chunks takes fewer. Each worker
 * opens the project read-only through openStore (with the passphrase of an encrypted one) and counts with a WordCounter of its own; the tallies
 * are merged here. Counting is a sum, so the result is the same whatever the number of threads.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WordCounter, type WordCountData } from '../core/analysis/word-frequencies.js';
import type { Db } from './open.js';
import { keyOf } from './store-key.js';
import { iterateTurnTexts, lastSegmentId, type TurnTextFilter } from './turn-texts.js';

/** Below this many segments one thread does it all: a worker costs more to start than it saves. */
const SEGMENTS_PER_THREAD = 200_000;
/** More threads than this gain little: the threads share one file and the merge grows with each. */
const MAX_THREADS = 4;
/** Chunks per thread: enough to even out the threads, few enough that a source is rarely cut in two. */
const CHUNKS_PER_THREAD = 16;

/** The chunks of segment ids the threads share, and the counter they take the next one from. */
export interface TurnWordChunks {
  filter: TurnTextFilter;
  /** Chunk k holds the segment ids k * size + 1 to (k + 1) * size, up to `last`. */
  size: number;
  count: number;
  last: number;
  /** The next chunk to take, shared by the threads (Atomics). */
  next: Int32Array<SharedArrayBuffer>;
}

/** What a worker is given: where the project is (and its passphrase), the chunks, and which one it counts first. */
export interface TurnWordsJob {
  database: string;
  key: string | undefined;
  chunks: TurnWordChunks;
  first: number;
}

/** The chunks for `threads` threads over segment ids 1 to `last`. */
export function planChunks(filter: TurnTextFilter, last: number, threads: number): TurnWordChunks {
  // One thread reads it all in one pass.
  const size = Math.max(1, threads === 1 ? last : Math.ceil(last / (threads * CHUNKS_PER_THREAD)));
  const next = new Int32Array(new SharedArrayBuffer(4));
  next[0] = threads; // chunks 0 to threads - 1 are the threads' first
  return { filter, size, count: Math.ceil(last / size), last, next };
}

/** Counts chunk `first`, then every chunk no other thread has taken, into `counter`. */
export function countChunks(db: Db, chunks: TurnWordChunks, first: number, counter: WordCounter): void {
  for (let k = first; k < chunks.count; k = Atomics.add(chunks.next, 0, 1)) {
    const from = k * chunks.size + 1;
    const segments = { from, to: Math.min(chunks.last, from + chunks.size - 1) };
    for (const source of iterateTurnTexts(db, { ...chunks.filter, segments })) {
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
  const chunks = planChunks(filter, last, count);
  // Workers start first, so that they load while this thread counts.
  const workers = Array.from({ length: count - 1 }, (_, k) => startWorker({ database: db.name, key: keyOf(db), chunks, first: k + 1 }));
  try {
    countChunks(db, chunks, 0, counter);
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
