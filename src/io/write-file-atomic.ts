import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { isStreamTarget } from './atomic-file.js';

/**
 * Writes `bytes` to `path` whole or not at all: into a temporary file beside it, then renamed over it, so
 * an interrupted export never leaves half a file under the name asked for. `shown` names it in messages.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string, shown = path): void {
  const temporary = `${path}.tmp-${process.pid}`;
  try {
    if (isStreamTarget(path)) return writeFileSync(path, bytes);
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(`cannot write ${shown}: ${(error as Error).message}`, { hint: 'Check the folder exists and you may write there' });
  }
}
