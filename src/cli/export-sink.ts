import { resolve } from 'node:path';
import { AtomicFile } from '../io/atomic-file.js';
import { UTF8_BOM } from '../report/csv.js';
import type { Ctx, Output } from './context.js';
import { signalGate, whileInterruptible } from './interrupt.js';
import { notice } from './notice.js';

/** Where an export goes: `-o FILE` (written atomically) or stdout, and whether it starts with a BOM. */
export interface ExportTarget {
  out?: string;
  bom?: boolean;
}

// Rows are gathered into chunks of about this many characters: one write per row would cost more than the row.
const CHUNK = 1 << 16;

/** Text written as it comes, in chunks, to stdout or to a file that appears only when all is written. */
export class ExportSink {
  private parts: string[] = [];
  private size = 0;
  private draining: Promise<void> | undefined;

  private constructor(
    private readonly ctx: Ctx,
    private readonly file: AtomicFile | undefined,
  ) {}

  /** Opens the target (a file is created under a temporary name at once, so a bad path fails before any work). */
  static open(ctx: Ctx, target: ExportTarget): ExportSink {
    const sink = new ExportSink(ctx, target.out === undefined ? undefined : new AtomicFile(resolve(ctx.cwd, target.out)));
    if (target.bom) sink.write(UTF8_BOM);
    return sink;
  }

  /** The file written, or undefined for stdout. */
  get path(): string | undefined {
    return this.file?.path;
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  /** Writes what is left and, for a file, puts it in place. */
  close(): void {
    this.flush();
    this.file?.commit();
  }

  /** Drops a file written so far (stdout has had what it has had). */
  abort(): void {
    this.file?.abort();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.file) this.file.write(chunk);
    else if (this.ctx.stdout.write(chunk) === false) this.draining = drainOf(this.ctx.stdout);
  }

  /**
   * A promise while stdout has more queued than it wants (a pipe read slower than rows are made), so the
   * row loop waits for it: without it a listing of a million rows queued its whole output in memory.
   */
  drained(): Promise<void> | undefined {
    const waiting = this.draining;
    this.draining = undefined;
    return waiting;
  }
}

/** When an output that said "not now" wants more: its 'drain' (or its end, so nothing waits forever). */
function drainOf(out: Output): Promise<void> | undefined {
  const stream = out as Partial<Pick<NodeJS.WritableStream, 'once' | 'removeListener'>>;
  if (typeof stream.once !== 'function' || typeof stream.removeListener !== 'function') return undefined;
  const emitter = stream as Pick<NodeJS.WritableStream, 'once' | 'removeListener'>;
  return new Promise((resolve) => {
    const done = (): void => {
      for (const event of ['drain', 'close', 'error']) emitter.removeListener(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error']) emitter.once(event, done);
  });
}

/**
 * The checkpoint of an export's row loop: waits while stdout drains, then at the pace's checkpoint (see
 * ExportPace). Undefined when there is nothing to wait for: a microtask per row would cost more than the row.
 */
export function rowCheckpoint(sink: ExportSink, pace: ExportPace): Promise<void> | undefined {
  const drained = sink.drained();
  return drained ? drained.then(() => pace()) : pace();
}

/** Runs `work` with an open sink; the file is put in place when it succeeds and removed when it throws. */
export async function withExportSink<T>(ctx: Ctx, target: ExportTarget, work: (sink: ExportSink) => T | Promise<T>): Promise<T> {
  const sink = ExportSink.open(ctx, target);
  try {
    const result = await work(sink);
    sink.close();
    return result;
  } catch (error) {
    sink.abort();
    throw error;
  }
}

/** Ctrl-C during an export: the file is not written (stdout has had the rows so far). */
class ExportInterrupted extends Error {
  constructor() {
    super('export interrupted');
    this.name = 'ExportInterrupted';
  }
}

/**
 * A checkpoint for an export's row loop: about every 50 ms it yields to the event loop (so a Ctrl-C can
 * be heard during synchronous work) and then rejects with ExportInterrupted once `signal` has aborted;
 * otherwise it returns undefined and the loop goes on without waiting.
 */
export type ExportPace = () => Promise<void> | undefined;

/** The pace of an export that Ctrl-C may stop (see ExportPace); without a signal, one that never waits. */
function exportPace(signal?: AbortSignal): ExportPace {
  if (!signal) return () => undefined;
  const gate = signalGate();
  return () => {
    if (signal.aborted) return Promise.reject(new ExportInterrupted());
    return gate()?.then(() => {
      if (signal.aborted) throw new ExportInterrupted();
    });
  };
}

/**
 * Runs an export that Ctrl-C (or a closed pipe) may stop: `work` writes to the sink and calls the pace
 * in its row loop. Interrupted, the file is not written, a line says so, and `interrupted` is true.
 */
export async function runExport<T>(ctx: Ctx, target: ExportTarget, work: (sink: ExportSink, pace: ExportPace) => T | Promise<T>): Promise<{ interrupted: false; result: T } | { interrupted: true }> {
  try {
    const result = await whileInterruptible(ctx, (signal) => withExportSink(ctx, target, (sink) => work(sink, exportPace(signal))));
    return { interrupted: false, result };
  } catch (error) {
    if (!(error instanceof ExportInterrupted)) throw error;
    notice(ctx, `Interrupted: ${target.out === undefined ? 'the output is incomplete' : `${target.out} not written`}`);
    return { interrupted: true };
  }
}
