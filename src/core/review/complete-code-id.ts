/** Tab completion of code ids in the review's "add code" prompt. */

/** What the prompt shows and holds after a key: the ids that fit the word being typed, and the input. */
export interface CodeCompletion {
  candidates: string[];
  input: string;
}

/**
 * The code ids that fit `word`, in codebook order: ids that start with it (case-insensitively), else ids
 * with a part (between `/` or `-`) that starts with it, so `econ` finds `barrier/economic`. An empty
 * word fits every id.
 */
export function matchCodeIds(word: string, ids: readonly string[]): string[] {
  const wanted = word.toLowerCase();
  const starts = ids.filter((id) => id.toLowerCase().startsWith(wanted));
  if (starts.length > 0 || wanted === '') return starts;
  return ids.filter((id) => id.toLowerCase().split(/[/-]/).some((part) => part.startsWith(wanted)));
}

/**
 * Completes the last word of `input` (codes are separated by spaces or commas): one fitting id replaces
 * the word and gets a space after it, several extend it to their longest common prefix.
 */
export function completeCodeInput(input: string, ids: readonly string[]): CodeCompletion {
  const { head, word } = splitLastWord(input);
  const candidates = matchCodeIds(word, ids);
  if (candidates.length === 1) return { candidates, input: `${head}${candidates[0]} ` };
  const common = commonPrefix(candidates);
  const extended = common.length > word.length && common.toLowerCase().startsWith(word.toLowerCase()) ? common : word;
  return { candidates, input: `${head}${extended}` };
}

/** The ids fitting the word being typed at the end of `input` (for the list under the prompt). */
export function candidatesFor(input: string, ids: readonly string[]): string[] {
  return matchCodeIds(splitLastWord(input).word, ids);
}

/** The code ids written in `input`, in order and without repeats. */
export function parseCodeInput(input: string): string[] {
  return [...new Set(input.split(/[\s,]+/).filter(Boolean))];
}

function splitLastWord(input: string): { head: string; word: string } {
  const match = /[^\s,]*$/.exec(input)!;
  return { head: input.slice(0, match.index), word: match[0] };
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) {
    let n = 0;
    while (n < prefix.length && n < w.length && prefix[n] === w[n]) n += 1;
    prefix = prefix.slice(0, n);
  }
  return prefix;
}
