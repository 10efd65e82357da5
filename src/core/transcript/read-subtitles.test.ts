import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { stripCueMarkup } from './cues-to-turns.js';
import { parseSrt } from './parse-srt.js';
import { parseWebVtt, type Cue, type SubtitleParse } from './parse-webvtt.js';
import { readSubtitleTranscript } from './read-subtitles.js';

const SUBTITLES = new URL('../../../../shared/reference/subtitles/', import.meta.url);
const readReference = (path: string): string => readFileSync(new URL(path, SUBTITLES), 'utf8');

interface ManifestEntry {
  input: string;
  format: 'webvtt' | 'srt';
  expected_file?: string;
  expected_cues?: Array<{ id?: string; index?: number | string; start?: number; end?: number; text: string }>;
  expected_cue_count: number;
  note: string;
}

/** What the reader must produce for one reference file, in our units (ms). */
interface Expectation {
  /** vtt.js and WPT give the raw cue text; ExoPlayer's transcriptions are the rendered text. */
  textIs: 'raw' | 'rendered';
  cues: Array<{ id?: string; startMs?: number; endMs?: number; text?: string }>;
}

const manifest = JSON.parse(readReference('manifest.json')) as Record<'vttjs' | 'exoplayer' | 'wpt', ManifestEntry[]>;
const entries = [...manifest.vttjs, ...manifest.exoplayer, ...manifest.wpt];
const seconds = (s: number): number => Math.round(s * 1000);

function expectationOf(entry: ManifestEntry): Expectation {
  if (entry.expected_file !== undefined) {
    const upstream = JSON.parse(readReference(entry.expected_file)) as {
      cues: Array<{ id: string; startTime: number; endTime: number; text: string }>;
    };
    return {
      textIs: 'raw',
      cues: upstream.cues.map((c) => ({ id: c.id, startMs: seconds(c.startTime), endMs: seconds(c.endTime), text: c.text })),
    };
  }
  const cues = (entry.expected_cues ?? []).map((c) => ({
    id: c.id,
    startMs: c.start === undefined ? undefined : seconds(c.start),
    endMs: c.end === undefined ? undefined : seconds(c.end),
    // Some transcriptions say the text was not asserted upstream; those compare times only.
    text: c.text.startsWith('(not asserted') ? undefined : c.text,
  }));
  return { textIs: entry.input.startsWith('wpt/') ? 'raw' : 'rendered', cues };
}

function parseEntry(entry: ManifestEntry, strict: boolean): SubtitleParse {
  const text = readReference(entry.input);
  return entry.format === 'srt' ? parseSrt(text, { strict }) : parseWebVtt(text, { strict });
}

function compareCues(actual: Cue[], expected: Expectation): void {
  expect(actual).toHaveLength(expected.cues.length);
  expected.cues.forEach((want, i) => {
    const got = actual[i]!;
    if (want.id !== undefined) expect(got.id, `cue ${i + 1} id`).toBe(want.id);
    if (want.startMs !== undefined) expect(got.startMs, `cue ${i + 1} start`).toBe(want.startMs);
    if (want.endMs !== undefined) expect(got.endMs, `cue ${i + 1} end`).toBe(want.endMs);
    if (want.text !== undefined) {
      const text = expected.textIs === 'raw' ? got.text : stripCueMarkup(got.text);
      expect(text, `cue ${i + 1} text`).toBe(want.text);
    }
  });
}

/**
 * Where telaah deliberately differs from the upstream expectation, and why. Every other entry must
 * match its upstream expectation exactly.
 */
const INVALID_SIGNATURE = new Set([
  // vtt.js reports "no cues" for these; we stop with an InputError on line 1, because an ingest
  // that silently yields an empty transcript would hide the problem from the researcher.
  'vttjs/file-layout/blank-file-with-bom.vtt',
  'vttjs/file-layout/bom-garbage-data.vtt',
  'vttjs/file-layout/newline-before-webvtt.vtt',
  'vttjs/file-layout/tab-after-bom-before-header.vtt',
]);

