/**
 * Speaker labels at line starts of plain-text transcripts: finding candidate labels, comparing names without
 * honorifics, and telling people from prose ("Catatan:", "Jadi begini:").
 */
import type { InputError } from '../../errors.js';
import { labelKey } from '../honorifics.js';
import { looksLikeTimestamp, parseTimestamp, timestampError } from './label-timestamp.js';

// A word of a speaker name: starts with a letter; letters, combining marks, digits, apostrophes, hyphens and the
// dot of "Dr." / "Hj." may follow. Later words may also be a bare number ("Peneliti 1").
const NAME_RE = /\p{L}[\p{L}\p{M}\p{N}'’.\-]*(?:[ \t]+(?:\p{L}[\p{L}\p{M}\p{N}'’.\-]*|\p{N}+)){0,3}/uy;

// Words that end in a colon at the start of prose lines often enough to repeat in one file ("Catatan:",
// "Contohnya:"), and bracketed transcription remarks ("[tertawa]"). They are never speakers unless known.
const NOT_SPEAKERS = new Set([
  'catatan', 'note', 'notes', 'nb', 'n.b', 'ps', 'p.s', 'contoh', 'contohnya', 'misalnya', 'misal', 'yaitu',
  'yakni', 'ialah', 'adalah', 'keterangan', 'ket', 'sumber', 'lihat', 'tautan', 'link', 'url', 'http', 'https',
  'ftp', 'mailto', 'email', 'alamat', 'perihal', 'penting', 'intinya', 'artinya', 'maksudnya', 'pokoknya',
  'kesimpulan', 'ringkasan', 'tambahan', 'info', 'informasi', 'begini', 'gini', 'example', 'e.g', 'i.e', 'see',
  'source', 'summary', 'important', 'warning', 'tip', 'edit', 'update', 'fyi', 'inaudible', 'laughs', 'laughter',
  'laughing', 'crosstalk', 'pause', 'silence', 'music', 'applause', 'noise', 'unclear', 'tertawa', 'ketawa',
  'jeda', 'hening', 'diam', 'musik', 'batuk', 'tidak jelas', 'tidak terdengar', 'suara tidak jelas', 'tepuk tangan',
]);

// First words of sentences, never of names; "Jadi begini:" and "Tapi yang penting:" are prose.
const PROSE_STARTS = new Set([
  'jadi', 'tapi', 'tetapi', 'namun', 'dan', 'atau', 'kalau', 'karena', 'sebab', 'yang', 'jika', 'maka', 'lalu',
  'kemudian', 'terus', 'nah', 'saya', 'aku', 'kami', 'kita', 'ini', 'itu', 'dia', 'mereka', 'seperti', 'pada',
  'untuk', 'dari', 'di', 'ke', 'dengan', 'so', 'but', 'and', 'or', 'if', 'because', 'then', 'the', 'well', 'my',
  'our', 'this', 'that', 'i', 'we',
]);

/** A line-start label found by `scanLine`, reused from line to line. */
export interface Label {
  name: string;
  /** NaN for a malformed timestamp: an error only if the label is taken (prose labels are not). */
  startMs: number | null;
  error: InputError | null;
  /** Names seen lately: a transcript repeats a handful of them, so most lines need no new string. */
  recent: string[];
}

/** Whether a label name starts turns: always (known, or seen twice), never (prose), or only with a timestamp. */
export const ALWAYS = 0;
export const NEVER = 1;
export const WITH_TIME = 2;

/** For each label name: starts turns always (known or occurring twice), never (prose), or with a timestamp only. */
export function judgeNames(names: string[], knownSpeakers: readonly string[]): Map<string, number> {
  const known = new Set(knownSpeakers.map(rememberedLabelKey));
  const keys = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const name of names) {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = rememberedLabelKey(name)));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const verdicts = new Map<string, number>();
  for (const [name, key] of keys) {
    if (known.has(key)) verdicts.set(name, ALWAYS);
    else if (isProseLabel(name)) verdicts.set(name, NEVER);
    else verdicts.set(name, (counts.get(key) ?? 0) >= 2 ? ALWAYS : WITH_TIME);
  }
  return verdicts;
}

/** Labels whose keys are remembered, at most: a run has a handful of labels, but a file could bring many. */
const REMEMBERED_KEYS = 10_000;
const rememberedKeys = new Map<string, string>();

/** labelKey, remembered across files: each file's labels are judged against the same known speakers (~60 keys a file). */
function rememberedLabelKey(label: string): string {
  let key = rememberedKeys.get(label);
  if (key === undefined) {
    if (rememberedKeys.size >= REMEMBERED_KEYS) rememberedKeys.clear();
    rememberedKeys.set(label, (key = labelKey(label)));
  }
  return key;
}

/**
 * Where the text after a line-start label begins (name, time and a malformed time's error put in `out`), or -1 when
 * the line [start, end) has no label. An out-parameter, not a new object per line.
 */
