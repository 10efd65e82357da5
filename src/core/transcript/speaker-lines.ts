/**
 * Speaker-turn transcripts in plain text: `Name: text`, `[00:01:02] Name: text`, `Name [00:01:02]: text`,
 * `00:01:02 Name: text`, `**Name:** text`, `Name:` alone with the words below, and QualCoder's `[id1] text`.
 */
import { InputError } from '../../errors.js';
import { isMarkdownHeading } from './paragraphs.js';
import type { ReadWarning, TurnDraft } from './types.js';

const EXPECTED_TIME = 'expected hh:mm:ss, h:mm:ss or mm:ss, with optional .mmm milliseconds (e.g. 00:01:02.500)';

/** Milliseconds for `hh:mm:ss`, `h:mm:ss` or `mm:ss` with an optional `.mmm`/`,mmm` fraction; null when malformed. */
export function parseTimestamp(value: string): number | null {
  const m = TIMESTAMP_RE.exec(value.trim());
  if (m === null) return null;
  const hours = m[1] === undefined ? 0 : Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  // Minutes may run past 59 only when there is no hour part (a 75-minute recording written as 75:30).
  if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return null;
  const fraction = m[4] === undefined ? 0 : Number(m[4].padEnd(3, '0'));
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction;
}

const TIMESTAMP_RE = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?$/;

// A word of a speaker name: starts with a letter; letters, combining marks, digits, apostrophes, hyphens and the
// dot of "Dr." / "Hj." may follow. Later words may also be a bare number ("Peneliti 1").
const NAME_RE = /\p{L}[\p{L}\p{M}\p{N}'’.\-]*(?:[ \t]+(?:\p{L}[\p{L}\p{M}\p{N}'’.\-]*|\p{N}+)){0,3}/uy;

const HONORIFICS = new Set([
  'bu', 'ibu', 'pak', 'bapak', 'bpk', 'mas', 'mbak', 'mba', 'kak', 'bang', 'abang', 'dik', 'adik', 'om', 'tante',
  'sdr', 'sdri', 'saudara', 'saudari', 'hj', 'h', 'haji', 'hajjah', 'dr', 'drs', 'dra', 'prof', 'ir', 'kang',
  'teh', 'uda', 'uni', 'ustadz', 'ustaz', 'ustadzah', 'mr', 'mrs', 'ms', 'miss', 'mx',
]);

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

interface Label {
  name: string;
  /** NaN for a malformed timestamp: an error only if the label is taken (prose labels are not). */
  startMs: number | null;
  error: InputError | null;
  /** Names seen lately: a transcript repeats a handful of them, so most lines need no new string. */
  recent: string[];
}

// Whether a label name starts turns: always (known, or seen twice), never (prose), or only with a timestamp.
const ALWAYS = 0;
const NEVER = 1;
const WITH_TIME = 2;

