import { describe, expect, it } from 'vitest';
import { formatLocalTime, formatWhen } from './when.js';

describe('formatWhen', () => {
  const now = new Date('2026-01-02T12:00:00.000Z');
  it.each([
    ['2026-01-02T11:59:30.000Z', 'just now'],
    ['2026-01-02T11:48:00.000Z', '12 min ago'],
    ['2026-01-02T09:00:00.000Z', '3 h ago'],
    ['2026-01-01T12:00:01.000Z', '23 h ago'],
  ])('%s is %s', (at, shown) => {
    expect(formatWhen(at, now)).toBe(shown);
  });

  it('gives the local date and time a day or more back, or in the future, and leaves nonsense as it is', () => {
    expect(formatWhen('2025-12-24T08:05:00.000Z', now)).toBe(formatLocalTime(new Date('2025-12-24T08:05:00.000Z')));
    expect(formatWhen('2026-01-03T08:05:00.000Z', now)).toMatch(/^2026-01-0\d \d\d:05$/);
    expect(formatWhen('yesterday', now)).toBe('yesterday');
  });
});
