/**
 * A worker thread started as a command begins, before it knows its job: its start-up (a thread, an
 * isolate, its modules: 0.1-0.25 s of one core) then overlaps the command's own (collecting files,
 * opening the project, reading the codebook) instead of delaying the work. `ingest` starts its parse
 * worker so (on the 200 MB bench corpus the worker, the slower side, began parsing 0.39 s after the
 * command started), `code auto` its coding worker. The job is posted as the worker's first message; a
 * command that finds it needs no worker stops it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** A worker waiting for its job; an error or exit before the job is given is kept, not thrown. */
export class EarlyWorker {
  readonly worker: Worker;
  /** Why the worker stopped before it was given a job, if it did. */
  failure: Error | undefined;

  private constructor(module: URL, youngGenerationMb: number) {
    this.worker = new Worker(fileURLToPath(module), { resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } });
    // Until it has a job it does not keep the process alive (a command that stops on bad input exits at once).
    this.worker.unref();
    this.worker.on('error', (error) => (this.failure ??= error));
    this.worker.on('exit', (code) => (this.failure ??= new Error(`a worker thread stopped (exit code ${code}) before it was given its work`)));
  }

  /** The worker of `module` started now; undefined where the module is not built (running from the TypeScript sources: vitest). */
  static start(module: URL, youngGenerationMb: number): EarlyWorker | undefined {
    return existsSync(module) ? new EarlyWorker(module, youngGenerationMb) : undefined;
  }

  /** The worker, given `job` (its first message) and kept alive from now on; the listeners above go. */
  adopt(job: unknown): Worker {
    this.worker.removeAllListeners('error');
    this.worker.removeAllListeners('exit');
    this.worker.ref();
    this.worker.postMessage(job);
    return this.worker;
  }

  /** Stops the worker (a no-op once stopped). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
