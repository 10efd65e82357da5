import { closeSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * A file written under a temporary name beside it and renamed into place on commit, so that a reader
 * (Excel, R, git) never sees half a file and an export that fails leaves the old file as it was.
 */
export class AtomicFile {
  private fd: number | undefined;
  private readonly temporary: string;

  constructor(readonly path: string) {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`cannot write ${path}: it is a folder`, { hint: 'Give a file name, e.g. -o exports/quotes.csv' });
    // Beside the target, so the rename stays on one file system and is atomic.
    this.temporary = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now().toString(36)}`);
    try {
      this.fd = openSync(this.temporary, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`cannot write ${path}: ${code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}`, {
        hint: code === 'ENOENT' ? 'Create the folder first, or give another path with -o' : 'Check the folder and its permissions',
      });
    }
  }

  /** Appends text (UTF-8). */
  write(text: string): void {
    writeSync(this.fd!, text, null, 'utf8');
  }

  /** Closes the file and puts it in place of `path`. */
  commit(): void {
    closeSync(this.fd!);
    this.fd = undefined;
    renameSync(this.temporary, this.path);
  }

  /** Closes and removes the temporary file; `path` is left as it was. */
  abort(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    try {
      unlinkSync(this.temporary);
    } catch {
      // Already gone: nothing to clean up.
    }
  }
}
