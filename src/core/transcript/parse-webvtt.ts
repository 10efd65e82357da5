/**
 * WebVTT → cues, following the W3C WebVTT parser (https://www.w3.org/TR/webvtt1/#file-parsing):
 * signature, header, then blocks collected line by line, where a line holding "-->" is a timing
 * line when it is the first or second line of a block and otherwise starts the next block.
 */
import { InputError } from '../../errors.js';
import { parseWebVttTiming } from './subtitle-timestamp.js';
import type { ReadWarning } from './types.js';

/** One subtitle cue as written: raw payload lines joined with '\n', markup kept (as vtt.js gives it). */
export interface Cue {
  /** The cue identifier (WebVTT) or sequence number (SRT); '' when absent. */
  id: string;
  startMs: number;
  endMs: number;
  text: string;
  /** 1-based line of the cue's timing line. */
  line: number;
}

/** How forgiving a subtitle reader is: strict throws where lenient drops a cue with a warning. */
export interface SubtitleParseOptions {
  strict: boolean;
}

/** Cues in file order and the remarks about what was dropped or odd. */
export interface SubtitleParse {
  cues: Cue[];
  warnings: ReadWarning[];
}

/** A WebVTT parse also carries the `Key: value` lines of the header (`Language: id`), keys lower-cased. */
export interface WebVttParse extends SubtitleParse {
  header: Record<string, string>;
}

const LENIENT_HINT = 'Fix the timing, or run with --lenient to skip such cues';
const SIGNATURE_RULE = 'the first line must be "WEBVTT", optionally followed by a space or tab and more text';

/** Where the block scanner stands: index into the LF-only text and the 1-based number of that line. */
interface Cursor {
  text: string;
  pos: number;
  lineNo: number;
}

/** Cuts a line for quoting in a message. */
function quote(line: string): string {
  return JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
}

/** The input with the BOM dropped, CR and CRLF turned into LF and NUL into U+FFFD (W3C preprocessing). */
function prepareText(input: string): string {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\0')) text = text.replaceAll('\0', '\uFFFD');
  return text;
}

/** Throws unless the text opens with the WebVTT signature, saying what the first line holds instead. */
function checkSignature(text: string): void {
  if (text.startsWith('WEBVTT') && (text.length === 6 || ' \t\n'.includes(text[6]!))) return;
  const newline = text.indexOf('\n');
  const first = newline === -1 ? text : text.slice(0, newline);
  const got = first === '' ? (text.length === 0 ? 'the file is empty' : 'it is blank') : `it is ${quote(first)}`;
  let hint: string | undefined;
  if (first.trim() === 'WEBVTT' || first.trim().startsWith('WEBVTT ')) hint = 'Remove the whitespace before WEBVTT';
  else if (first.trim() === '' && /^\s*WEBVTT/.test(text)) hint = 'Remove the blank lines before WEBVTT';
  else if (first.toUpperCase().startsWith('WEBVTT')) hint = 'Write WEBVTT in capitals, followed by a line break, space or tab';
  else if (/^\d+\n[^\n]*-->[^\n]*,/.test(text.slice(0, 200))) hint = 'This looks like a SubRip file: give it the .srt extension';
  throw new InputError(`not a WebVTT file: ${SIGNATURE_RULE}, but ${got}`, { line: 1, col: 1, hint });
}

/** Whether a discarded block is one the format means to be ignored (comment, style sheet, region). */
function isKnownNonCueBlock(firstLine: string): boolean {
  for (const word of ['NOTE', 'STYLE', 'REGION']) {
    if (firstLine.startsWith(word) && (firstLine.length === word.length || ' \t'.includes(firstLine[word.length]!))) {
      return true;
    }
  }
  return false;
}

/** Reads `Key: value` header lines into a record (lower-cased keys; first value wins). */
function readHeaderLines(lines: string, header: Record<string, string>): void {
  for (const line of lines.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    // `__proto__` would set the record's prototype rather than a key.
    if (key !== '' && key !== '__proto__' && value !== '' && !Object.hasOwn(header, key)) header[key] = value;
  }
}

/**
 * The W3C "collect a WebVTT block" step. Returns the collected non-timing lines when the block is
 * not a cue (the header's lines, a comment, or junk), and pushes a cue when it is one.
 */
