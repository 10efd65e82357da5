import { describe, expect, it } from 'vitest';
import { progressBar } from './progress.js';

describe('progressBar', () => {
  it.each([
    [0, 10, '[░░░░░░░░░░]   0%'],
    [5, 10, '[█████░░░░░]  50%'],
    [10, 10, '[██████████] 100%'],
    [0, 0, '[██████████] 100%'],
  ])('%i of %i', (done, total, bar) => {
    expect(progressBar(done, total, 10)).toBe(bar);
  });
});
