/**
 * The terminal for an interactive screen: the alternate screen, a hidden cursor, raw keys. Whatever
 * happens — a quit, Ctrl-C, an error, the process exiting — `close` puts the terminal back as it was.
 */
import { emitKeypressEvents } from 'node:readline';
import { controlPictures } from '../../core/text/visible-text.js';

/** One key as the screen cares about it. */
export interface Key {
  /** readline's key name (`a`, `return`, `tab`, `escape`, `backspace`, `up`, …), or '' for other text. */
  name: string;
  /** The text the key types, when it types one (a letter, a pasted character). */
  text: string;
  ctrl: boolean;
  meta: boolean;
}

/** A key that ends the session as Ctrl-C does (also sent for SIGINT and SIGTERM). */
export const INTERRUPT: Key = { name: 'c', text: '', ctrl: true, meta: false };

/** The running terminal: write a frame, wait for the next key, know the size. */
export interface Terminal {
  write(frame: string): void;
  nextKey(): Promise<Key>;
  size(): { columns: number; rows: number };
  /** Calls `redraw` whenever the window changes size. */
  onResize(redraw: () => void): void;
  close(): void;
}

const ENTER = '\x1b[?1049h\x1b[?25l';
const LEAVE = '\x1b[?25h\x1b[?1049l';

/** Takes over the process's terminal (stdin must be a TTY). */
export function openTerminal(): Terminal {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const queue: Key[] = [];
  let waiting: ((key: Key) => void) | null = null;
  const deliver = (key: Key): void => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(key);
    } else queue.push(key);
  };
  const onKeypress = (text: string | undefined, key: { name?: string; ctrl?: boolean; meta?: boolean } | undefined): void => {
    deliver({ name: key?.name ?? '', text: text && !key?.ctrl && !key?.meta && !/^[\x00-\x1f\x7f]/.test(text) ? text : '', ctrl: Boolean(key?.ctrl), meta: Boolean(key?.meta) });
  };
  const onSignal = (): void => deliver(INTERRUPT);
  const resizers: (() => void)[] = [];
  const onResize = (): void => resizers.forEach((r) => r());
  let open = true;
  const restore = (): void => {
    if (!open) return;
    open = false;
    stdin.off('keypress', onKeypress);
    stdout.off('resize', onResize);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', restore);
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
    stdout.write(LEAVE);
  };

  emitKeypressEvents(stdin);
  stdin.setRawMode(true);
  stdin.on('keypress', onKeypress);
  stdin.resume();
  stdout.on('resize', onResize);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', restore);
  stdout.write(ENTER);

  return {
    write(frame) {
      stdout.write(frame);
    },
    nextKey() {
      const key = queue.shift();
      if (key) return Promise.resolve(key);
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    size() {
      return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
    },
    onResize(redraw) {
      resizers.push(redraw);
    },
    close: restore,
  };
}

/**
 * A frame for the terminal: each line overwrites the one below the cursor, the rest of the screen is cleared.
 * A control character in a line (from a transcript or a name) is drawn as a picture, never obeyed.
 */
export function frameOf(lines: readonly string[]): string {
  return `\x1b[H${lines.map(controlPictures).join('\x1b[K\r\n')}\x1b[K\x1b[J`;
}
