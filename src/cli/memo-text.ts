import { InputError } from '../errors.js';
import type { Ctx } from './context.js';

/**
 * A memo's text from its argument, or from stdin when the argument is `-` (long memos: a heredoc, a file
 * piped in). Line ends become `\n`, the ends are trimmed; an empty memo is refused.
 */
export async function readMemoText(ctx: Ctx, arg: string): Promise<string> {
  let text = arg;
  if (arg === '-') {
    if (!ctx.readStdin) throw new InputError('cannot read the memo from stdin here', { hint: 'Give the text as an argument' });
    text = await ctx.readStdin('Write the memo, then press Ctrl-D on a line of its own:\n');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC').trim();
  if (!text) throw new InputError(arg === '-' ? 'the memo read from stdin is empty' : 'a memo needs text', { hint: 'Write the text after the target, or give - and pipe it in' });
  return text;
}

/** A memo id as typed: `12` or `#12`. */
export function parseMemoId(text: string): number {
  const m = /^#?(\d+)$/.exec(text.trim());
  const id = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw new InputError(`"${text}" is not a memo id`, { hint: 'Memo ids are numbers, as `telaah memo list` shows them' });
  return id;
}