function collectBlock(cursor: Cursor, inHeader: boolean, result: WebVttParse, options: SubtitleParseOptions): void {
  const { text } = cursor;
  const blockLine = cursor.lineNo;
  let lineCount = 0;
  let previousPos = cursor.pos;
  let previousLineNo = cursor.lineNo;
  let buffer = '';
  let firstLine: string | null = null;
  let seenArrow = false;
  let cue: Cue | null = null;
  for (;;) {
    const lineNo = cursor.lineNo;
    let end = text.indexOf('\n', cursor.pos);
    const seenEof = end === -1;
    if (seenEof) end = text.length;
    const line = text.slice(cursor.pos, end);
    cursor.pos = end + 1;
    if (!seenEof) cursor.lineNo++;
    lineCount++;
    if (line.includes('-->')) {
      if (!inHeader && (lineCount === 1 || (lineCount === 2 && !seenArrow))) {
        seenArrow = true;
        previousPos = cursor.pos;
        previousLineNo = cursor.lineNo;
        const timing = parseWebVttTiming(line);
        if (timing.ok) {
          cue = { id: buffer, startMs: timing.startMs, endMs: timing.endMs, text: '', line: lineNo };
          buffer = '';
        } else {
          const { col } = timing;
          const message = `malformed cue timing ${quote(line)}: ${timing.expected}`;
          if (options.strict) throw new InputError(message, { line: lineNo, col, hint: LENIENT_HINT });
          result.warnings.push({ line: lineNo, col, message: `${message}; cue skipped` });
        }
      } else {
        // This line starts the next block (cues need no blank line between them).
        cursor.pos = previousPos;
        cursor.lineNo = previousLineNo;
        break;
      }
    } else if (line === '') {
      break;
    } else {
      if (firstLine === null) firstLine = line;
      buffer = buffer === '' ? line : `${buffer}\n${line}`;
      previousPos = cursor.pos;
      previousLineNo = cursor.lineNo;
    }
    if (seenEof) break;
  }
  if (cue !== null) {
    cue.text = buffer;
    if (cue.endMs < cue.startMs) {
      result.warnings.push({ line: cue.line, message: `cue ends (${cue.endMs} ms) before it starts (${cue.startMs} ms)` });
    }
    result.cues.push(cue);
  } else if (inHeader) {
    readHeaderLines(buffer, result.header);
  } else if (!seenArrow && firstLine !== null && !isKnownNonCueBlock(firstLine)) {
    const message = `block ${quote(firstLine)} has no cue timing line ("mm:ss.ttt --> mm:ss.ttt") and is not a NOTE, STYLE or REGION block`;
    if (options.strict) {
      throw new InputError(message, { line: blockLine, col: 1, hint: 'Add the timing line, or run with --lenient to skip such blocks' });
    }
    result.warnings.push({ line: blockLine, col: 1, message: `${message}; skipped` });
  }
}

/** Skips a run of line breaks (blank lines between blocks). */
function skipNewlines(cursor: Cursor): void {
  while (cursor.pos < cursor.text.length && cursor.text.charCodeAt(cursor.pos) === 10) {
    cursor.pos++;
    cursor.lineNo++;
  }
}

/** Parses a WebVTT file into cues; throws InputError for a bad signature and, when strict, for bad cues. */
export function parseWebVtt(input: string, options: SubtitleParseOptions): WebVttParse {
  const text = prepareText(input);
  checkSignature(text);
  const result: WebVttParse = { cues: [], warnings: [], header: {} };
  const cursor: Cursor = { text, pos: 6, lineNo: 1 };
  // The rest of the signature line (`WEBVTT - title`) and its line break.
  const lineEnd = text.indexOf('\n', cursor.pos);
  if (lineEnd === -1) return result;
  cursor.pos = lineEnd + 1;
  cursor.lineNo = 2;
  if (cursor.pos >= text.length) return result;
  if (text.charCodeAt(cursor.pos) !== 10) collectBlock(cursor, true, result, options);
  else {
    cursor.pos++;
    cursor.lineNo++;
  }
  skipNewlines(cursor);
  while (cursor.pos < text.length) {
    collectBlock(cursor, false, result, options);
    skipNewlines(cursor);
  }
  return result;
}
