/**
 * Bytes of an input file → text. Field transcripts arrive as UTF-8, as UTF-16 from Windows tools, and
 * as Windows-1252 from old Word/Notepad exports; anything that is not text is refused with a reason.
 */

import { InputError } from '../errors.js';

export interface DecodedText {
  /** The text, byte-order mark removed, NOT yet canonicalised (see canonicalizeText). */
  text: string;
  /** 'utf-8', 'utf-16le', 'utf-16be' or 'windows-1252'. */
  encoding: string;
  /** `file:line:col: message` lines for the user (e.g. the Windows-1252 fallback). */
  warnings: string[];
}

interface Signature {
  bytes: readonly number[];
  what: string;
  hint: string;
}

const ascii = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0));
const SAVE_AS_TEXT = 'Save it as .docx or plain text (.txt) and try again';

/** Formats that are surely not text, recognised by their first bytes. */
const SIGNATURES: readonly Signature[] = [
  { bytes: ascii('%PDF-'), what: 'is a PDF, not a text file', hint: 'Export it as text or Word (.docx) first' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'is a PNG image, not a text file', hint: 'Transcribe it, or give the transcript file' },
  { bytes: [0xff, 0xd8, 0xff], what: 'is a JPEG image, not a text file', hint: 'Transcribe it, or give the transcript file' },
  { bytes: ascii('GIF87a'), what: 'is a GIF image, not a text file', hint: 'Transcribe it, or give the transcript file' },
  { bytes: ascii('GIF89a'), what: 'is a GIF image, not a text file', hint: 'Transcribe it, or give the transcript file' },
  ...[ascii('PK\u0003\u0004'), ascii('PK\u0005\u0006'), ascii('PK\u0007\u0008')].map((bytes) => ({
    bytes,
    what: 'is a ZIP archive (a Word, Excel or OpenDocument file, or a .zip), not a text file',
    hint: 'If it is a Word document, give it the .docx extension; otherwise save it as .docx or plain text',
  })),
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'is an old Office file (Word 97-2003 .doc or .xls)', hint: 'Open it in Word and save it as .docx or plain text' },
  { bytes: ascii('{\\rtf'), what: 'is an RTF document', hint: SAVE_AS_TEXT },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'is a program (ELF executable), not a text file', hint: 'Check the path' },
  { bytes: ascii('SQLite format 3\u0000'), what: 'is an SQLite database, not a text file', hint: 'Check the path; a telaah project is not an input' },
  { bytes: [0x1f, 0x8b], what: 'is a gzip archive, not a text file', hint: 'Decompress it first' },
  { bytes: [0xff, 0xfe, 0x00, 0x00], what: 'is UTF-32 text, which telaah does not read', hint: 'Re-save it as UTF-8' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], what: 'is UTF-32 text, which telaah does not read', hint: 'Re-save it as UTF-8' },
];

/** Decode a file's bytes to text, or throw InputError when they are empty or not text. */
export function decodeBytes(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new InputError('is empty', { file, hint: 'Check that this is the file you meant' });
  for (const sig of SIGNATURES) {
    if (startsWith(bytes, sig.bytes)) throw new InputError(sig.what, { file, hint: sig.hint });
  }
  const decoded =
    startsWith(bytes, [0xff, 0xfe]) ? decodeUtf16(bytes, 'utf-16le', file)
    : startsWith(bytes, [0xfe, 0xff]) ? decodeUtf16(bytes, 'utf-16be', file)
    : decodeUtf8OrWindows1252(bytes, file);
  if (!/\S/.test(decoded.text)) throw new InputError('is empty (only white space)', { file, hint: 'Check that this is the file you meant' });
  return decoded;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, warnings: [] };
  } catch {
    // Usually a file cut short (odd length) or a lone surrogate; keep what can be read and say so.
    return {
      text: new TextDecoder(encoding).decode(bytes),
      encoding,
      warnings: [`${file}: not valid ${encoding.toUpperCase()}; unreadable characters were replaced with \uFFFD. Re-save the file as UTF-8`],
    };
  }
}

