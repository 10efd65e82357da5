import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseWebVtt } from './parse-webvtt.js';

const lenient = { strict: false };
const strict = { strict: true };

/** The error a call throws (the test fails when it does not throw). */
function thrownBy(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  return expect.unreachable('expected an InputError');
}

const brief = (text: string, options = lenient) =>
  parseWebVtt(text, options).cues.map((c) => [c.id, c.startMs, c.endMs, c.text, c.line]);

describe('parseWebVtt: file layout', () => {
  it('reads identifiers, multi-line payloads and settings', () => {
    const text = [
      'WEBVTT - Wawancara 3',
      '',
      'intro',
      '00:00:01.000 --> 00:00:04.000 line:0 align:start',
      '<v Bu Sumiati>Saya jualan di pasar',
      'sejak tahun 2010.',
      '',
      '00:04.000 --> 00:06.500',
      'Sudah lama, ya.',
      '',
    ].join('\n');
    expect(brief(text)).toEqual([
      ['intro', 1000, 4000, '<v Bu Sumiati>Saya jualan di pasar\nsejak tahun 2010.', 4],
      ['', 4000, 6500, 'Sudah lama, ya.', 8],
    ]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['LF', '\n'],
  ])('handles %s line ends with the same lines and cues', (_name, eol) => {
    const text = ['WEBVTT', '', '1', '00:01.000 --> 00:02.000', 'satu', 'dua', '', '00:03.000 --> 00:04.000', 'tiga', ''].join(eol);
    expect(brief(text)).toEqual([
      ['1', 1000, 2000, 'satu\ndua', 4],
      ['', 3000, 4000, 'tiga', 8],
    ]);
  });

  it('skips a leading byte order mark', () => {
    expect(brief('\uFEFFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nhalo\r\n')).toEqual([['', 1000, 2000, 'halo', 3]]);
  });

  it('accepts a signature line ending the file, and a signature followed by a tab', () => {
    expect(parseWebVtt('WEBVTT', strict)).toEqual({ cues: [], warnings: [], header: {} });
    expect(parseWebVtt('WEBVTT\tKind: captions\n', strict).cues).toEqual([]);
  });

  it('reads header lines and a cue that follows the header with no blank line', () => {
    const result = parseWebVtt('WEBVTT\nKind: captions\nLanguage: id\n00:01.000 --> 00:02.000\nhalo\n', strict);
    expect(result.header).toEqual({ kind: 'captions', language: 'id' });
    expect(result.cues.map((c) => [c.text, c.line])).toEqual([['halo', 4]]);
  });

  it('lets a timing line end the previous cue when no blank line separates them', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nsatu\n00:02.000 --> 00:03.000\ndua\n';
    expect(brief(text)).toEqual([
      ['', 1000, 2000, 'satu', 3],
      ['', 2000, 3000, 'dua', 5],
    ]);
  });

  it('ignores NOTE, STYLE and REGION blocks without a warning', () => {
    const text = [
      'WEBVTT',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:kiri width:40%',
      '',
      'NOTE dikoreksi oleh peneliti 2',
      '',
      'NOTE\tdengan tab',
      '',
      'NOTE',
      'beberapa',
      'baris',
      '',
      '00:01.000 --> 00:02.000',
      'halo',
    ].join('\n');
    expect(parseWebVtt(text, strict)).toEqual({
      cues: [{ id: '', startMs: 1000, endMs: 2000, text: 'halo', line: 17 }],
      warnings: [],
      header: {},
    });
  });

  it('keeps an empty cue (the reader of turns skips it)', () => {
    expect(brief('WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000\nx')).toEqual([
      ['', 1000, 2000, '', 3],
      ['', 3000, 4000, 'x', 5],
    ]);
  });

  it('keeps emoji, markup and entities in the raw cue text', () => {
    expect(brief('WEBVTT\n\n00:01.000 --> 00:02.000\n<i>Iya</i> &amp; 😀👍🏽')[0]![3]).toBe('<i>Iya</i> &amp; 😀👍🏽');
  });

  it('turns NUL into U+FFFD as the W3C preprocessing does', () => {
    expect(brief('WEBVTT\n\n00:01.000 --> 00:02.000\na\0b')[0]![3]).toBe('a\uFFFDb');
  });

  it('warns about a cue that ends before it starts, and keeps it', () => {
    const result = parseWebVtt('WEBVTT\n\n00:05.000 --> 00:04.000\nx\n', strict);
    expect(result.cues).toHaveLength(1);
    expect(result.warnings).toEqual([{ line: 3, message: 'cue ends (4000 ms) before it starts (5000 ms)' }]);
  });
});

