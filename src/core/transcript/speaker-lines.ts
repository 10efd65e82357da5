/**
 * Speaker-turn transcripts in plain text: `Name: text`, `[00:01:02] Name: text`, `Name [00:01:02]: text`,
 * `00:01:02 Name: text`, `**Name:** text`, `Name:` alone with the words below, Otter's and Zoom's `Name  0:10`
 * alone with the words below, and QualCoder's `[id1] text`.
 */
import type { InputError } from '../../errors.js';
import { isMarkdownHeading } from './paragraphs.js';
import { ALWAYS, judgeNames, type Label, NEVER, scanLine, WITH_TIME } from './speaker-label.js';
import type { ReadWarning, TurnDraft } from './types.js';

// Kept importable from here, where the other readers have always found them.
export { parseTimestamp } from './label-timestamp.js';
export { isProseLabel } from './speaker-label.js';

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
    // Markdown headings are titles and section marks, not anyone's words; nor is the line Otter signs its exports with.
    if (a < b && !(textStart === start && text.charCodeAt(a) === 0x23 && isMarkdownHeading(text.slice(a, b))) && !isOtterFooter(text, a, b)) {
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

const OTTER_FOOTER = 'Transcribed by https://otter.ai';

function isOtterFooter(text: string, a: number, b: number): boolean {
  return b - a === OTTER_FOOTER.length && text.startsWith(OTTER_FOOTER, a);
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

