/** WebVTT and SubRip text → a transcript draft of speaker turns. */
import { cuesToTurns } from './cues-to-turns.js';
import { parseSrt } from './parse-srt.js';
import { parseWebVtt, type SubtitleParse, type SubtitleParseOptions } from './parse-webvtt.js';
import { emptyMeta, type TranscriptDraft } from './types.js';

/** Reads a decoded subtitle file into turns; throws InputError when the file (or, if strict, a cue) is bad. */
export function readSubtitleTranscript(text: string, format: 'vtt' | 'srt', options: SubtitleParseOptions): TranscriptDraft {
  const meta = emptyMeta();
  let parsed: SubtitleParse;
  if (format === 'vtt') {
    const vtt = parseWebVtt(text, options);
    if (vtt.header.language !== undefined) meta.language = vtt.header.language;
    parsed = vtt;
  } else {
    parsed = parseSrt(text, options);
  }
  const warnings = parsed.warnings.slice();
  const turns = cuesToTurns(parsed.cues, warnings);
  return { meta, turns, warnings };
}