describe('parseWebVtt: signature', () => {
  it.each([
    ['', 'but the file is empty', undefined],
    ['\uFEFF', 'but the file is empty', undefined],
    ['garbage\n\n00:00.000 --> 00:02.000\ntext', 'but it is "garbage"', undefined],
    ['\nWEBVTT\n', 'but it is blank', 'Remove the blank lines before WEBVTT'],
    ['\uFEFF\tWEBVTT\n', 'but it is "\\tWEBVTT"', 'Remove the whitespace before WEBVTT'],
    ['WEBVTTX\n', 'but it is "WEBVTTX"', 'Write WEBVTT in capitals, followed by a line break, space or tab'],
    ['webvtt\n', 'but it is "webvtt"', 'Write WEBVTT in capitals, followed by a line break, space or tab'],
    ['1\n00:00:01,000 --> 00:00:02,000\nhalo', 'but it is "1"', 'This looks like a SubRip file: give it the .srt extension'],
  ])('rejects %j on line 1', (text, got, hint) => {
    for (const options of [lenient, strict]) {
      const error = thrownBy(() => parseWebVtt(text, options));
      expect(error.message).toBe(
        `not a WebVTT file: the first line must be "WEBVTT", optionally followed by a space or tab and more text, ${got}`,
      );
      expect(error.location).toMatchObject({ line: 1, col: 1 });
      expect(error.hint).toBe(hint);
    }
  });
});

describe('parseWebVtt: malformed cues', () => {
  const text = 'WEBVTT\n\n00:00.000 --> 00:01.000\nsatu\n\n00:01.5 --> 00:02.000\ndua\n\n00:03.000 --> 00:04.000\ntiga\n';

  it('lenient: drops the cue and records a warning with line and column', () => {
    const result = parseWebVtt(text, lenient);
    expect(result.cues.map((c) => c.text)).toEqual(['satu', 'tiga']);
    expect(result.warnings).toEqual([
      {
        line: 6,
        col: 1,
        message: 'malformed cue timing "00:01.5 --> 00:02.000": expected mm:ss.ttt or hh:mm:ss.ttt; cue skipped',
      },
    ]);
  });

  it('strict: throws at that line:col, saying what was expected and hinting at --lenient', () => {
    const error = thrownBy(() => parseWebVtt(text, strict));
    expect(error.message).toBe('malformed cue timing "00:01.5 --> 00:02.000": expected mm:ss.ttt or hh:mm:ss.ttt');
    expect(error.location).toMatchObject({ line: 6, col: 1 });
    expect(error.hint).toBe('Fix the timing, or run with --lenient to skip such cues');
    expect(error.inFile('w3.vtt').format()).toBe(
      'w3.vtt:6:1: malformed cue timing "00:01.5 --> 00:02.000": expected mm:ss.ttt or hh:mm:ss.ttt. Fix the timing, or run with --lenient to skip such cues',
    );
  });

  it('points at the end time when only the end time is wrong', () => {
    const error = thrownBy(() => parseWebVtt('WEBVTT\r\n\r\n00:01.000 --> 00:02,000\r\nx', strict));
    expect(error.location).toMatchObject({ line: 3, col: 15 });
  });

  it('quotes a long timing line shortened', () => {
    const line = `00:01.000 --> 00:02.0000 ${'x'.repeat(100)}`;
    const error = thrownBy(() => parseWebVtt(`WEBVTT\n\n${line}\n`, strict));
    expect(error.message).toBe(`malformed cue timing "${line.slice(0, 57)}...": expected mm:ss.ttt or hh:mm:ss.ttt`);
  });

  it('a block with text but no timing line: warning when lenient, InputError when strict', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\nsatu\n\n2\nteks tanpa waktu\n\n00:03.000 --> 00:04.000\ntiga\n';
    const result = parseWebVtt(text, lenient);
    expect(result.cues.map((c) => c.text)).toEqual(['satu', 'tiga']);
    expect(result.warnings).toEqual([
      {
        line: 6,
        col: 1,
        message: 'block "2" has no cue timing line ("mm:ss.ttt --> mm:ss.ttt") and is not a NOTE, STYLE or REGION block; skipped',
      },
    ]);
    const error = thrownBy(() => parseWebVtt(text, strict));
    expect(error.location).toMatchObject({ line: 6, col: 1 });
    expect(error.hint).toMatch(/--lenient/);
  });

  it('follows the W3C rule that a NOTE followed directly by a timing line is a cue with id "NOTE"', () => {
    expect(brief('WEBVTT\n\nNOTE\n00:01.000 --> 00:02.000\nx')).toEqual([['NOTE', 1000, 2000, 'x', 4]]);
  });
});

// Speed is measured by `npm run bench`, not here; this checks that a large file parses completely.
describe('parseWebVtt: large input', () => {
  it('parses 1 MB of cues, every one of them', () => {
    const cue = (i: number): string => {
      const s = String(i % 60).padStart(2, '0');
      return `${i}\n00:${s}:${s}.000 --> 00:${s}:${s}.500 align:start\n<v Bu Sumiati>Kami menjual sayur di pasar, Pak.\nLalu pulang sore &amp; istirahat.\n\n`;
    };
    const parts: string[] = ['WEBVTT\n\n'];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const c = cue(i);
      parts.push(c);
      size += c.length;
    }
    const text = parts.join('');
    expect(parseWebVtt(text, strict).cues.length).toBe(parts.length - 1);
  });
});
