import { userInfo } from 'node:os';
import { readHiddenLine } from './hidden-prompt.js';
import { processInterruptible, type Interruptible } from './interrupt.js';

/** The effects a command may use, injected so tests can capture output and pin the clock. */

export interface Output {
  write(chunk: string): unknown;
}

export interface Ctx {
  stdout: Output;
  stderr: Output;
  /** stdout is a terminal: tables and colour instead of TSV. */
  stdoutIsTTY: boolean;
  /** stderr is a terminal: spinners and progress bars. */
  stderrIsTTY: boolean;
  /** Colour allowed (TTY, no NO_COLOR, no --json). */
  color: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now(): Date;
  /** Terminal width for wrapping human output. */
  columns: number;
  /** Ctrl-C handling for long commands (see interrupt.ts); tests without it get a signal that never aborts. */
  interruptible?: Interruptible;
  /** All of stdin as text (`memo add … -`); `prompt` goes to stderr first when stdin is a terminal. */
  readStdin?: (prompt?: string) => Promise<string>;
  /** One line typed at the terminal without echo (passphrases); absent when stdin is not a terminal. */
  readSecret?: (prompt: string) => Promise<string>;
}

/** The context of a real process. */
export function createProcessContext(): Ctx {
  const env = process.env;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    color: Boolean(process.stdout.isTTY) && !noColor && env.TERM !== 'dumb',
    cwd: process.cwd(),
    env,
    now: () => new Date(),
    // stdout may be a pipe while progress and help still go to a terminal.
    columns: process.stdout.columns ?? process.stderr.columns ?? columnsFrom(env.COLUMNS) ?? 80,
    interruptible: processInterruptible(),
    readStdin: async (prompt) => {
      if (process.stdin.isTTY && prompt) process.stderr.write(prompt);
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    readSecret: process.stdin.isTTY ? readHiddenLine : undefined,
  };
}

/** Who made a change, for the audit log (TELAAH_USER, else the login name). */
export function actorOf(ctx: Ctx): string {
  const named = ctx.env.TELAAH_USER ?? ctx.env.USER ?? ctx.env.LOGNAME ?? ctx.env.USERNAME;
  if (named) return named;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** A terminal width from the COLUMNS variable (set by shells and by people piping help into a pager). */
function columnsFrom(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 20 ? n : undefined;
}