function decodeUtf8OrWindows1252(bytes: Uint8Array, file: string): DecodedText {
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const { line, col } = locate(bytes, nul);
    throw new InputError(`looks like a binary file (it holds NUL bytes, the first at byte offset ${nul})`, {
      file,
      line,
      col,
      hint: looksLikeUtf16WithoutBom(bytes)
        ? 'It may be UTF-16 text without a byte-order mark: re-save it as UTF-8'
        : 'Give a text (.txt, .md), subtitle (.vtt, .srt), .csv or Word (.docx) file',
    });
  }
  let text: string | undefined;
  try {
    text = UTF8.decode(bytes);
  } catch {
    // Not UTF-8: one of the two fallbacks below, unless the bytes are binary.
  }
  // A control byte is a character of its own in UTF-8, so text without one comes from bytes without one:
  // the bytes are counted (a loop over them, 0.15 s of the 200 MB bench corpus) only when there is one.
  if (text === undefined || CONTROL.test(text)) refuseControlBytes(bytes, file);
  if (text !== undefined) return { text, encoding: 'utf-8', warnings: [] };
  const bad = firstInvalidUtf8(bytes);
  const { line, col } = locate(bytes, bad);
  const byte = `0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')}`;
  if (hasBom) {
    // The byte-order mark says UTF-8, so a bad byte is damage, not another encoding.
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      warnings: [`${file}:${line}:${col}: invalid UTF-8 (byte ${byte}) was replaced with \uFFFD; check the text around it`],
    };
  }
  return {
    text: decodeWindows1252(bytes),
    encoding: 'windows-1252',
    warnings: [
      `${file}:${line}:${col}: not valid UTF-8 (byte ${byte}), so the file was read as Windows-1252; if characters look wrong, re-save it as UTF-8`,
    ],
  };
}

/**
 * Windows-1252 as the WHATWG Encoding Standard defines it. Node 20's TextDecoder('windows-1252')
 * decodes ISO-8859-1 instead (0x92 → U+0092, not ’), so the 0x80–0x9F block is mapped here.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (ch) => WINDOWS_1252_80_9F[ch.charCodeAt(0) - 0x80]!);
}

/** 0x80–0x9F; the five bytes Windows-1252 leaves undefined map to the C1 control of the same value. */
const WINDOWS_1252_80_9F = [
  '\u20ac', '\u0081', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021',
  '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008d', '\u017d', '\u008f',
  '\u0090', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014',
  '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\u009d', '\u017e', '\u0178',
];

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const extra = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (extra === 0 || i + extra >= n) return i;
    // The second byte's range is narrower after E0, ED, F0, F4 (no overlongs, surrogates, > U+10FFFF).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const b1 = bytes[i + 1]!;
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= extra; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

/**
 * 1-based line and column (in characters, counting a UTF-8 sequence once) of byte `offset`. Lines end
 * at LF, CRLF or a lone CR, as in the canonical text the readers number their lines in.
 */
function locate(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i];
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    if ((b === 0x0a || b === 0x0d) && i < offset) {
      line++;
      lineStart = i + 1;
    }
  }
  let col = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) col++;
  return { line, col };
}

/** Text files are refused when these make up 1 in 100 of their first 64 KB (see controlBytes). */
function refuseControlBytes(bytes: Uint8Array, file: string): void {
  const control = controlBytes(bytes);
  if (control.count < 4 || control.count * 100 < control.sampled) return;
  // Compressed or encrypted data has no NUL often enough to pass the NUL check, but is full of these.
  const { line, col } = locate(bytes, control.first);
  throw new InputError(
    `looks like a binary file (${control.count} control bytes in its first ${control.sampled.toLocaleString('en')}, the first at byte offset ${control.first})`,
    { file, line, col, hint: 'Give a text (.txt, .md), subtitle (.vtt, .srt), .csv or Word (.docx) file' },
  );
}

/**
 * C0 control characters no text file holds: all but tab, the line ends, vertical tab and form feed that Word
 * writes, Ctrl-Z and ESC. Tested on the decoded text, and byte by byte (CONTROL_BYTE) by controlBytes.
 */
const CONTROL = /[\x00-\x08\x0e-\x19\x1c-\x1f]/;
/** CONTROL for each byte below 0x20 (1: a control byte). */
const CONTROL_BYTE = Uint8Array.from({ length: 0x20 }, (_, b) => (CONTROL.test(String.fromCharCode(b)) ? 1 : 0));
/** Reused: a decoder made per file showed in ingest's profile. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * CONTROL bytes in the first 64 KB: how many, and where the first is. A stray one in a real transcript
 * stays far below 1 in 100.
 */
function controlBytes(bytes: Uint8Array): { count: number; first: number; sampled: number } {
  const sampled = Math.min(bytes.length, 64 * 1024);
  let count = 0;
  let first = -1;
  for (let i = 0; i < sampled; i++) {
    const b = bytes[i]!;
    if (b >= 0x20 || CONTROL_BYTE[b] === 0) continue;
    count++;
    if (first < 0) first = i;
  }
  return { count, first, sampled };
}

/** UTF-16 of mostly-ASCII text has a NUL in every other byte. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  return Math.max(evenZeros, oddZeros) >= half * 0.6 && Math.min(evenZeros, oddZeros) <= half * 0.1;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}
