import { isatty } from 'node:tty';
import type { Ctx } from './context.js';

/**
 * Runs a long step so that Ctrl-C stops it gracefully: the first Ctrl-C aborts the signal `work`
 * receives, and `work` stops at its next safe point keeping what landed.
 */
export type Interruptible = <T>(work: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/**
 * Ctrl-C for a real process. Only while `work` runs, and only when a person at a terminal can press
 * it (stdin is a TTY): the first Ctrl-C aborts the signal, a second ends the process at once with 130
 * (the open transaction is then rolled back, as after a crash). Elsewhere SIGINT keeps its default.
 */
export function processInterruptible(proc: NodeJS.Process = process): Interruptible {
  return async (work) => {
    const controller = new AbortController();
    if (!isatty(0)) return work(controller.signal);
    const onSigint = (): void => {
      if (!controller.signal.aborted) {
        controller.abort();
        return;
      }
      proc.stderr.write('\nStopped at once: what was not yet saved is lost\n');
      proc.exit(130);
    };
    proc.on('SIGINT', onSigint);
    try {
      return await work(controller.signal);
    } finally {
      proc.off('SIGINT', onSigint);
    }
  };
}

/** Runs `work` with the context's Ctrl-C handling (a signal that never aborts when there is none). */
export function whileInterruptible<T>(ctx: Ctx, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  return ctx.interruptible ? ctx.interruptible(work) : work(new AbortController().signal);
}

/**
 * Lets a pending Ctrl-C reach its handler. Signal handlers run from the event loop, which synchronous
 * work (and awaiting settled promises) never yields to; this yields at most every 50 ms.
 */
export function signalGate(clock: () => number = () => performance.now()): () => Promise<void> | undefined {
  let last = clock();
  return () => {
    const now = clock();
    if (now - last < 50) return undefined;
    last = now;
    return new Promise((resolve) => setImmediate(resolve));
  };
}
