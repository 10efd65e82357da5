import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Flushes a file (or a folder, after a rename in it) to disk, so a power cut cannot undo it. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
