/**
 * The parse worker started as `telaah ingest` begins, before its files are collected and the project
 * opened: its start-up (a thread, an isolate, the parse modules: ~0.25 s on one core) then overlaps that
 * work instead of delaying the first parse. On the 200 MB bench corpus the worker began parsing 0.39 s
 * after the command started, and it is the slower side of the run. startReader gives it its job, or stops
 * it when the run turns out small enough to parse on the main thread.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The worker's module next to this one; absent when this runs from the TypeScript sources (vitest). */
const WORKER = new URL('./parse-worker.js', import.meta.url);
const WORKERS_AVAILABLE = import.meta.url.endsWith('.js');
/** The worker's young generation: 32 MB cost 20-60 MB more peak RSS than 16 for no gain in time. */
const WORKER_YOUNG_GENERATION_MB = 16;

/** A parse worker waiting for its job; an error or exit before the job is given is kept, not thrown. */
export class EarlyWorker {
  readonly worker: Worker;
  /** Why the worker stopped before it was given a job, if it did. */
  failure: Error | undefined;

  private constructor() {
    // Parsing makes short-lived objects at a high rate, so the young generation is bounded to keep the
    // worker's heap (and the run's peak RSS) small. Ingest of the 200 MB bench corpus, two runs each on a quiet
    // machine: 8 MB 14.6-15.5 s / 324-327 MB RSS, 32 MB 13.6 s / 323-326 MB, 64 MB 13.5-13.8 s / 381-399 MB.
    this.worker = new Worker(fileURLToPath(WORKER), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    // Until it has a job it does not keep the process alive (a run that stops on bad arguments exits at once).
    this.worker.unref();
    this.worker.on('error', (error) => (this.failure ??= error));
    this.worker.on('exit', (code) => (this.failure ??= new Error(`the parsing worker stopped (exit code ${code})`)));
  }

  /** A worker started now, or undefined where none can run (from the TypeScript sources). */
  static start(): EarlyWorker | undefined {
    return WORKERS_AVAILABLE ? new EarlyWorker() : undefined;
  }

  /** The worker, given `job` (its first message) and kept alive from now on; the listeners above go. */
  adopt(job: unknown): Worker {
    this.worker.removeAllListeners('error');
    this.worker.removeAllListeners('exit');
    this.worker.ref();
    this.worker.postMessage(job);
    return this.worker;
  }

  /** Stops a worker that was never given a job (a no-op once stopped). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
