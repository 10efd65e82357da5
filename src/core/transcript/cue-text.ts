/**
 * Cue text cleaning for subtitle readers: tags, voice spans, ruby text and SSA overrides dropped,
 * character references decoded, whitespace collapsed, in one pass over the raw text.
 */

/** Cue text with markup removed, and where voice spans begin in it. */
export interface CleanText {
  text: string;
  /** Offsets into `text` where a `<v Name>` span starts, with the name. */
  voices: Array<{ at: number; speaker: string }>;
  /** Index into the raw text of a `<v …` opener that never closes with '>', or -1. */
  brokenVoiceAt: number;
}

// A Map, not an object literal: `&constructor;` must not find Object.prototype's members.
const NAMED_REFERENCES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['lrm', '\u200E'],
  ['rlm', '\u200F'],
  ['nbsp', '\u00A0'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Decodes the character reference at raw[i] === '&'; returns [text, length] or null when it is not one. */
function decodeReference(raw: string, i: number): [string, number] | null {
  // Look a few characters ahead only: a stray '&' must not cost a scan of the rest of the text.
  let semi = -1;
  for (let k = i + 1; k < raw.length && k <= i + 12; k++) {
    if (raw.charCodeAt(k) === 59 /* ; */) {
      semi = k;
      break;
    }
  }
  if (semi === -1) return null;
  const body = raw.slice(i + 1, semi);
  const named = NAMED_REFERENCES.get(body);
  if (named !== undefined) return [named, semi - i + 1];
  if (body.charCodeAt(0) !== 35 /* # */) return null;
  const hex = body[1] === 'x' || body[1] === 'X';
  const digits = body.slice(hex ? 2 : 1);
  if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) return null;
  const code = Number.parseInt(digits, hex ? 16 : 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
  return [String.fromCodePoint(code), semi - i + 1];
}

/** Whitespace as WebVTT defines it (space, tab, form feed, line feed, carriage return). */
export function isCueSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 10 || code === 13;
}

