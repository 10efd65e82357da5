/**
 * Timestamps in speaker labels (`[00:01:02] Name:`, `Name (01:02):`): reading them, spotting text meant as one,
 * and the error for one that is malformed.
 */
import { InputError } from '../../errors.js';
import { countCodePoints } from '../text/code-points.js';

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

/** Whether s[from, to) is meant as a timestamp: it starts with a digit and holds a colon (label position only). */
// Letters are allowed so that typos like "00:7x:12" are reported instead of silently read as text.
export function looksLikeTimestamp(s: string, from: number, to: number): boolean {
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

/** The error for the malformed timestamp s[from, to), its column counted in code points from the line start. */
export function timestampError(s: string, lineStart: number, from: number, to: number, line: number): InputError {
  const col = countCodePoints(s, lineStart, from) + 1;
  return new InputError(`malformed timestamp "${s.slice(from, to)}": ${EXPECTED_TIME}`, {
    line,
    col,
    hint: 'fix the timestamp or remove it from the speaker label',
  });
}