export function scanLine(s: string, start: number, end: number, lineNo: number, out: Label): number {
  let p = skipSpaces(s, start, end);
  if (p >= end) return -1;
  const first = s.charCodeAt(p);
  // Cheap exit for most continuation lines: a label needs a colon early in the line or a leading bracket.
  if (first !== 0x5b && first !== 0x28 && findChar(s, 0x3a, p, Math.min(end, p + 160)) < 0) return -1;
  let tsStart = -1;
  let tsEnd = -1;
  if (first === 0x5b || first === 0x28) {
    const close = findChar(s, first === 0x5b ? 0x5d : 0x29, p + 1, Math.min(end, p + 64));
    if (close < 0) return -1;
    if (looksLikeTimestamp(s, p + 1, close)) {
      tsStart = p + 1;
      tsEnd = close;
      p = close + 1;
      if (p >= end || !isSpace(s.charCodeAt(p))) return -1;
      p = skipSpaces(s, p, end);
    } else {
      return first === 0x5b ? scanBracketLabel(s, p + 1, close, end, out) : -1;
    }
  } else if (first >= 0x30 && first <= 0x39) {
    let q = p;
    while (q < end && !isSpace(s.charCodeAt(q))) q++;
    if (q >= end || !looksLikeTimestamp(s, p, q)) return -1;
    tsStart = p;
    tsEnd = q;
    p = skipSpaces(s, q, end);
  }

  if (tsStart < 0) {
    const below = scanTimedNameLine(s, p, end, out);
    if (below >= 0) return below;
  }
  let bold = s.startsWith('**', p);
  if (bold) p += 2;
  NAME_RE.lastIndex = p;
  if (!NAME_RE.test(s)) return -1;
  const nameStart = p;
  p = NAME_RE.lastIndex;
  const nameEnd = p;
  if (bold && s.startsWith('**', p)) {
    bold = false;
    p += 2;
  }
  p = skipSpaces(s, p, end);
  const open = s.charCodeAt(p);
  if (tsStart < 0 && (open === 0x5b || open === 0x28)) {
    const close = findChar(s, open === 0x5b ? 0x5d : 0x29, p + 1, Math.min(end, p + 20));
    if (close < 0 || !looksLikeTimestamp(s, p + 1, close)) return -1;
    tsStart = p + 1;
    tsEnd = close;
    p = skipSpaces(s, close + 1, end);
  }
  if (bold && s.startsWith('**', p)) {
    bold = false;
    p += 2;
  }
  if (s.charCodeAt(p) !== 0x3a) return -1;
  p++;
  if (bold && s.startsWith('**', p)) p += 2;
  if (p < end && !isSpace(s.charCodeAt(p))) return -1;

  out.name = sliceName(s, nameStart, nameEnd, out.recent);
  out.startMs = null;
  out.error = null;
  if (tsStart >= 0) {
    out.startMs = parseTimestamp(s.slice(tsStart, tsEnd)) ?? Number.NaN;
    if (Number.isNaN(out.startMs)) out.error = timestampError(s, start, tsStart, tsEnd, lineNo);
  }
  return p;
}

const WHOLE_NAME_RE = new RegExp(`^(?:${NAME_RE.source})$`, 'u');

/**
 * Otter's and Zoom's `Name  0:10` (two spaces or a tab, then m:ss or h:mm:ss, then nothing) on a line of its own;
 * the turn's words are on the lines below, so the text starts at the line's end. -1 when the line is not one.
 */
function scanTimedNameLine(s: string, p: number, end: number, out: Label): number {
  let e = end;
  while (e > p && isSpace(s.charCodeAt(e - 1))) e--;
  let t = e;
  while (t > p && isTimeChar(s.charCodeAt(t - 1))) t--;
  if (t === e || !looksLikeTimestamp(s, t, e)) return -1;
  let g = t;
  while (g > p && (s.charCodeAt(g - 1) === 0x20 || s.charCodeAt(g - 1) === 0x09)) g--;
  if (g === p || (t - g < 2 && s.charCodeAt(g) !== 0x09)) return -1;
  const ms = parseTimestamp(s.slice(t, e));
  // A name is at most four words (NAME_RE); a malformed time means this is not such a line, not an error.
  if (ms === null || !WHOLE_NAME_RE.test(s.slice(p, g))) return -1;
  out.name = sliceName(s, p, g, out.recent);
  out.startMs = ms;
  out.error = null;
  return end;
}

function isTimeChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x2e || c === 0x2c;
}

/** QualCoder's `[id1] text` (or `[id1]: text`): a name filling the brackets, then a space or the line's end. */
function scanBracketLabel(s: string, from: number, close: number, end: number, out: Label): number {
  const a = skipSpaces(s, from, close);
  NAME_RE.lastIndex = a;
  if (!NAME_RE.test(s) || NAME_RE.lastIndex > close || skipSpaces(s, NAME_RE.lastIndex, close) !== close) return -1;
  const nameEnd = NAME_RE.lastIndex;
  let p = close + 1;
  if (s.charCodeAt(p) === 0x3a) p++;
  if (p < end && !isSpace(s.charCodeAt(p))) return -1;
  out.name = sliceName(s, a, nameEnd, out.recent);
  out.startMs = null;
  out.error = null;
  return p;
}

function sliceName(s: string, from: number, to: number, recent: string[]): string {
  for (const name of recent) if (name.length === to - from && s.startsWith(name, from)) return name;
  const name = s.slice(from, to);
  if (recent.length >= 8) recent.pop();
  recent.unshift(name);
  return name;
}


/** True for labels that are prose, not people ("Catatan", "Jadi begini"); they start turns only when known. */
export function isProseLabel(name: string): boolean {
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (NOT_SPEAKERS.has(lower)) return true;
  const space = lower.search(/[ \t]/);
  return space > 0 && PROSE_STARTS.has(lower.slice(0, space));
}

// Bounded, unlike indexOf: a line without the character must not make us scan the rest of a large file.
function findChar(s: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === c) return i;
  return -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0;
}

function skipSpaces(s: string, p: number, end: number): number {
  while (p < end && isSpace(s.charCodeAt(p))) p++;
  return p;
}