const OVERRIDES: Record<string, { why: string; expect: (upstream: Expectation) => Expectation }> = {
  // ExoPlayer accepts `00:00` and `02.345`; the W3C timestamp grammar (mm:ss.ttt or hh:mm:ss.ttt)
  // does not, so all four timing lines fail and the file yields no cues (the manifest's
  // spec_strict_note). We follow the W3C for WebVTT.
  'exoplayer/webvtt_typical_with_bad_timestamps.vtt': {
    why: 'W3C timestamps, not ExoPlayer: 0 cues',
    expect: (upstream) => ({ ...upstream, cues: [] }),
  },
  // ExoPlayer drops a SubRip cue that lacks its sequence number; we keep it, since the number
  // carries no information and dropping it would lose an utterance.
  'exoplayer/subrip_typical_missing_sequence.srt': {
    why: 'cue without a sequence number kept',
    expect: (upstream) => ({
      ...upstream,
      cues: [
        upstream.cues[0]!,
        { id: '', startMs: 2345, endMs: 3456, text: 'This is the second subtitle.\nSecond subtitle with second line.' },
        upstream.cues[1]!,
      ],
    }),
  },
  // The transcription's sixth entry stands for cues 6-14, whose only assertion upstream is the
  // {\anN} alignment, which we do not model: check the count and that the tag leaves the text.
  'exoplayer/subrip_typical_with_tags.srt': {
    why: 'alignment of {\\anN} not modelled: cues 6-14 by text only',
    expect: (upstream) => ({
      ...upstream,
      cues: [
        ...upstream.cues.slice(0, 5),
        { text: 'This is a lines.' },
        ...Array.from({ length: 8 }, () => ({ text: 'This is a line.' })),
      ],
    }),
  },
};

describe('subtitle conformance: every entry of reference/subtitles/manifest.json (lenient mode)', () => {
  it('covers the whole manifest', () => {
    expect(entries.length).toBe(manifest.vttjs.length + manifest.exoplayer.length + manifest.wpt.length);
    for (const name of [...INVALID_SIGNATURE, ...Object.keys(OVERRIDES)]) {
      expect(entries.map((e) => e.input)).toContain(name);
    }
  });

  const plain = entries.filter((e) => !INVALID_SIGNATURE.has(e.input) && !(e.input in OVERRIDES));
  it.each(plain.map((e) => [e.input, e] as const))('%s matches upstream', (_name, entry) => {
    const expected = expectationOf(entry);
    expect(expected.cues).toHaveLength(entry.expected_cue_count);
    compareCues(parseEntry(entry, false).cues, expected);
  });

  it.each(Object.entries(OVERRIDES).map(([input, o]) => [input, o.why, input] as const))(
    '%s: %s',
    (_name, _why, input) => {
      const entry = entries.find((e) => e.input === input)!;
      compareCues(parseEntry(entry, false).cues, OVERRIDES[input]!.expect(expectationOf(entry)));
    },
  );

  it.each([...INVALID_SIGNATURE])('%s: invalid signature is an InputError on line 1 (vtt.js: no cues)', (input) => {
    const entry = entries.find((e) => e.input === input)!;
    expect(entry.expected_cue_count).toBe(0);
    let error: unknown;
    try {
      parseEntry(entry, false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).location.line).toBe(1);
    expect((error as InputError).message).toMatch(/^not a WebVTT file: the first line must be "WEBVTT"/);
  });

  it('reports each W3C-rejected timing line of the ExoPlayer bad-timestamps file with its place', () => {
    const entry = entries.find((e) => e.input === 'exoplayer/webvtt_typical_with_bad_timestamps.vtt')!;
    const { warnings } = parseEntry(entry, false);
    expect(warnings.map((w) => [w.line, w.col])).toEqual([
      [4, 1],
      [7, 1],
      [10, 1],
      [13, 15],
    ]);
    expect(warnings[0]!.message).toBe(
      'malformed cue timing "00:00 --> 00:01.234": expected mm:ss.ttt or hh:mm:ss.ttt; cue skipped',
    );
  });
});

describe('subtitle conformance in strict mode', () => {
  const valid = entries.filter((e) => !INVALID_SIGNATURE.has(e.input));
  it.each(valid.map((e) => [e.input, e] as const))('%s: same cues as lenient, or an InputError at the first skip', (_name, entry) => {
    const lenient = parseEntry(entry, false);
    const firstSkip = lenient.warnings.find((w) => w.message.endsWith('skipped'));
    if (firstSkip === undefined) {
      expect(parseEntry(entry, true).cues).toEqual(lenient.cues);
      return;
    }
    try {
      parseEntry(entry, true);
      expect.unreachable('strict mode accepted a file that lenient mode had to skip parts of');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const { line, col } = (error as InputError).location;
      expect({ line, col }).toEqual({ line: firstSkip.line, col: firstSkip.col });
      expect((error as InputError).hint).toMatch(/--lenient/);
    }
  });
});

