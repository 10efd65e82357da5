import { closeSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * True when `path` names something that is not a file to replace: a pipe, a terminal, a device such as
 * /dev/null or /dev/stdout. Output goes straight into it, since renaming a temporary file over it would put a
 * plain file where the device was (as root, over /dev/null for every program on the machine).
 */
export function isStreamTarget(path: string): boolean {
  const target = statSync(path, { throwIfNoEntry: false });
  if (target === undefined) return false;
  // /dev/stdout with stdout sent to a file is that file, through a link: renaming over it would replace
  // /dev/stdout itself with a plain file (for every program in the container).
  return (!target.isFile() && !target.isDirectory()) || /^\/(dev|proc)\//.test(resolve(path));
}

/**
 * A file written under a temporary name beside it and renamed into place on commit, so that a reader
 * (Excel, R, git) never sees half a file and an export that fails leaves the old file as it was.
 */
export class AtomicFile {
  private fd: number | undefined;
  /** Undefined when writing straight into a pipe or device (see isStreamTarget). */
  private readonly temporary: string | undefined;

  constructor(readonly path: string) {
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`cannot write ${path}: it is a folder`, { hint: 'Give a file name, e.g. -o exports/quotes.csv' });
    // Beside the target, so the rename stays on one file system and is atomic.
    this.temporary = isStreamTarget(path) ? undefined : join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now().toString(36)}`);
    try {
      this.fd = this.temporary === undefined ? openSync(path, 'w') : openSync(this.temporary, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(`cannot write ${path}: ${code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}`, {
        hint: code === 'ENOENT' ? 'Create the folder first, or give another path with -o' : 'Check the folder and its permissions',
      });
    }
  }

  /** Appends text (UTF-8). */
  write(text: string): void {
    // A pipe may take part of a write (a signal between two chunks): the rest goes after it.
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd!, bytes, at);
  }

  /** Closes the file and puts it in place of `path`. */
  commit(): void {
    closeSync(this.fd!);
    this.fd = undefined;
    if (this.temporary !== undefined) renameSync(this.temporary, this.path);
  }

  /** Closes and removes the temporary file; `path` is left as it was. */
  abort(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    if (this.temporary === undefined) return;
    try {
      unlinkSync(this.temporary);
    } catch {
      // Already gone: nothing to clean up.
    }
  }
}
