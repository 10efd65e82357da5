/**
 * Titles and forms of address that stand before a name ("Bu", "Pak", "Dr.", "Hj."): the one list used to
 * match speaker labels to participants and to find names for pseudonymization.
 */
const HONORIFICS = new Set([
  'bu', 'ibu', 'pak', 'bapak', 'bpk', 'mas', 'mbak', 'mba', 'kak', 'bang', 'abang', 'bung', 'dik', 'adik', 'om',
  'tante', 'sdr', 'sdri', 'saudara', 'saudari', 'hj', 'h', 'haji', 'hajjah', 'dr', 'drs', 'dra', 'prof', 'ir',
  'kang', 'teh', 'uda', 'uni', 'ustadz', 'ustaz', 'ustadzah', 'mr', 'mrs', 'ms', 'miss', 'mx',
]);

/** Is `word` an honorific ("Bu", "pak", "Dr.")? Case and a final dot do not matter. */
export function isHonorific(word: string): boolean {
  return HONORIFICS.has(word.toLowerCase().replace(/\.$/, ''));
}

const LEADING_WORD = /^(\p{L}+)\.?(?:\s+|(?<=\.))/u;

/** `name` without the honorifics it starts with ("Ibu Hj. Siti" → "Siti"); a name that is only honorifics stays whole. */
export function stripHonorifics(name: string): string {
  let rest = name;
  for (let m = LEADING_WORD.exec(rest); m !== null && isHonorific(m[1]!); m = LEADING_WORD.exec(rest)) rest = rest.slice(m[0].length);
  return rest === '' ? name : rest;
}

/** A label as labels are compared: lower case, single spaces, leading honorifics gone ("Ibu Hj. Nurhaliza" → "nurhaliza"). */
export function labelKey(label: string): string {
  const words = label
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let i = 0;
  // Never strip the last word: a label that is only "Bu" stays "bu".
  while (i < words.length - 1 && isHonorific(words[i]!)) i++;
  return words.slice(i).join(' ');
}
