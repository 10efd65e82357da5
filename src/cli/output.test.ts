import { describe, expect, it } from 'vitest';
import { displayWidth, truncate } from './output.js';

describe('displayWidth', () => {
  it.each([
    ['abc', 3],
    ['\u001b[32mconvergent\u001b[39m', 10],
    ['e\u0301', 1],
    ['📄', 2],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('truncate cuts with an ellipsis to the width', () => {
    expect(truncate('strategy/tailored-education', 10)).toBe('strategy/…');
    expect(truncate('short', 10)).toBe('short');
  });
});
