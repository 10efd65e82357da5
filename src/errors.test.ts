import { describe, expect, it } from 'vitest';
import { InputError } from './errors.js';

describe('InputError.format', () => {
  it('is file:line:col: message. hint', () => {
    expect(new InputError('no text column', { file: 'a.csv', line: 1, col: 3, hint: 'Name it with --text-column' }).format()).toBe('a.csv:1:3: no text column. Name it with --text-column');
  });

  it('escapes control characters from a file name or echoed input, so the message stays one line that cannot steer the terminal', () => {
    const error = new InputError('unknown speaker "\u001b]0;owned\u0007"', { file: 'evil\u001b[2J\nname.txt', line: 2, hint: 'Check\u202e it' });
    expect(error.format()).toBe('evil\\x1b[2J\\nname.txt:2: unknown speaker "\\x1b]0;owned\\x07". Check\\u202e it');
  });

  it('cuts an echoed 100,000-column header but keeps the hint whole', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `col${i}`).join(', ');
    const line = new InputError(`no text column: the header has ${header}`, { file: 'wide.csv', line: 1, hint: 'Name it with --text-column' }).format();
    expect(line.length).toBeLessThan(800);
    expect(line).toMatch(/^wide\.csv:1: no text column: the header has col0, col1, .* … \([\d,]+ characters left out\) … .*, col99999\. Name it with --text-column$/);
  });
});
