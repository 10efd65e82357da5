/**
 * SubRip (.srt) → cues. SubRip has no specification; this follows ExoPlayer's SubripDecoder
 * (blank lines skipped, a sequence number, a timing line, text up to the next blank line, the last
 * cue cut short by the end of the file) with two deliberate differences, both to keep speech:
 * a cue whose sequence number is missing is kept (ExoPlayer drops it), and a timing line may carry
 * trailing position hints. Whatever lenient mode skips, strict mode reports as an InputError.
 */
import { InputError } from '../../errors.js';
import type { Cue, SubtitleParse, SubtitleParseOptions } from './parse-webvtt.js';
import { parseSrtTiming } from './subtitle-timestamp.js';

const LENIENT_HINT = 'Fix the cue, or run with --lenient to skip such cues';

/** Cuts a line for quoting in a message. */
function quote(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}

/** Whether a trimmed line is a cue sequence number. */
function isSequenceNumber(line: string): boolean {
  if (line.length === 0 || line.length > 15) return false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Whitespace-only lines separate cues too: ExoPlayer would glue them into the text, editors show them as blank. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code !== 32 && code !== 9 && code !== 12) return false;
  }
  return true;
}

/** Whether a line is meant as a timing line (has an arrow, or opens with a time), to word messages. */
function looksLikeTiming(line: string): boolean {
  return line.includes('-->') || /^\s*-?\d+:\d/.test(line);
}

/** Line reader over LF-only text. */
class Lines {
  private pos = 0;
  /** 1-based number of the line the next read returns. */
  lineNo = 1;

  constructor(private readonly text: string) {}

  /** The next line, or null at the end of the text. */
  next(): string | null {
    const { text } = this;
    // A final line break ends the last line; it does not open an empty one.
    if (this.pos > text.length || (this.pos === text.length && this.pos > 0)) return null;
    let end = text.indexOf('\n', this.pos);
    if (end === -1) end = text.length;
    const line = text.slice(this.pos, end);
    this.pos = end + 1;
    this.lineNo++;
    return line;
  }

  /** Skips the rest of a block: lines up to and including the next blank line. */
  skipBlock(): void {
    for (let line = this.next(); line !== null && !isBlank(line); line = this.next());
  }
}

/** Parses a SubRip file into cues; see the file comment for what is accepted and what is skipped. */
export function parseSrt(input: string, options: SubtitleParseOptions): SubtitleParse {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const result: SubtitleParse = { cues: [], warnings: [] };
  const lines = new Lines(text);

  const skip = (message: string, line: number, col: number): void => {
    if (options.strict) throw new InputError(message, { line, col, hint: LENIENT_HINT });
    result.warnings.push({ line, col, message: `${message}; skipped` });
    lines.skipBlock();
  };

  for (let line = lines.next(); line !== null; line = lines.next()) {
    if (isBlank(line)) continue;
    let lineNo = lines.lineNo - 1;
    let id = '';
    let timingLine = line;
    const trimmed = line.trim();
    if (isSequenceNumber(trimmed)) {
      id = trimmed;
      const next = lines.next();
      if (next === null) {
        result.warnings.push({ line: lineNo, message: `the file ends after cue number ${id}, before its timing line` });
        break;
      }
      lineNo++;
      if (isBlank(next)) {
        result.warnings.push({ line: lineNo - 1, message: `cue number ${id} is followed by a blank line instead of a timing line` });
        continue;
      }
      timingLine = next;
    } else if (!looksLikeTiming(line)) {
      skip(`text ${quote(line)} is outside any cue: expected a cue number or a timing line "hh:mm:ss,mmm --> hh:mm:ss,mmm"`, lineNo, 1);
      continue;
    }
    const timing = parseSrtTiming(timingLine);
    if (!timing.ok) {
      const malformed = looksLikeTiming(timingLine);
      const message = malformed
        ? `malformed cue timing ${quote(timingLine)}: ${timing.expected}`
        : `cue ${id} has no timing line: expected "hh:mm:ss,mmm --> hh:mm:ss,mmm" after the cue number, got ${quote(timingLine)}`;
      skip(message, lineNo, malformed ? timing.col : 1);
      continue;
    }
    let payload = '';
    for (let textLine = lines.next(); textLine !== null && !isBlank(textLine); textLine = lines.next()) {
      payload = payload === '' ? textLine : `${payload}\n${textLine}`;
    }
    const cue: Cue = { id, startMs: timing.startMs, endMs: timing.endMs, text: payload, line: lineNo };
    if (cue.endMs < cue.startMs) {
      result.warnings.push({ line: lineNo, message: `cue ends (${cue.endMs} ms) before it starts (${cue.startMs} ms)` });
    }
    result.cues.push(cue);
  }
  return result;
}
