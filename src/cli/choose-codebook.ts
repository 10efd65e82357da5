import { relative, resolve } from 'node:path';
import { parseCodebook } from '../core/codebook/parse-codebook.js';
import type { Codebook } from '../core/codebook/types.js';
import { loadValidCodebook, readCodebookFile, type CodebookFile } from '../io/read-codebook.js';
import type { Ctx } from './context.js';
import { currentCodebook, describeCodebookFileChange } from './current-codebook.js';
import { withProjectToRead } from './open-project.js';
import { notice } from './notice.js';

/** A codebook to show, validate or test, and how to name it in messages. */
export interface ChosenCodebook {
  file: CodebookFile;
  shown: string;
}

/**
 * The codebook a command works on: the file named on the command line (relative to the working
 * folder), else the project's current codebook as stored (with a note on stderr when its file has
 * changed since). With `valid`, a named file with errors is an InputError at its first one.
 */
export async function chooseCodebook(ctx: Ctx, opts: { project?: string }, given: string | undefined, options: { valid: true }): Promise<ChosenCodebook & { file: { codebook: Codebook } }>;
export async function chooseCodebook(ctx: Ctx, opts: { project?: string }, given: string | undefined, options: { valid: false }): Promise<ChosenCodebook>;
export async function chooseCodebook(ctx: Ctx, opts: { project?: string }, given: string | undefined, options: { valid: boolean }): Promise<ChosenCodebook> {
  if (given !== undefined) {
    const path = resolve(ctx.cwd, given);
    return { file: options.valid ? loadValidCodebook(path) : readCodebookFile(path), shown: given };
  }
  return withProjectToRead(ctx, opts, (project) => {
    const current = currentCodebook(project);
    const changed = describeCodebookFileChange(ctx, project, current);
    if (changed) notice(ctx, changed);
    const { yaml } = current;
    const file: CodebookFile = { path: current.path, text: yaml, sha256: current.sha256, codebook: current.codebook, problems: parseCodebook(yaml).problems };
    return { file, shown: relative(ctx.cwd, current.path) || current.path };
  });
}
