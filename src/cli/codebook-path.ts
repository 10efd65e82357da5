import { relative, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { locateProject, readProjectConfig } from '../io/project-files.js';
import type { Ctx } from './context.js';

/**
 * The codebook a command works on: the file named on the command line (relative to the working
 * folder), else the project's current one (telaah.yaml `codebook:`, relative to the project).
 */
export function resolveCodebookPath(ctx: Ctx, opts: { project?: unknown }, given: string | undefined): { path: string; shown: string } {
  if (given !== undefined) return { path: resolve(ctx.cwd, given), shown: given };
  const paths = locateProject(ctx.cwd, typeof opts.project === 'string' ? opts.project : undefined);
  const config = readProjectConfig(paths);
  if (!config.codebook) {
    throw new InputError('the project has no codebook yet', {
      hint: 'Name a file, or choose one with `telaah codebook use FILE` (e.g. codebooks/bpjs-social-work.yaml)',
    });
  }
  const path = resolve(paths.dir, config.codebook);
  return { path, shown: relative(ctx.cwd, path) || path };
}
