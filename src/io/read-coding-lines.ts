import { readFileSync } from 'node:fs';
import { parseCodingLines, type TeamCoding } from '../core/team/coding-line.js';
import { InputError } from '../errors.js';

/** The codings of a JSON Lines file (`telaah export codings`); a missing file or a malformed line is an InputError at FILE:LINE. */
export function readCodingLines(path: string, shown: string): TeamCoding[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(`cannot read ${shown}: ${missing ? 'no such file' : (error as Error).message}`, {
      hint: missing ? 'Give the file `telaah export codings -o FILE` wrote' : 'Check its permissions',
    });
  }
  try {
    return parseCodingLines(text);
  } catch (error) {
    throw error instanceof InputError ? error.inFile(shown) : error;
  }
}
