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
      // A line that wraps leaves a trail of half-erased lines behind the spinner.
      const room = Math.max(10, (process.stderr.columns ?? 80) - 3);
      spinner.text = next.length > room ? `${next.slice(0, room - 1)}…` : next;
    },
    stop() {
      spinner.stop();
    },
  };
}

/** A text progress bar, e.g. `[█████░░░░░] 48%`. */
export function progressBar(done: number, total: number, width = 20): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`;
}
