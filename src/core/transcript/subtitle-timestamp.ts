/**
 * Cue timing lines of WebVTT and SubRip, read by hand over char codes: these run once per cue in
 * files of tens of thousands of cues, so no regex and no substring per timestamp.
 */

/** A timing line read: start and end in milliseconds, or where (1-based column, in code points) and why it failed. */
export type TimingParse =
  | { ok: true; startMs: number; endMs: number }
  | { ok: false; col: number; expected: string };

const WEBVTT_TIMESTAMP = 'expected mm:ss.ttt or hh:mm:ss.ttt';
const SRT_TIMESTAMP = 'expected hh:mm:ss,mmm (or mm:ss,mmm)';
const ARROW = 'expected "-->" between the start and end times';
const BELOW_SIXTY = 'minutes and seconds must be below 60';
const TOO_LARGE = 'the time is too large';

const CH_0 = 48;
const CH_9 = 57;
const CH_COLON = 58;
const CH_DOT = 46;
const CH_COMMA = 44;
const CH_DASH = 45;
const CH_GT = 62;

function isDigit(code: number): boolean {
  return code >= CH_0 && code <= CH_9;
}

/** Space, tab and form feed: the whitespace that can appear inside one line of a subtitle file. */
function isLineSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 12;
}

function skipSpace(line: string, i: number): number {
  while (i < line.length && isLineSpace(line.charCodeAt(i))) i++;
  return i;
}

/** Scratch results of the digit scanner (one allocation per call would be waste on a hot path). */
let digitsValue = 0;
let digitsEnd = 0;

/** Reads a run of ASCII digits at i into digitsValue/digitsEnd; returns how many there were. */
function scanDigits(line: string, i: number): number {
  let value = 0;
  const start = i;
  while (i < line.length) {
    const code = line.charCodeAt(i);
    if (!isDigit(code)) break;
    value = value * 10 + (code - CH_0);
    i++;
  }
  digitsValue = value;
  digitsEnd = i;
  return i - start;
}

/** A timestamp scanned: milliseconds and the index after it, or a failure reason. */
interface Scanned {
  ms: number;
  end: number;
  error: string | null;
}

function failed(error: string): Scanned {
  return { ms: 0, end: 0, error };
}

/** The W3C "collect a WebVTT timestamp" algorithm, starting at index i of line. */
function scanWebVttTimestamp(line: string, i: number): Scanned {
  if (i >= line.length || !isDigit(line.charCodeAt(i))) return failed(WEBVTT_TIMESTAMP);
  const len1 = scanDigits(line, i);
  let value1 = digitsValue;
  i = digitsEnd;
  const hoursFirst = len1 !== 2 || value1 > 59;
  if (i >= line.length || line.charCodeAt(i) !== CH_COLON) return failed(WEBVTT_TIMESTAMP);
  i++;
  if (scanDigits(line, i) !== 2) return failed(WEBVTT_TIMESTAMP);
  let value2 = digitsValue;
  i = digitsEnd;
  let value3: number;
  if (hoursFirst || (i < line.length && line.charCodeAt(i) === CH_COLON)) {
    if (i >= line.length || line.charCodeAt(i) !== CH_COLON) return failed(WEBVTT_TIMESTAMP);
    i++;
    if (scanDigits(line, i) !== 2) return failed(WEBVTT_TIMESTAMP);
    value3 = digitsValue;
    i = digitsEnd;
  } else {
    value3 = value2;
    value2 = value1;
    value1 = 0;
  }
  if (i >= line.length || line.charCodeAt(i) !== CH_DOT) return failed(WEBVTT_TIMESTAMP);
  i++;
  if (scanDigits(line, i) !== 3) return failed(WEBVTT_TIMESTAMP);
  const value4 = digitsValue;
  i = digitsEnd;
  if (value2 > 59 || value3 > 59) return failed(BELOW_SIXTY);
  const ms = value1 * 3_600_000 + value2 * 60_000 + value3 * 1000 + value4;
  if (!Number.isSafeInteger(ms)) return failed(TOO_LARGE);
  return { ms, end: i, error: null };
}

/**
 * A SubRip timecode as ExoPlayer reads it, `(?:(\d+):)?(\d+):(\d+)(?:,(\d+))?`, plus '.' as the
 * fraction separator. The fraction is read as a decimal fraction (",5" = 500 ms) where ExoPlayer
 * would add 5 ms; the two agree on the usual three digits.
 */
