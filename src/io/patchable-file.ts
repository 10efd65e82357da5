import { closeSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cannotWrite, isStreamTarget, refuseFolder, temporaryPathFor, writeAll } from './atomic-file.js';

/**
 * A binary file written whole or not at all that may be rewritten in place until it is done (a ZIP entry's
 * header is patched once the entry is written). It is written beside the target and renamed over it on
 * commit; a pipe or device cannot be rewritten, so for one it is written in the temporary folder and
 * copied into it on commit. `shown` names the target in messages.
 */
export class PatchableFile {
  private fd: number | undefined;
  private readonly temporary: string;
  private readonly stream: boolean;

  constructor(
    readonly path: string,
    private readonly shown = path,
  ) {
    refuseFolder(path, shown, 'study.qdpx');
    this.stream = isStreamTarget(path);
    this.temporary = this.stream ? temporaryPathFor(path, tmpdir()) : temporaryPathFor(path);
    this.fd = this.attempt(() => openSync(this.temporary, 'wx+'));
  }

  /** Appends bytes. */
  write(bytes: Uint8Array): void {
    this.attempt(() => writeAll(this.fd!, bytes));
  }

  /** Rewrites bytes already written, at `position`. */
  writeAt(bytes: Uint8Array, position: number): void {
    this.attempt(() => writeAll(this.fd!, bytes, position));
  }

  /** Closes the file and puts it in place of `path` (or copies it into the pipe or device). */
  commit(): void {
    this.attempt(() => {
      if (this.stream) copyInto(this.fd!, this.path);
      closeSync(this.fd!);
      this.fd = undefined;
      if (this.stream) rmSync(this.temporary, { force: true });
      else renameSync(this.temporary, this.path);
    });
  }

  /** Closes and removes the temporary file; `path` is left as it was. */
  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.temporary, { force: true });
  }

  private attempt<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      this.abort();
      throw cannotWrite(error, this.shown, 'Check you may write there');
    }
  }
}

function copyInto(fd: number, target: string): void {
  const out = openSync(target, 'w');
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let position = 0; ; ) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      writeAll(out, buffer.subarray(0, read));
      position += read;
    }
  } finally {
    closeSync(out);
  }
}