describe('readSubtitleTranscript', () => {
  it('turns the WebVTT spec example into alternating speaker turns', () => {
    const draft = readSubtitleTranscript(readReference('vttjs/integration/spec-example.vtt'), 'vtt', { strict: true });
    expect(draft.warnings).toEqual([]);
    expect(draft.meta).toEqual({ attributes: {} });
    expect(draft.turns.map((t) => [t.speaker, t.startMs, t.endMs, t.line])).toEqual([
      ['Roger Bingham', 11000, 31500, 3],
      ['Neil deGrasse Tyson', 30500, 32500, 30],
      ['Roger Bingham', 32000, 35500, 33],
      ['Neil deGrasse Tyson', 32500, 33500, 36],
      ['Roger Bingham', 35500, 38000, 39],
    ]);
    expect(draft.turns[0]!.text).toMatch(/^We are in New York City We're actually at the Lucern Hotel/);
    expect(draft.turns[3]!.text).toBe('Laughs');
  });

  it('reads SubRip with {\\anN} tags into plain text', () => {
    const draft = readSubtitleTranscript(readReference('exoplayer/subrip_typical_with_tags.srt'), 'srt', { strict: false });
    expect(draft.turns).toHaveLength(14);
    expect(draft.turns[2]).toEqual({ speaker: null, text: 'This is the third subtitle.', startMs: 4567, endMs: 8901, line: 11 });
    expect(draft.turns[1]!.text).toBe('This is the second subtitle. Second subtitle with second line.');
  });

  it('takes meta.language from the WebVTT header and passes the parse warnings on', () => {
    const text = 'WEBVTT\nKind: captions\nLanguage: id\n\n00:01.000 --> 00:02.000\nPak Joko: Selamat pagi.\n\n00:02.5 --> 00:03.000\nx\n';
    const draft = readSubtitleTranscript(text, 'vtt', { strict: false });
    expect(draft.meta).toEqual({ attributes: {}, language: 'id' });
    expect(draft.turns).toEqual([{ speaker: 'Pak Joko', text: 'Selamat pagi.', startMs: 1000, endMs: 2000, line: 5 }]);
    expect(draft.warnings).toEqual([
      { line: 8, col: 1, message: 'malformed cue timing "00:02.5 --> 00:03.000": expected mm:ss.ttt or hh:mm:ss.ttt; cue skipped' },
    ]);
  });

  it('adds the warning about an unclosed voice tag to the draft', () => {
    const draft = readSubtitleTranscript(readReference('vttjs/cuetext/voice/no-end-gt.vtt'), 'vtt', { strict: true });
    expect(draft.turns).toEqual([{ speaker: null, text: "It's a blue apple tree!", startMs: 0, endMs: 2000, line: 3 }]);
    expect(draft.warnings).toEqual([{ line: 4, message: expect.stringContaining('"<v" is not closed') }]);
  });

  it('gives no language for SubRip', () => {
    expect(readSubtitleTranscript('1\n00:00:01,000 --> 00:00:02,000\nHalo\n', 'srt', { strict: true }).meta).toEqual({ attributes: {} });
  });
});

describe('subtitle readers on arbitrary input (fast-check)', () => {
  const fragments = fc
    .array(
      fc.constantFrom(
        'WEBVTT', '\n', '\r\n', '\r', '\n\n', '-->', ' --> ', '00:00:01.000', '00:01.000', '00:00:02,500', '01:02',
        '.', ',', '<v ', '<v.loud ', '<v>', '</v>', '>', '<', ':', 'Bu Sumiati', 'Joe: ', 'teks', ' ', '\t', 'NOTE',
        'STYLE', '1', '&amp;', '&', ';', '<i>', '{\\an8}', '{', '}', '\uFEFF', '😀', '\ud83d', '-', '99:99:99.999',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));
  const inputs = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fragments,
    fragments.map((s) => `WEBVTT\n\n${s}`),
    fragments.map((s) => `1\n00:00:01,000 --> 00:00:02,000\n${s}`),
  );

  const attempt = <T>(run: () => T): T | InputError => {
    try {
      return run();
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
  };

  it('either return or throw InputError, and every turn runs forwards', () => {
    fc.assert(
      fc.property(inputs, fc.constantFrom('vtt', 'srt') as fc.Arbitrary<'vtt' | 'srt'>, fc.boolean(), (text, format, strict) => {
        attempt(() => parseWebVtt(text, { strict }));
        attempt(() => parseSrt(text, { strict }));
        const draft = attempt(() => readSubtitleTranscript(text, format, { strict }));
        if (draft instanceof InputError) return;
        for (const turn of draft.turns) {
          expect(turn.startMs).not.toBeNull();
          expect(turn.startMs!).toBeLessThanOrEqual(turn.endMs!);
          expect(turn.text).toBe(turn.text.trim());
          expect(turn.text).not.toBe('');
          expect(turn.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('strict mode, when it succeeds, yields what lenient mode yields', () => {
    fc.assert(
      fc.property(inputs, (text) => {
        for (const parse of [parseWebVtt, parseSrt]) {
          const strict = attempt(() => parse(text, { strict: true }));
          if (strict instanceof InputError) continue;
          expect(parse(text, { strict: false }).cues).toEqual(strict.cues);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
