/**
 * The canonical form of every text telaah stores: no byte-order mark, '\n' line ends, Unicode NFC.
 * Offsets into a source are offsets into this form, so it must be computed the same way everywhere.
 */

/**
 * Code units that can make a string non-NFC. Everything outside this class is known to be NFC-stable
 * and a starter (canonical combining class 0) that never composes with what precedes it, so a string
 * made only of such units is already in NFC. The allowed ranges are what field transcripts are
 * made of: U+0000–U+02FF (ASCII and Latin letters, precomposed é), U+2002–U+20CF (curly quotes, dashes,
 * ellipsis, currency), variation selectors, emoji (high surrogates D83C–D83F = U+1F000–U+1FFFF) and low
 * surrogates. U+2000/U+2001 are excluded because they decompose to U+2002/U+2003.
 */
const MAYBE_NOT_NFC = /[\u0300-\u2001\u20d0-\ud83b\ud840-\udbff\ue000-\ufdff\ufe10-\uffff]/;

/** Return the canonical form of `s`: leading U+FEFF removed, CRLF and lone CR turned into '\n', NFC. */
export function canonicalizeText(s: string): string {
  let out = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  if (out.indexOf('\r') !== -1) out = out.replace(/\r\n?/g, '\n');
  // normalize() copies and checks the whole string even when nothing changes; skip it when it cannot matter.
  if (!isKnownNfc(out)) out = out.normalize('NFC');
  return out;
}

/** Cheap, conservative check: true when `s` is certainly unchanged by NFC (false means "maybe"). */
export function isKnownNfc(s: string): boolean {
  return !MAYBE_NOT_NFC.test(s);
}
