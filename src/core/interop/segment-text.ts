/**
 * Turns and sentences of a text imported as it is (a REFI-QDA source), found in place. Ingest lays a
 * source's text out anew from its turns; an imported text must stay exactly as it came, since the
 * codings' positions point into it. So the readers ingest uses (speaker lines for interviews and FGDs,
 * paragraphs for notes and documents) find the units, and each unit is then located in the text: every
 * line a reader gives is the end of a line of the text (after a speaker label or list marker, trimmed).
 */
import type { Turn } from '../model.js';
import type { BuiltSource } from '../transcript/build-source.js';
import { countWords } from '../text/word-count.js';
import { parseParagraphs } from '../transcript/paragraphs.js';
import { parseSpeakerLines } from '../transcript/speaker-lines.js';
import type { SpeakerResolution } from '../transcript/speakers.js';
import type { SourceType, TurnDraft } from '../transcript/types.js';
import { CodePointCounter } from '../text/code-points.js';
import { splitSentences } from '../text/sentences.js';

/** How to read the units of an imported text. */
export interface SegmentRules {
  type: SourceType;
  knownSpeakers: readonly string[];
  resolveSpeaker: (label: string) => SpeakerResolution;
}

/** The turns (or paragraphs) and sentences of `text`, which stays as it is. */
export function segmentImportedText(text: string, rules: SegmentRules): BuiltSource {
  const drafts = readUnits(text, rules);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const counter = new CodePointCounter(text);
  const turns: Turn[] = [];
  let words = 0;
  let line = 0;
  for (const draft of drafts) {
    const found = locate(text, lineStarts, line, draft.text.split('\n'));
    if (!found) continue;
    line = found.nextLine;
    const start = counter.at(found.start);
    const end = counter.at(found.end);
    const unit = text.slice(found.start, found.end);
    const local = new CodePointCounter(unit);
    const speaker = draft.speaker;
    const resolution = speaker === null ? null : rules.resolveSpeaker(speaker);
    turns.push({
      index: turns.length + 1,
      speaker,
      role: resolution?.role ?? null,
      participant: resolution?.participant ?? null,
      start,
      end,
      startMs: draft.startMs,
      endMs: draft.endMs,
      sentences: splitSentences(unit).map((r, i) => ({ index: i + 1, start: start + local.at(r.start), end: start + local.at(r.end) })),
    });
    words += countWords(unit);
  }
  return { text, turns, words };
}

/** The units as ingest's readers see them; a transcript without a speaker label is read as paragraphs. */
function readUnits(text: string, rules: SegmentRules): TurnDraft[] {
  if (rules.type === 'observation' || rules.type === 'document') return parseParagraphs(text, 1);
  try {
    const { turns } = parseSpeakerLines(text, 1, { knownSpeakers: rules.knownSpeakers });
    if (turns.some((t) => t.speaker !== null)) return turns;
  } catch {
    // A label the speaker-line reader refuses (a malformed time stamp) still leaves the paragraphs.
  }
  return parseParagraphs(text, 1);
}

/**
 * Where the lines of one unit are, from line `fromLine` on: each is the end of a line of the text once its
 * trailing spaces are cut. Returns the unit's UTF-16 span and the line after its last, or undefined.
 */
function locate(text: string, lineStarts: readonly number[], fromLine: number, lines: readonly string[]): { start: number; end: number; nextLine: number } | undefined {
  let start = -1;
  let end = -1;
  let at = fromLine;
  for (const wanted of lines) {
    let found = false;
    for (; at < lineStarts.length; at += 1) {
      const lineStart = lineStarts[at]!;
      let lineEnd = at + 1 < lineStarts.length ? lineStarts[at + 1]! - 1 : text.length;
      while (lineEnd > lineStart && /\s/.test(text[lineEnd - 1]!)) lineEnd -= 1;
      if (lineEnd - lineStart >= wanted.length && text.startsWith(wanted, lineEnd - wanted.length)) {
        if (start < 0) start = lineEnd - wanted.length;
        end = lineEnd;
        at += 1;
        found = true;
        break;
      }
    }
    if (!found) return undefined;
  }
  return start < 0 ? undefined : { start, end, nextLine: at };
}
