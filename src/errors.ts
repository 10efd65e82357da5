/**
 * The project's error types. Commands throw these; only src/cli/main.ts turns them into messages
 * and exit codes (2 for input and usage, 3 for the project itself).
 */
import { clipText, messageLine } from './core/text/visible-text.js';

/** Where in an input file a problem was found (1-based line and column). */
export interface Location {
  file?: string;
  line?: number;
  col?: number;
}

/** Bad input: a file, a value or an argument the user gave. Exit code 2. */
export class InputError extends Error {
  readonly location: Location;
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown } & Location = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InputError';
    this.location = { file: options.file, line: options.line, col: options.col };
    this.hint = options.hint;
  }

  /** The same error, placed in a file (readers in core know lines, not file names). */
  inFile(file: string): InputError {
    if (this.location.file) return this;
    return new InputError(this.message, { ...this.location, file, hint: this.hint, cause: this.cause });
  }

  /**
   * `file:line:col: message. hint` on one line, safe to print: control characters escaped, and each part
   * cut short, so a message echoing a hostile file's 100,000-column header stays one readable line.
   */
  format(): string {
    const { file, line, col } = this.location;
    const where = file ? [messageLine(file, 300), line, line !== undefined ? col : undefined].filter((p) => p !== undefined).join(':') : '';
    const message = messageLine(this.message);
    const text = this.hint ? `${message}. ${clipText(messageLine(this.hint), 300)}` : message;
    return where ? `${where}: ${text}` : text;
  }
}

/** Wrong use of the command line (unknown option, missing argument). Exit code 2. */
export class UsageError extends InputError {
  constructor(message: string, hint?: string) {
    super(message, { hint });
    this.name = 'UsageError';
  }
}

/** The project itself: not found, already exists, newer schema, locked, corrupt. Exit code 3. */
export class ProjectError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProjectError';
    this.hint = options.hint;
  }
}
