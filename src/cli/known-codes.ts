import { nearestCodeIds } from '../core/codebook/code-tree.js';
import type { Codebook } from '../core/codebook/types.js';
import { InputError } from '../errors.js';

// The current codebook is loaded in one place; commands that check codes import it from here too.
export { currentCodebook, type CurrentCodebook } from './current-codebook.js';

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
