/**
 * `code auto` on a large project codes in worker threads while this thread stores: the sources (in name
 * order) are cut into batches of consecutive sources; worker k codes batch k + 1 first, then takes the next
 * batch nobody has taken (Atomics), and sends its codings back packed in a few transferable arrays. This
 * thread takes batches too whenever the next one to store has not come (claim, give). It stores the
 * batches in order, so the codings are stored in the same order as when one thread
 * does it all, and a Ctrl-C keeps the same sources. Each worker opens the project read-only through
 * openStore (with the passphrase of an encrypted one) and compiles the codebook itself.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Codebook } from '../../core/codebook/types.js';
import type { AutoCoder } from '../../core/coding/auto-coder.js';
import { codeUnits, createPackedCodings, trimPackedCodings, type PackedCodings } from '../../core/coding/code-units.js';
import type { Db } from '../../store/open.js';
import { readSourceUnits, type SourceRange, type UnitSelection } from '../../store/unit-ranges.js';

/** A worker's young generation: each source's text and unit arrays are garbage at the next source. */
const WORKER_YOUNG_GENERATION_MB = 32;
/** A batch closes once it holds this many segments: a few hundred batches on a project of millions. */
const BATCH_SEGMENTS = 16_000;
/** …or fewer on a smaller project, so that each thread gets several batches to even out the work. */
const BATCHES_PER_THREAD = 16;

/** What a coding worker is given. */
export interface CodingJob {
  database: string;
  key: string | undefined;
  codebook: Codebook;
  selection: UnitSelection;
  sources: SourceRange[];
  /** Batch b holds sources[starts[b]] up to (not including) sources[starts[b + 1]]. */
  starts: number[];
  /** The next batch to take, shared by the workers (Atomics). */
  next: Int32Array<SharedArrayBuffer>;
  first: number;
}

/** A batch coded: per source of the batch its unit and coding counts, and the codings in source order. */
export interface CodedBatch {
  batch: number;
  units: Int32Array;
  codings: Int32Array;
  packed: PackedCodings;
}

/** Where each batch starts in `sources` for `threads` threads, with one more entry at the end (sources.length). */
export function planBatches(sources: readonly SourceRange[], threads: number): number[] {
  const total = sources.reduce((sum, s) => sum + Math.max(0, s.last - s.first + 1), 0);
  const segments = Math.max(1, Math.min(BATCH_SEGMENTS, Math.ceil(total / (threads * BATCHES_PER_THREAD))));
  const starts = [0];
  let held = 0;
  sources.forEach((source, k) => {
    held += Math.max(0, source.last - source.first + 1);
    if (held >= segments && k + 1 < sources.length) {
      starts.push(k + 1);
      held = 0;
    }
  });
  if (sources.length > 0) starts.push(sources.length);
  return starts;
}

/** Codes one source's units into `out`; returns how many units it had. */
export function codeSource(db: Db, coder: AutoCoder, source: SourceRange, selection: UnitSelection, out: PackedCodings): number {
  const units = readSourceUnits(db, source, selection);
  codeUnits(coder, units, out);
  return units.count;
}

/** Codes batch `batch` of the job's sources. */
export function codeBatch(db: Db, coder: AutoCoder, job: Pick<CodingJob, 'sources' | 'starts' | 'selection'>, batch: number): CodedBatch {
  const from = job.starts[batch]!;
  const to = job.starts[batch + 1]!;
  const units = new Int32Array(to - from);
  const codings = new Int32Array(to - from);
  const packed = createPackedCodings();
  for (let k = from; k < to; k++) {
    const before = packed.count;
    units[k - from] = codeSource(db, coder, job.sources[k]!, job.selection, packed);
    codings[k - from] = packed.count - before;
  }
  return { batch, units, codings, packed: trimPackedCodings(packed) };
}

/** The buffers of a coded batch, to transfer rather than copy. */
export function transferablesOf(coded: CodedBatch): ArrayBuffer[] {
  const { packed } = coded;
  return [coded.units, coded.codings, packed.segmentIds, packed.codes, packed.starts, packed.ends].map((a) => a.buffer as ArrayBuffer);
}

/** The worker's module next to this one; absent when this runs from the TypeScript sources (vitest). */
const WORKER = new URL('./code-worker.js', import.meta.url);
/** Whether coding can go to worker threads here (not from the TypeScript sources that vitest runs). */
export const WORKERS_AVAILABLE = import.meta.url.endsWith('.js');

/** Coded batches from worker threads, handed out in batch order. */
export class CodingThreads {
  private readonly workers: Worker[];
  private readonly ready = new Map<number, CodedBatch>();
  private readonly next: Int32Array<SharedArrayBuffer>;
  private readonly batches: number;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private running: number;
  private claimedFirst = false;

  /**
   * Starts `threads` workers on the job's batches (job.first is set for each); batch 0 is this thread's
   * first claim, as the workers take a while to start.
   */
  constructor(job: Omit<CodingJob, 'first' | 'next'>, threads: number) {
    const next = new Int32Array(new SharedArrayBuffer(4));
    next[0] = threads + 1; // batches 1 to threads are the workers' first
    this.next = next;
    this.batches = job.starts.length - 1;
    this.running = threads;
    this.workers = Array.from({ length: threads }, (_, k) => {
      const worker = new Worker(fileURLToPath(WORKER), { workerData: { ...job, next, first: k + 1 } satisfies CodingJob, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      worker.on('message', (coded: CodedBatch) => {
        this.ready.set(coded.batch, coded);
        this.signal();
      });
      worker.once('error', (error) => this.fail(error));
      worker.once('exit', (code) => {
        this.running--;
        if (code !== 0) this.fail(new Error(`a coding worker stopped (exit code ${code}) before it had coded its batches`));
        this.signal();
      });
      return worker;
    });
  }

  /** A batch nobody has taken yet, now this caller's to code (see give), or -1 when every batch is taken. */
  claim(): number {
    if (!this.claimedFirst) {
      this.claimedFirst = true;
      return 0;
    }
    if (Atomics.load(this.next, 0) >= this.batches) return -1;
    const batch = Atomics.add(this.next, 0, 1);
    return batch < this.batches ? batch : -1;
  }

  /** A batch this thread has coded itself, to be taken with the others. */
  give(coded: CodedBatch): void {
    this.ready.set(coded.batch, coded);
  }

  /** Whether batch `batch` has been sent (or given) and not yet taken. */
  has(batch: number): boolean {
    return this.ready.has(batch);
  }

  /** Batch `batch` once a worker has sent it. */
  async take(batch: number): Promise<CodedBatch> {
    for (;;) {
      const coded = this.ready.get(batch);
      if (coded) {
        this.ready.delete(batch);
        return coded;
      }
      if (this.failure) throw this.failure;
      if (this.running === 0) throw new Error(`the coding workers stopped without sending batch ${batch}`);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Stops the workers (those still coding lose their work; call after the last batch or on a failure or Ctrl-C). */
  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
