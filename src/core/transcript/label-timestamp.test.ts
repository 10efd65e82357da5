import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './label-timestamp.js';

describe('parseTimestamp', () => {
  it.each([
    ['00:01:02', 62_000],
    ['1:02:03', 3_723_000],
    ['01:02', 62_000],
    ['75:30', 4_530_000],
    ['00:00:01.5', 1_500],
    ['00:00:01,250', 1_250],
    ['0:00:00.007', 7],
  ])('%s → %i ms', (value, ms) => {
    expect(parseTimestamp(value)).toBe(ms);
  });

  it.each(['00:7x:12', '12:65:00', '1:2', '00:00:60', '1:02:03:04', '', 'abc', '00:01:02.1234'])('%s is malformed', (v) => {
    expect(parseTimestamp(v)).toBeNull();
  });
});
