import { resolve } from 'node:path';
import { nearestCodeIds } from '../core/codebook/code-tree.js';
import type { Codebook } from '../core/codebook/types.js';
import { InputError } from '../errors.js';
import { loadValidCodebook } from '../io/read-codebook.js';
import type { Project } from './open-project.js';

/** The project's current codebook, or an InputError saying how to choose one. */
export function currentCodebook(project: Project): { codebook: Codebook; sha256: string; path: string } {
  if (!project.config.codebook) {
    throw new InputError('the project has no codebook yet', { hint: 'Choose one with `telaah codebook use FILE`' });
  }
  const path = resolve(project.paths.dir, project.config.codebook);
  const file = loadValidCodebook(path);
  return { codebook: file.codebook, sha256: file.sha256, path };
}

/** Checks every code id against the codebook; an unknown one is an InputError naming the nearest ids. */
export function checkCodeIds(codebook: Codebook, ids: readonly string[]): void {
  const known = new Set(codebook.codes.map((c) => c.id));
  for (const id of ids) {
    if (known.has(id)) continue;
    const near = nearestCodeIds(codebook, id, 3);
    throw new InputError(`unknown code "${id}"`, {
      hint: near.length ? `Did you mean ${near.join(', ')}?` : 'List the codes with `telaah codebook show`',
    });
  }
}
