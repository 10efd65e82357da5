import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/fake-ctx.js';

describe('help text wraps to the terminal width', () => {
  it.each([60, 120])('telaah ingest --help at %i columns', async (columns) => {
    const { code, stdout } = await runInProcess('/', ['ingest', '--help'], { columns });
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    // Example commands stay whole, so that they can be copied.
    const tooWide = lines.filter((line) => line.length > columns && !line.startsWith('  $ '));
    expect(tooWide).toEqual([]);
    const pseudonyms = lines.findIndex((line) => line.startsWith('  --pseudonyms <csv>'));
    const column = lines[pseudonyms]!.indexOf('replace real names');
    if (columns === 60) {
      // The description goes on under itself, not under the option.
      expect(lines[pseudonyms + 1]!.slice(0, column).trim()).toBe('');
      expect(lines[pseudonyms + 1]!.slice(column)).toMatch(/^\S/);
    } else {
      expect(lines[pseudonyms]).toMatch(/before storing$/);
      // The note after the options is reflowed to the width too, not left at its source line breaks.
      expect(lines.find((line) => line.startsWith('Source types come from'))!.length).toBeGreaterThan(110);
    }
  });
});