/** Speaker turns of a plain-text transcript whose first line is `firstLine` of the original file. */
export function parseSpeakerLines(
  body: string,
  firstLine: number,
  options: { knownSpeakers?: readonly string[] } = {},
): { turns: TurnDraft[]; warnings: ReadWarning[] } {
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;

  // Pass 1: every line-start label candidate (kept in parallel arrays: big files have one per line).
  const candLine: number[] = [];
  const candName: string[] = [];
  const candMs: (number | null)[] = [];
  const candTextStart: number[] = [];
  const label: Label = { name: '', startMs: null, error: null, recent: [] };
  const errors = new Map<number, InputError>();
  let lineIndex = 0;
  for (let start = 0; start <= text.length; lineIndex++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const textStart = scanLine(text, start, end, firstLine + lineIndex, label);
    if (textStart >= 0) {
      if (label.error !== null) errors.set(candLine.length, label.error);
      candLine.push(lineIndex);
      candName.push(label.name);
      candMs.push(label.startMs);
      candTextStart.push(textStart);
    }
    start = end + 1;
  }
  const verdicts = judgeNames(candName, options.knownSpeakers ?? []);

  // Pass 2: split the lines into turns at the accepted labels.
  const turns: TurnDraft[] = [];
  const warnings: ReadWarning[] = [];
  let turn: TurnDraft | null = null;
  let first: string | null = null;
  let more: string[] | null = null;
  const finish = (): void => {
    if (turn === null) return;
    if (first !== null) {
      turn.text = more === null ? first : `${first}\n${more.join('\n')}`;
      turns.push(turn);
    } else if (turn.speaker !== null) {
      warnings.push({ line: turn.line, message: `speaker label "${turn.speaker}" has no text; it was skipped` });
    }
    turn = null;
    first = null;
    more = null;
  };

  let next = 0;
  lineIndex = 0;
  for (let start = 0; start <= text.length; lineIndex++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let textStart = start;
    if (candLine[next] === lineIndex) {
      const name = candName[next] as string;
      const startMs = candMs[next] as number | null;
      const verdict = verdicts.get(name);
      const error = errors.get(next);
      if (error !== undefined && verdict !== NEVER) throw error;
      if (verdict === ALWAYS || (verdict === WITH_TIME && startMs !== null)) {
        finish();
        turn = { speaker: name, text: '', startMs, endMs: null, line: firstLine + lineIndex };
        textStart = candTextStart[next] as number;
      }
      next++;
    }
    let a = textStart;
    let b = end;
    while (a < b && isTrimmable(text.charCodeAt(a))) a++;
    while (b > a && isTrimmable(text.charCodeAt(b - 1))) b--;
    // Markdown headings are titles and section marks, not anyone's words.
    if (a < b && !(textStart === start && text.charCodeAt(a) === 0x23 && isMarkdownHeading(text.slice(a, b)))) {
      const line = text.slice(a, b);
      if (turn === null) turn = { speaker: null, text: '', startMs: null, endMs: null, line: firstLine + lineIndex };
      if (first === null) first = line;
      else if (more === null) more = [line];
      else more.push(line);
    }
    start = end + 1;
  }
  finish();
  return { turns, warnings };
}

/** For each label name: starts turns always (known or occurring twice), never (prose), or with a timestamp only. */
function judgeNames(names: string[], knownSpeakers: readonly string[]): Map<string, number> {
  const known = new Set(knownSpeakers.map(speakerKey));
  const keys = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const name of names) {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = speakerKey(name)));
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

/**
 * Where the text after a line-start label begins (name, time and a malformed time's error put in `out`), or -1 when
 * the line [start, end) has no label. An out-parameter, not a new object per line.
 */
function scanLine(s: string, start: number, end: number, lineNo: number, out: Label): number {
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

function timestampError(s: string, lineStart: number, from: number, to: number, line: number): InputError {
  const col = countCodePoints(s, lineStart, from) + 1;
  return new InputError(`malformed timestamp "${s.slice(from, to)}": ${EXPECTED_TIME}`, {
    line,
    col,
    hint: 'fix the timestamp or remove it from the speaker label',
  });
}

// Anything starting with a digit and holding a colon in label position is meant as a time; letters are allowed so
// that typos like "00:7x:12" are reported instead of silently read as text.
function looksLikeTimestamp(s: string, from: number, to: number): boolean {
  if (to - from < 3 || to - from > 16) return false;
  const c0 = s.charCodeAt(from);
  if (c0 < 0x30 || c0 > 0x39) return false;
  let colon = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3a) colon = true;
    else if (!((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2c || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a))) {
      return false;
    }
  }
  return colon;
}

/** How labels are compared: lower case, single spaces, no leading honorifics ("Ibu Hj. Nurhaliza" → "nurhaliza"). */
function speakerKey(name: string): string {
  const words = name.toLowerCase().trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && HONORIFICS.has((words[i] as string).replace(/\.$/, ''))) i++;
  return words.slice(i).join(' ');
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

// Exactly what String.prototype.trim removes, so trimmed lines stay substrings of the input.
function isTrimmable(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0;
}

function skipSpaces(s: string, p: number, end: number): number {
  while (p < end && isSpace(s.charCodeAt(p))) p++;
  return p;
}

function countCodePoints(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}
