import type { Ctx } from './context.js';

/** A progress line on stderr, shown only on a terminal. */
export interface Progress {
  update(text: string): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/** Starts an ora spinner when stderr is a terminal; otherwise does nothing (no noise in logs and pipes). */
export async function startProgress(ctx: Ctx, text: string): Promise<Progress> {
  if (!ctx.stderrIsTTY || ctx.stderr !== process.stderr) return SILENT;
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: process.stderr, isEnabled: true, color: ctx.color ? 'cyan' : undefined }).start();
  let last = 0;
  return {
    update(next) {
      // Redrawing on every file costs more than small files take to ingest.
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      spinner.text = next;
    },
    stop() {
      spinner.stop();
    },
  };
}