function scanSrtTimestamp(line: string, i: number): Scanned {
  const parts = [0, 0, 0];
  let count = 0;
  for (;;) {
    if (scanDigits(line, i) === 0) return failed(SRT_TIMESTAMP);
    if (count === 3) return failed(SRT_TIMESTAMP);
    parts[count++] = digitsValue;
    i = digitsEnd;
    if (i < line.length && line.charCodeAt(i) === CH_COLON) i++;
    else break;
  }
  if (count < 2) return failed(SRT_TIMESTAMP);
  const [a = 0, b = 0, c = 0] = parts;
  let ms = count === 3 ? a * 3_600_000 + b * 60_000 + c * 1000 : a * 60_000 + b * 1000;
  const sep = i < line.length ? line.charCodeAt(i) : -1;
  if (sep === CH_COMMA || sep === CH_DOT) {
    const start = i + 1;
    const len = scanDigits(line, start);
    if (len === 0) return failed(SRT_TIMESTAMP);
    // Only the first three digits count: 1 → hundreds, 2 → tens, 3 → ms, more → truncated.
    let fraction = 0;
    for (let k = 0; k < 3; k++) {
      const code = k < len ? line.charCodeAt(start + k) : CH_0;
      fraction = fraction * 10 + (code - CH_0);
    }
    ms += fraction;
    i = digitsEnd;
  }
  if (!Number.isSafeInteger(ms)) return failed(TOO_LARGE);
  return { ms, end: i, error: null };
}

type Scanner = (line: string, i: number) => Scanned;

/** Column (1-based, in code points) of index i of line. */
function columnAt(line: string, i: number): number {
  let col = 1;
  for (let k = 0; k < i && k < line.length; k++) {
    const code = line.charCodeAt(k);
    // A high surrogate and its low half are one code point.
    if (code >= 0xd800 && code <= 0xdbff && k + 1 < i) k++;
    col++;
  }
  return col;
}

/** A timing line read with UTF-16 indexes: where the end time stops, or where the failure is. */
type RawTiming = { ok: true; startMs: number; endMs: number; rest: number } | { ok: false; index: number; expected: string };

/** start --> end with optional space around the arrow; what follows the end time is left to the caller. */
function parseTiming(line: string, scan: Scanner): RawTiming {
  let i = skipSpace(line, 0);
  const start = scan(line, i);
  // Errors point at the start of the offending timestamp: that is where the user has to look.
  if (start.error !== null) return { ok: false, index: i, expected: start.error };
  i = skipSpace(line, start.end);
  if (line.charCodeAt(i) !== CH_DASH || line.charCodeAt(i + 1) !== CH_DASH || line.charCodeAt(i + 2) !== CH_GT) {
    return { ok: false, index: i, expected: ARROW };
  }
  i = skipSpace(line, i + 3);
  const end = scan(line, i);
  if (end.error !== null) return { ok: false, index: i, expected: end.error };
  return { ok: true, startMs: start.ms, endMs: end.ms, rest: end.end };
}

/**
 * Reads a WebVTT cue timing line (W3C "collect WebVTT cue timings and settings"); cue settings after
 * the end time are accepted and ignored, as the spec parses them without failing the cue.
 */
export function parseWebVttTiming(line: string): TimingParse {
  const timing = parseTiming(line, scanWebVttTimestamp);
  if (!timing.ok) return { ok: false, col: columnAt(line, timing.index), expected: timing.expected };
  return { ok: true, startMs: timing.startMs, endMs: timing.endMs };
}

/**
 * Reads a SubRip timing line: ExoPlayer's pattern `\s*TC\s*-->\s*TC\s*`, plus trailing position
 * hints (`X1:40 X2:600 …`) after whitespace, which some tools write and ExoPlayer would reject.
 */
export function parseSrtTiming(line: string): TimingParse {
  const timing = parseTiming(line, scanSrtTimestamp);
  if (!timing.ok) return { ok: false, col: columnAt(line, timing.index), expected: timing.expected };
  const rest = timing.rest;
  if (rest < line.length && !isLineSpace(line.charCodeAt(rest))) {
    return { ok: false, col: columnAt(line, rest), expected: SRT_TIMESTAMP };
  }
  return { ok: true, startMs: timing.startMs, endMs: timing.endMs };
}
