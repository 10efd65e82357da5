import { closest } from '../core/did-you-mean.js';
import { InputError } from '../errors.js';
import { findSourceRange, type SourceRange } from '../store/source-edits.js';
import type { Db } from '../store/open.js';
import { listSourceNames } from '../store/sources.js';

/** The source with this name; an unknown name is an InputError naming the closest ones. */
export function requireSource(db: Db, name: string): SourceRange {
  const range = findSourceRange(db, name);
  if (range) return range;
  const near = closest(name, listSourceNames(db), 2);
  throw new InputError(`no source named "${name}"`, {
    hint: near.length ? `Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : 'List them with `telaah sources list`',
  });
}
