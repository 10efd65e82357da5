import { spawnSync } from 'node:child_process';
import { BIN } from './spawn-cli.js';

/** tmux is installed: terminal tests run only then. */
export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

/** A private tmux server (its own socket, no user config) whose sessions run the built CLI in a real terminal. */
export class Tmux {
  private readonly socket = `telaah-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private session = '';

  /**
   * `scrollback`: the screen includes what scrolled off above the pane (a run's summary and warnings can
   * push earlier lines out of view); off for full-screen programs, whose earlier frames would match.
   */
  constructor(
    private readonly cwd: string,
    private readonly size: { columns: number; rows: number } = { columns: 80, rows: 24 },
    private readonly scrollback = false,
  ) {}

  private tmux(args: string[]): string {
    const result = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {
      cwd: this.cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: this.cwd, TMPDIR: process.env.TMPDIR ?? '/tmp', NO_COLOR: '1', LANG: 'C.UTF-8' },
    });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Runs `telaah <args>` in a new session; the pane stays after it exits and shows `[exit N]`. */
  start(args: string[]): void {
    this.session = `s${Math.random().toString(36).slice(2, 8)}`;
    const command = `node ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')}; echo "[exit $?]"; sleep 120`;
    this.tmux(['new-session', '-d', '-s', this.session, '-x', String(this.size.columns), '-y', String(this.size.rows), '-c', this.cwd, command]);
  }

  /** Types keys (tmux key names such as Enter or C-c, or plain text). */
  keys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.session, ...keys]);
  }

  /** What the pane shows; `joined` joins lines the terminal wrapped, so long messages can be matched whole. */
  screen(joined = true): string {
    return this.tmux(['capture-pane', '-p', ...(this.scrollback ? ['-S', '-'] : []), ...(joined ? ['-J'] : []), '-t', this.session]);
  }

  /** Polls the screen until it matches, and returns it (or fails showing the last screen). */
  async waitFor(wanted: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      if (typeof wanted === 'string' ? screen.includes(wanted) : wanted.test(screen)) return screen;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    throw new Error(`timed out waiting for ${String(wanted)}; the screen shows:\n${screen}`);
  }

  stop(): void {
    try {
      this.tmux(['kill-server']);
    } catch {
      // Already gone.
    }
  }
}
