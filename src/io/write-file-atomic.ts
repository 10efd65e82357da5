import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { cannotWrite, isStreamTarget, temporaryPathFor } from './atomic-file.js';

/**
 * Writes `data` to `path` whole or not at all: into a temporary file beside it, then renamed over it, so
 * an interrupted export never leaves half a file under the name asked for (a pipe or device is written
 * into). `shown` names it in messages; `hint` says what to do when it cannot be written.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string, shown = path, hint = 'Check the folder exists and you may write there'): void {
  const temporary = temporaryPathFor(path);
  try {
    if (isStreamTarget(path)) return writeFileSync(path, data);
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw cannotWrite(error, shown, hint);
  }
}
