import type { Ctx } from './context.js';
import { displayWidth, truncate } from './output.js';

/** What a progress line shows: a bar over counted items, then further facts, the most useful first. */
export interface ProgressFacts {
  /** What is happening, e.g. `Ingesting`. */
  label: string;
  done: number;
  total: number;
  /** What is counted, e.g. `files`. */
  unit: string;
  /** E.g. `38.2 MB`, `12.4 MB/s`, `211,004 segments`; the last ones give way on a narrow terminal. */
  details: readonly (string | undefined)[];
}

/** A progress line on stderr, shown only on a terminal. */
export interface Progress {
  /** Redraws the line from `facts` (called with the seconds since the start), at most ten times a second. */
  update(facts: (seconds: number) => ProgressFacts): void;
  /** Writes a message on a line of its own, above the progress line. */
  note(text: string): void;
  /** Erases the progress line. */
  stop(): void;
}

const REDRAW_MS = 100;

/**
 * Starts a progress line on stderr when it is a terminal and the output is not `--json`; otherwise
 * only notes are written (no noise in logs and pipes). Drawn as counts, not as an animated spinner:
 * the work is synchronous, and a spinner's timer would freeze while it runs.
 */
export function startProgress(ctx: Ctx, options: { json?: unknown; clock?: () => number } = {}): Progress {
  const clock = options.clock ?? (() => performance.now());
  if (!ctx.stderrIsTTY || options.json === true) {
    return { update() {}, note: (text) => void ctx.stderr.write(`${text}\n`), stop() {} };
  }
  const started = clock();
  let drawnAt = Number.NEGATIVE_INFINITY;
  let line = '';
  const draw = (): void => void ctx.stderr.write(`\r${line}\u001b[K`);
  return {
    update(facts) {
      const now = clock();
      if (now - drawnAt < REDRAW_MS) return;
      drawnAt = now;
      line = renderProgressLine(facts((now - started) / 1000), ctx.columns);
      draw();
    },
    note(text) {
      ctx.stderr.write(`\r\u001b[K${text}\n`);
      if (line) draw();
    },
    stop() {
      if (line) ctx.stderr.write('\r\u001b[K');
      line = '';
    },
  };
}

/**
 * The progress line fitted to `columns`, e.g.
 * `Ingesting [█████░░░░░]  48% 412/860 files · 38.2 MB · 12.4 MB/s · 211,004 segments`: details give
 * way from the right, then the bar; what is left is cut short.
 */
export function renderProgressLine(facts: ProgressFacts, columns: number): string {
  // Writing into the last column makes some terminals wrap, and the next \r redraws the wrong line.
  const room = Math.max(1, columns - 1);
  const count = `${formatCount(facts.done)}/${formatCount(facts.total)} ${facts.unit}`;
  const details = facts.details.filter((d): d is string => Boolean(d));
  for (let shown = details.length; shown >= 0; shown -= 1) {
    const line = [`${facts.label} ${progressBar(facts.done, facts.total, 10)} ${count}`, ...details.slice(0, shown)].join(' · ');
    if (displayWidth(line) <= room) return line;
  }
  return truncate(`${facts.label} ${percentOf(facts.done, facts.total)}% ${count}`, room);
}

function percentOf(done: number, total: number): number {
  return Math.round((total > 0 ? Math.min(1, done / total) : 1) * 100);
}

/** A text progress bar, e.g. `[█████░░░░░]  48%`. */
export function progressBar(done: number, total: number, width = 20): string {
  const filled = Math.round((total > 0 ? Math.min(1, done / total) : 1) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(percentOf(done, total)).padStart(3)}%`;
}

/** `211004` → `211,004`. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Bytes as megabytes, e.g. `38.2 MB`. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A rate such as `12.4 MB/s` (unit `MB`: `amount` in bytes) or `1.9 M units/s`, or undefined in the
 * first quarter second (when a rate says more about start-up than about the work).
 */
export function formatRate(amount: number, seconds: number, unit: 'MB' | string): string | undefined {
  if (seconds < 0.25) return undefined;
  const perSecond = amount / seconds;
  if (unit === 'MB') return `${formatMegabytes(perSecond)}/s`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)} M ${unit}/s`;
  if (perSecond >= 1e4) return `${(perSecond / 1e3).toFixed(0)} k ${unit}/s`;
  return `${formatCount(perSecond)} ${unit}/s`;
}
