import { describe, expect, it } from 'vitest';
import { frameOf } from './terminal.js';

describe('frameOf', () => {
  it('draws control characters from a transcript as pictures, so a line cannot clear the screen or retitle the terminal', () => {
    const frame = frameOf(['\u001b[1m2.1\u001b[22m Sumiati: iuran \u001b]0;owned\u0007 mahal \u001b[2J', 'baris dua']);
    expect(frame).toBe('\u001b[H\u001b[1m2.1\u001b[22m Sumiati: iuran \u241b]0;owned\u2407 mahal \u241b[2J\u001b[K\r\nbaris dua\u001b[K\u001b[J');
  });
});