/** Whether a character is copied as it is (not whitespace, not the start of markup or a reference; NaN past the end). */
function isPlain(code: number): boolean {
  return !Number.isNaN(code) && !isCueSpace(code) && code !== 60 && code !== 123 && code !== 38;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether a tag body is a WebVTT timestamp tag (`00:01.000`). */
function isTimestampTag(body: string): boolean {
  for (let k = 0; k < body.length; k++) {
    const code = body.charCodeAt(k);
    if (!(code >= 48 && code <= 57) && code !== 58 && code !== 46) return false;
  }
  return true;
}

/** Whether a start tag body opens ruby text (`rt`, `rt.x`). */
function isRubyText(body: string): boolean {
  return body.startsWith('rt') && (body.length === 2 || body.charCodeAt(2) === 46 || isCueSpace(body.charCodeAt(2)));
}

/** The voice name of a start tag body such as `v.loud Joe`, or null when it is not a voice tag. */
function voiceName(body: string): string | null {
  if (body.charCodeAt(0) !== 118 /* v */) return null;
  const next = body.length > 1 ? body.charCodeAt(1) : -1;
  if (next !== -1 && next !== 46 && !isCueSpace(next)) return null;
  let k = 1;
  while (k < body.length && !isCueSpace(body.charCodeAt(k))) k++;
  return cleanCueText(body.slice(k), ' ').text.trim();
}

/** Position of `needle` at or after `from`, reusing an earlier answer that still holds (-1: none further on). */
function findFrom(raw: string, needle: string, from: number, cached: number): number {
  return cached === -1 || cached >= from ? cached : raw.indexOf(needle, from);
}

/**
 * One pass over raw cue text. Plain characters are copied in runs (slices), never one by one;
 * markup, references and whitespace runs end a run and are handled by the methods below.
 */
class CueTextCleaner {
  out = '';
  readonly voices: CleanText['voices'] = [];
  brokenVoiceAt = -1;
  private i = 0;
  private runStart = 0;
  /** Whitespace seen since the last copied character: '', ' ' or the line join. */
  private pendingSpace = '';
  // Where the next '>', '}', line break, `</rt>` and `</ruby>` are; -2 = not searched yet. Cached
  // so that a line full of unmatched '<' costs one scan, not one per '<'.
  private nextGt = -2;
  private nextBrace = -2;
  private nextNewline = -2;
  private nextRtEnd = -2;
  private nextRubyEnd = -2;

  constructor(
    private readonly raw: string,
    private readonly lineJoin: string,
  ) {}

  run(): CleanText {
    const { raw } = this;
    while (this.i < raw.length) {
      const code = raw.charCodeAt(this.i);
      if (isPlain(code)) {
        if (this.pendingSpace !== '') this.startRun();
        this.i++;
      } else if (isCueSpace(code)) {
        this.space(code);
      } else {
        this.flush();
        const handled = code === 38 ? this.reference() : code === 60 ? this.tag() : this.ssaOverride();
        if (!handled) {
          // Not markup after all: the character is text, and starts the next run.
          this.startRun();
          this.i++;
        }
      }
    }
    this.flush();
    return { text: this.out, voices: this.voices, brokenVoiceAt: this.brokenVoiceAt };
  }

  /** Copies the pending run of plain text. */
  private flush(): void {
    if (this.i > this.runStart) this.out += this.raw.slice(this.runStart, this.i);
    this.runStart = this.i;
  }

  /** Starts a run of text at i, writing the whitespace owed before it. */
  private startRun(): void {
    this.flush();
    if (this.pendingSpace !== '' && this.out !== '') this.out += this.pendingSpace;
    this.pendingSpace = '';
  }

  /** Appends decoded text, with the whitespace owed before it. */
  private emit(piece: string, length: number): void {
    this.startRun();
    this.out += piece;
    this.i += length;
    this.runStart = this.i;
  }

  /** Skips markup of `length` characters from i. */
  private skip(length: number): true {
    this.i += length;
    this.runStart = this.i;
    return true;
  }

  private space(code: number): void {
    const { raw } = this;
    // A lone space between words stays inside the current run.
    if (code === 32 && this.i > this.runStart && this.pendingSpace === '' && isPlain(raw.charCodeAt(this.i + 1))) {
      this.i++;
      return;
    }
    this.flush();
    let sawNewline = false;
    while (this.i < raw.length && isCueSpace(raw.charCodeAt(this.i))) {
      if (raw.charCodeAt(this.i) === 10) sawNewline = true;
      this.i++;
    }
    this.runStart = this.i;
    if (this.out !== '') this.pendingSpace = sawNewline || this.pendingSpace === this.lineJoin ? this.lineJoin : ' ';
  }

  private reference(): boolean {
    const decoded = decodeReference(this.raw, this.i);
    if (decoded === null) return false;
    this.emit(decoded[0], decoded[1]);
    return true;
  }

  /** End of the line holding i. */
  private lineEnd(): number {
    this.nextNewline = findFrom(this.raw, '\n', this.i, this.nextNewline);
    return this.nextNewline === -1 ? this.raw.length : this.nextNewline;
  }

  /** `{\...}` override tags of SSA, which SubRip files carry (`{\an8}`); ExoPlayer strips them too. */
  private ssaOverride(): boolean {
    if (this.raw.charCodeAt(this.i + 1) !== 92 /* \ */) return false;
    this.nextBrace = findFrom(this.raw, '}', this.i, this.nextBrace);
    if (this.nextBrace === -1 || this.nextBrace >= this.lineEnd()) return false;
    return this.skip(this.nextBrace + 1 - this.i);
  }

  private tag(): boolean {
    const { raw, i } = this;
    const next = raw.charCodeAt(i + 1);
    const isDigit = next >= 48 && next <= 57;
    if (!isAsciiLetter(next) && next !== 47 /* / */ && !isDigit) return false;
    const lineEnd = this.lineEnd();
    this.nextGt = findFrom(raw, '>', i, this.nextGt);
    const close = this.nextGt;
    if (close === -1 || close >= lineEnd) return this.unclosedTag(next, lineEnd);
    const body = raw.slice(i + 1, close);
    if (isDigit && !isTimestampTag(body)) return false;
    const name = next === 47 ? null : voiceName(body);
    if (name !== null && name !== '') {
      this.voices.push({ at: this.out.length, speaker: name });
      // Keep the speakers' words apart; each voice's text is trimmed later.
      if (this.out !== '' && this.pendingSpace === '') this.pendingSpace = ' ';
    } else if (isRubyText(body)) {
      // Ruby text is a reading aid (furigana) for the base text, not words of the cue: skip to its end.
      this.nextRtEnd = findFrom(raw, '</rt>', close, this.nextRtEnd);
      this.nextRubyEnd = findFrom(raw, '</ruby>', close, this.nextRubyEnd);
      const ends = [this.nextRtEnd, this.nextRubyEnd].filter((e) => e !== -1);
      return this.skip((ends.length === 0 ? close + 1 : Math.min(...ends)) - i);
    }
    return this.skip(close + 1 - i);
  }

  /**
   * `<v Mary` with no '>' on its line: the W3C tokenizer would swallow the rest as the tag's
   * annotation and lose the words; keep them as text and set no speaker, since the name's end is
   * unknown. Any other unclosed '<' is plain text ("a <b").
   */
  private unclosedTag(next: number, lineEnd: number): boolean {
    const { raw, i } = this;
    const afterV = raw.charCodeAt(i + 2);
    if (next !== 118 /* v */ || !(i + 2 >= lineEnd || afterV === 46 || isCueSpace(afterV))) return false;
    this.brokenVoiceAt = i;
    let end = i + 2;
    while (end < lineEnd && !isCueSpace(raw.charCodeAt(end))) end++;
    return this.skip(end - i);
  }
}

/**
 * Drops tags (`<i>`, `</v>`, `<c.x>`, `<00:01.000>`, `<font …>`, `<ruby>`) and SSA overrides, decodes
 * character references, collapses each whitespace run into one `lineJoin` (when it holds a line
 * break) or one space, and notes where voice spans start. A '<' or '{' that does not open a tag
 * closed on the same line is text, so "a < b" in a SubRip file survives.
 */
export function cleanCueText(raw: string, lineJoin: string): CleanText {
  return new CueTextCleaner(raw, lineJoin).run();
}

/** Cue text without markup, lines kept apart by '\n' (for display and for comparing with other players). */
export function stripCueMarkup(text: string): string {
  return cleanCueText(text, '\n').text;
}
