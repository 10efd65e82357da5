import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseSrt } from './parse-srt.js';

const lenient = { strict: false };
const strict = { strict: true };

const brief = (text: string, options = lenient) =>
  parseSrt(text, options).cues.map((c) => [c.id, c.startMs, c.endMs, c.text, c.line]);

function thrownBy(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  return expect.unreachable('expected an InputError');
}

describe('parseSrt', () => {
  it('reads numbered cues with multi-line text', () => {
    const text = '1\n00:00:01,000 --> 00:00:04,000\nBu Sumiati: Saya jualan\ndi pasar.\n\n2\n00:00:04,500 --> 00:00:06,000\nSudah lama?\n';
    expect(parseSrt(text, strict)).toEqual({
      cues: [
        { id: '1', startMs: 1000, endMs: 4000, text: 'Bu Sumiati: Saya jualan\ndi pasar.', line: 2 },
        { id: '2', startMs: 4500, endMs: 6000, text: 'Sudah lama?', line: 7 },
      ],
      warnings: [],
    });
  });

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['LF', '\n'],
  ])('handles %s line ends, with a BOM', (_name, eol) => {
    const text = `\uFEFF${['1', '00:00:01,000 --> 00:00:02,000', 'satu', '', '2', '00:00:03,000 --> 00:00:04,000', 'dua', ''].join(eol)}`;
    expect(brief(text, strict)).toEqual([
      ['1', 1000, 2000, 'satu', 2],
      ['2', 3000, 4000, 'dua', 6],
    ]);
  });

  it('handles mixed line ends in one file', () => {
    expect(brief('1\r\n00:00:01,000 --> 00:00:02,000\rsatu\n\r\n2\n00:00:03,000 --> 00:00:04,000\r\ndua', strict)).toEqual([
      ['1', 1000, 2000, 'satu', 2],
      ['2', 3000, 4000, 'dua', 6],
    ]);
  });

  it('accepts "." as the millisecond separator, extra blank lines and whitespace-only separator lines', () => {
    const text = '\n\n1\n00:00:01.250 --> 00:00:02.500\nsatu\n \t\n\n\n2\n00:00:03.000 --> 00:00:04.000\ndua';
    expect(brief(text, strict)).toEqual([
      ['1', 1250, 2500, 'satu', 4],
      ['2', 3000, 4000, 'dua', 10],
    ]);
  });

  it('keeps a cue whose sequence number is missing (ExoPlayer drops it)', () => {
    expect(brief('00:00:01,000 --> 00:00:02,000\nsatu\n\n00:00:03,000 --> 00:00:04,000\ndua\n', strict)).toEqual([
      ['', 1000, 2000, 'satu', 1],
      ['', 3000, 4000, 'dua', 4],
    ]);
  });

  it('keeps markup and {\\an8} tags in the raw text', () => {
    expect(brief('1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Musik</i> &amp; 😀')[0]![3]).toBe('{\\an8}<i>Musik</i> &amp; 😀');
  });

  it('keeps a text line that is only a number inside a cue', () => {
    expect(brief('1\n00:00:01,000 --> 00:00:02,000\nBerapa anak?\n3\n\n2\n00:00:03,000 --> 00:00:04,000\nTiga.')).toEqual([
      ['1', 1000, 2000, 'Berapa anak?\n3', 2],
      ['2', 3000, 4000, 'Tiga.', 7],
    ]);
  });

  it('a file ending after a sequence number keeps the cues before it and warns', () => {
    const result = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nsatu\n\n2\n', strict);
    expect(result.cues).toHaveLength(1);
    expect(result.warnings).toEqual([{ line: 5, message: 'the file ends after cue number 2, before its timing line' }]);
  });

  it('returns no cues for an empty file', () => {
    expect(parseSrt('', strict)).toEqual({ cues: [], warnings: [] });
    expect(parseSrt('\uFEFF\r\n', strict)).toEqual({ cues: [], warnings: [] });
  });
});

describe('parseSrt: malformed cues', () => {
  const text = '1\n00:00:01,000 --> 00:00:02,000\nsatu\n\n2\n00:00:03,000 -> 00:00:04,000\ndua\ndua lagi\n\n3\n00:00:05,000 --> 00:00:06,000\ntiga\n';

  it('lenient: skips the whole cue and warns with line and column', () => {
    const result = parseSrt(text, lenient);
    expect(result.cues.map((c) => c.text)).toEqual(['satu', 'tiga']);
    expect(result.warnings).toEqual([
      {
        line: 6,
        col: 14,
        message: 'malformed cue timing "00:00:03,000 -> 00:00:04,000": expected "-->" between the start and end times; skipped',
      },
    ]);
  });

  it('strict: throws an InputError at that place with a --lenient hint', () => {
    const error = thrownBy(() => parseSrt(text, strict));
    expect(error.message).toBe('malformed cue timing "00:00:03,000 -> 00:00:04,000": expected "-->" between the start and end times');
    expect(error.location).toMatchObject({ line: 6, col: 14 });
    expect(error.hint).toBe('Fix the cue, or run with --lenient to skip such cues');
  });

  it('a sequence number followed by text instead of a timing line', () => {
    const input = '1\r\nHalo semua\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\ndua\r\n';
    expect(parseSrt(input, lenient)).toEqual({
      cues: [{ id: '2', startMs: 3000, endMs: 4000, text: 'dua', line: 5 }],
      warnings: [
        {
          line: 2,
          col: 1,
          message: 'cue 1 has no timing line: expected "hh:mm:ss,mmm --> hh:mm:ss,mmm" after the cue number, got "Halo semua"; skipped',
        },
      ],
    });
    expect(thrownBy(() => parseSrt(input, strict)).location).toMatchObject({ line: 2, col: 1 });
  });

  it('text outside any cue', () => {
    const input = '1\n00:00:01,000 --> 00:00:02,000\nsatu\n\nbaris yatim\nlagi\n\n2\n00:00:03,000 --> 00:00:04,000\ndua\n';
    const result = parseSrt(input, lenient);
    expect(result.cues.map((c) => c.text)).toEqual(['satu', 'dua']);
    expect(result.warnings).toEqual([
      {
        line: 5,
        col: 1,
        message:
          'text "baris yatim" is outside any cue: expected a cue number or a timing line "hh:mm:ss,mmm --> hh:mm:ss,mmm"; skipped',
      },
    ]);
    expect(thrownBy(() => parseSrt(input, strict)).location).toMatchObject({ line: 5, col: 1 });
  });

  it('a sequence number followed by a blank line warns and goes on', () => {
    const result = parseSrt('1\n\n00:00:01,000 --> 00:00:02,000\nsatu\n', strict);
    expect(result.cues.map((c) => [c.id, c.text])).toEqual([['', 'satu']]);
    expect(result.warnings).toEqual([{ line: 1, message: 'cue number 1 is followed by a blank line instead of a timing line' }]);
  });

  it('warns about a cue that ends before it starts, and keeps it', () => {
    const result = parseSrt('1\n00:00:05,000 --> 00:00:04,000\nx\n', strict);
    expect(result.cues).toHaveLength(1);
    expect(result.warnings).toEqual([{ line: 2, message: 'cue ends (4000 ms) before it starts (5000 ms)' }]);
  });
});
