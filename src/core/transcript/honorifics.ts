/** Titles and forms of address that may stand before a name in a speaker label ("Bu", "Pak", "Dr.", "Hj."). */
const HONORIFICS = new Set([
  'bu', 'ibu', 'pak', 'bapak', 'bpk', 'mas', 'mbak', 'mba', 'kak', 'bang', 'abang', 'bung', 'dik', 'adik', 'om',
  'tante', 'sdr', 'sdri', 'saudara', 'saudari', 'hj', 'h', 'haji', 'hajjah', 'dr', 'drs', 'dra', 'prof', 'ir',
  'kang', 'teh', 'uda', 'uni', 'ustadz', 'ustaz', 'ustadzah', 'mr', 'mrs', 'ms', 'miss', 'mx',
]);

/** A label as labels are compared: lower case, single spaces, leading honorifics gone ("Ibu Hj. Nurhaliza" → "nurhaliza"). */
export function labelKey(label: string): string {
  const words = label
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  let i = 0;
  // Never strip the last word: a label that is only "Bu" stays "bu".
  while (i < words.length - 1 && HONORIFICS.has(words[i]!.replace(/\.$/, ''))) i++;
  return words.slice(i).join(' ');
}
