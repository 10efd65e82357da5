/** Writing a file a command produces (a report, a packet) so that a failure never leaves half of one. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { isStreamTarget } from './atomic-file.js';

/**
 * Writes `data` to `path` through a temporary file beside it, renamed over the target once complete:
 * an existing file is replaced whole or not at all. A folder that is missing or not writable is an
 * InputError naming the file.
 */
export function writeOutputFile(path: string, data: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    if (isStreamTarget(path)) return writeFileSync(path, data);
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new InputError(`cannot write ${path}: ${reason}`, { hint: 'Choose another file with -o', cause: error });
  }
}
