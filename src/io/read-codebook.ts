import { readFileSync } from 'node:fs';
import { parseCodebook } from '../core/codebook/parse-codebook.js';
import type { Codebook, CodebookProblem } from '../core/codebook/types.js';
import { InputError } from '../errors.js';
import { hashBytes } from './read-source-file.js';

/** A codebook file as read: its text and hash, the codebook if valid, and every problem found. */
export interface CodebookFile {
  path: string;
  text: string;
  sha256: string;
  codebook?: Codebook;
  problems: CodebookProblem[];
}

/** Reads and validates a codebook file; a missing file is an InputError, problems are returned. */
export function readCodebookFile(path: string): CodebookFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(`cannot read the codebook ${path}: ${missing ? 'no such file' : (error as Error).message}`, {
      hint: missing ? 'Check the path (the shipped one is codebooks/bpjs-social-work.yaml)' : 'Check its permissions',
    });
  }
  const text = bytes.toString('utf8');
  const { codebook, problems } = parseCodebook(text);
  return { path, text, sha256: hashBytes(bytes), codebook, problems };
}

/** The valid codebook of a file, or an InputError naming its first error at file:line:col. */
export function loadValidCodebook(path: string): CodebookFile & { codebook: Codebook } {
  const file = readCodebookFile(path);
  const first = file.problems.find((p) => p.severity === 'error');
  if (!file.codebook || first) {
    const count = file.problems.filter((p) => p.severity === 'error').length;
    throw new InputError(first?.message ?? 'the codebook is not valid', {
      file: path,
      line: first?.line,
      col: first?.col,
      hint: count > 1 ? `${count - 1} more problems: run \`telaah codebook validate ${path}\`` : 'Fix it and run the command again',
    });
  }
  return file as CodebookFile & { codebook: Codebook };
}

/** The sha256 of a codebook file as it is now, or undefined when it cannot be read (moved, deleted). */
export function hashCodebookFile(path: string): string | undefined {
  try {
    return hashBytes(readFileSync(path));
  } catch {
    return undefined;
  }
}
