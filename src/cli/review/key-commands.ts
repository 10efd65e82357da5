/** What a key means on the review screen and in the add-code prompt. */
import type { Key } from './terminal.js';

/** A command on the review screen (and the help and end screens). */
export type ReviewCommand =
  | 'accept'
  | 'reject'
  | 'add'
  | 'skip'
  | 'undo'
  | 'quit'
  | 'interrupt'
  | 'help'
  | 'redraw'
  | { unknown: string };

/** A command in the add-code prompt. */
export type PromptCommand =
  | { type: 'type'; text: string }
  | { type: 'erase' | 'erase-word' | 'clear' | 'complete' | 'submit' | 'cancel' | 'interrupt' | 'ignore' };

const LETTERS: Record<string, ReviewCommand> = { a: 'accept', r: 'reject', c: 'add', s: 'skip', u: 'undo', q: 'quit', '?': 'help' };

/** The review command of a key; letters work in either case. */
export function reviewCommandOf(key: Key): ReviewCommand {
  if (key.ctrl && (key.name === 'c' || key.name === 'd')) return 'interrupt';
  if (key.ctrl && key.name === 'l') return 'redraw';
  if (key.ctrl || key.meta) return { unknown: `Ctrl-${key.name}` };
  const letter = (key.text || key.name).toLowerCase();
  return LETTERS[letter] ?? { unknown: key.text || key.name };
}

/** The prompt command of a key: text is typed, Tab completes, Enter adds, Esc cancels. */
export function promptCommandOf(key: Key): PromptCommand {
  if (key.ctrl) {
    if (key.name === 'c' || key.name === 'd') return { type: 'interrupt' };
    if (key.name === 'u') return { type: 'clear' };
    if (key.name === 'w' || key.name === 'backspace') return { type: 'erase-word' };
    return { type: 'ignore' };
  }
  switch (key.name) {
    case 'tab':
      return { type: 'complete' };
    case 'return':
    case 'enter':
      return { type: 'submit' };
    case 'escape':
      return { type: 'cancel' };
    case 'backspace':
      return key.meta ? { type: 'erase-word' } : { type: 'erase' };
    default:
      return key.text && !key.meta ? { type: 'type', text: key.text } : { type: 'ignore' };
  }
}
