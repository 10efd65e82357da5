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

/** Where to write a file before it takes `path`'s place: beside it (one file system, so the rename is atomic), or in `folder`. */
export function temporaryPathFor(path: string, folder = dirname(path)): string {
  return join(folder, `.${basename(path)}.tmp-${process.pid}-${Date.now().toString(36)}`);
}

/** A write that failed, as one line naming the file (`shown`) and what to do (`hint`, unless the folder is missing). */
export function cannotWrite(error: unknown, shown: string, hint: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
  return new InputError(`cannot write ${shown}: ${reason}`, { hint: code === 'ENOENT' ? 'Create the folder first, or give another path' : hint, cause: error });
}

/** Refuses a folder as the file to write (`example`: a file name to suggest). */
export function refuseFolder(path: string, shown: string, example: string): void {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`cannot write ${shown}: it is a folder`, { hint: `Give a file name, e.g. ${example}` });
}

/** Writes all of `bytes` to `fd` (at `position` when given): a pipe may take part of a write, the rest goes after it. */
export function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, position === undefined ? null : position + at);
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
    refuseFolder(path, path, '-o exports/quotes.csv');
    this.temporary = isStreamTarget(path) ? undefined : temporaryPathFor(path);
    try {
      this.fd = this.temporary === undefined ? openSync(path, 'w') : openSync(this.temporary, 'wx');
    } catch (error) {
      throw cannotWrite(error, path, 'Check the folder and its permissions');
    }
  }

  /** Appends text (UTF-8). */
  write(text: string): void {
    writeAll(this.fd!, Buffer.from(text, 'utf8'));
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
