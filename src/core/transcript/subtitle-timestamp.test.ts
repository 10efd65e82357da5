import { describe, expect, it } from 'vitest';
import { parseSrtTiming, parseWebVttTiming } from './subtitle-timestamp.js';

const TIMESTAMP = 'expected mm:ss.ttt or hh:mm:ss.ttt';

describe('parseWebVttTiming', () => {
  it.each([
    ['00:01.000 --> 00:02.500', 1000, 2500],
    ['00:00:01.000 --> 00:00:02.500', 1000, 2500],
    ['01:02:03.004 --> 01:02:03.005', 3_723_004, 3_723_005],
    ['120:00:00.000 --> 120:00:00.001', 432_000_000, 432_000_001], // hours may exceed 99
    ['00:00:00.000 --> 00:20.000', 0, 20_000], // hours on one side only
    ['00:25.000\t\t-->\t\t00:27.000', 25_000, 27_000],
    ['  00:01.000-->00:02.000', 1000, 2000],
    ['00:30.000 --> 00:31.500 align:end size:50%', 30_000, 31_500], // settings ignored
    ['00:01.000 --> 00:00.500', 1000, 500], // reversed is still parsed; the reader warns
  ])('%j → %i..%i ms', (line, startMs, endMs) => {
    expect(parseWebVttTiming(line)).toEqual({ ok: true, startMs, endMs });
  });

  it.each([
    ['00:01.5 --> 00:02.000', 1, TIMESTAMP], // exactly three fraction digits
    ['00:00.00 --> 00:02.000', 1, TIMESTAMP],
    ['00:01.0000 --> 00:02.000', 1, TIMESTAMP],
    ['00.00.000 --> 00:02.000', 1, TIMESTAMP],
    ['00:00 --> 00:01.234', 1, TIMESTAMP], // ExoPlayer accepts this; the W3C grammar does not
    ['02.345 --> 00:03.456', 1, TIMESTAMP],
    ['000:00.000 --> 00:01.000', 1, TIMESTAMP], // three digits make it hours, so a second ':' is needed
    ['00:60.000 --> 00:61.000', 1, 'minutes and seconds must be below 60'],
    ['00:00:00.000 --> 00:60:00.000', 18, 'minutes and seconds must be below 60'],
    ['00:01.000 00:02.000', 11, 'expected "-->" between the start and end times'],
    ['00:01.000 -> 00:02.000', 11, 'expected "-->" between the start and end times'],
    ['00:06.789 --> not-a-timestamp', 15, TIMESTAMP],
    ['-00:01.000 --> 00:02.000', 1, TIMESTAMP],
    ['\u{1F600} 00:01.000 --> 00:02.000', 1, TIMESTAMP],
    ['00:01.000 --> 😀', 15, TIMESTAMP],
    ['😀😀 --> x', 1, TIMESTAMP],
    ['99999999999999999999:00:00.000 --> 00:01.000', 1, 'the time is too large'],
  ])('%j fails at column %i: %s', (line, col, expected) => {
    expect(parseWebVttTiming(line)).toEqual({ ok: false, col, expected });
  });

  it('counts columns in code points, so an emoji before the error counts once', () => {
    expect(parseWebVttTiming('00:01.000 -->\t😀 x')).toEqual({ ok: false, col: 15, expected: TIMESTAMP });
  });
});

describe('parseSrtTiming', () => {
  it.each([
    ['00:00:00,000 --> 00:00:01,234', 0, 1234],
    ['02:00:04,567 --> 02:00:08,901', 7_204_567, 7_208_901],
    ['00:00:01.500 --> 00:00:02.250', 1500, 2250], // '.' accepted as the separator
    ['00:00,000 --> 00:01,234', 0, 1234], // hours omitted (ExoPlayer)
    ['00:00:02 --> 00:00:03', 2000, 3000], // milliseconds omitted (ExoPlayer)
    ['00:00:013,567 --> 00:00:14,901', 13_567, 14_901], // three-digit seconds (ExoPlayer)
    ['00:00:01,5 --> 00:00:01,75', 1500, 1750], // a fraction is a fraction
    ['00:00:01,1239 --> 00:00:02,000', 1123, 2000],
    ['  00:00:01,000   -->   00:00:02,000  ', 1000, 2000],
    ['00:00:01,000 --> 00:00:02,000 X1:40 X2:600 Y1:20 Y2:50', 1000, 2000], // position hints ignored
  ])('%j → %i..%i ms', (line, startMs, endMs) => {
    expect(parseSrtTiming(line)).toEqual({ ok: true, startMs, endMs });
  });

  it.each([
    ['-0:00:04,567 --> -0:00:03,456', 1],
    ['             --> 02:00:10,901', 14],
    ['02:00:12,901 -->', 17],
    ['00:00:01,000 --> 00:00:02,000junk', 30],
    ['1:2:3:4,000 --> 00:00:02,000', 1],
    ['00:01, --> 00:00:02,000', 1],
    ['5 --> 6', 1],
  ])('%j fails at column %i', (line, col) => {
    expect(parseSrtTiming(line)).toMatchObject({ ok: false, col });
  });
});
