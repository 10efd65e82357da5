/** Which memos go with a code's evidence in `triangulate --code`: those on the code, and on the segments it quotes. */
import type { Memo } from '../memo-target.js';

/**
 * Memos on `code` (and on the codes below it, which its row rolls up) and on the segments among its
 * quotes, in memo order.
 */
export function memosOfCode(code: string, quotes: readonly { source: string; segment: string }[], memos: readonly Memo[]): Memo[] {
  const quoted = new Set(quotes.map((q) => `${q.source}\u0000${q.segment}`));
  return memos.filter((m) =>
    m.kind === 'code'
      ? m.code === code || m.code!.startsWith(`${code}/`)
      : m.kind === 'segment' && quoted.has(`${m.source}\u0000${m.segment}`),
  );
}
