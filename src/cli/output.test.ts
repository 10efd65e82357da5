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

describe('writeTable on a terminal', () => {
  const table = async (columns: number) => {
    const { writeTable } = await import('./output.js');
    let out = '';
    const ctx = {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: () => true },
      stdoutIsTTY: true,
      stderrIsTTY: false,
      color: false,
      cwd: '/',
      env: {},
      now: () => new Date(0),
      columns,
      out: () => out,
    };
    writeTable(
      ctx,
      [{ title: 'name' }, { title: 'category', shrink: true, optional: true }, { title: 'organisation', shrink: true, optional: true }, { title: 'turns', align: 'right' }],
      [['Sumiati', 'pekerja rumah tangga', 'Lembaga Bantuan Pekerja Rumahan', 40]],
    );
    return ctx.out();
  };

  it('prints every column when they fit', async () => {
    expect(await table(100)).toBe('name     category              organisation                     turns\nSumiati  pekerja rumah tangga  Lembaga Bantuan Pekerja Rumahan     40\n');
  });

  it('cuts, then leaves out optional columns from the right, and says so', async () => {
    expect(await table(40)).toBe('name     category    organisation  turns\nSumiati  pekerja r…  Lembaga Ban…     40\n');
    expect(await table(30)).toBe('name     category        turns\nSumiati  pekerja rumah…     40\n(not shown, see --csv: organi…\n');
  });
});

describe('writeTable with control characters in cells', () => {
  const write = async (stdoutIsTTY: boolean, color: boolean): Promise<string> => {
    const { writeTable } = await import('./output.js');
    let out = '';
    const ctx = { stdout: { write: (text: string) => (out += text) }, stderr: { write: () => true }, stdoutIsTTY, stderrIsTTY: false, color, cwd: '/', env: {}, now: () => new Date(0), columns: 80 };
    writeTable(ctx, [{ title: 'name' }, { title: 'status' }], [['evil\u001b[2J\nname\tx\u202e', '\u001b[32mconvergent\u001b[39m']]);
    return out;
  };

  it('escapes them on a terminal, keeping the colour the renderer painted', async () => {
    expect((await write(true, true)).split('\n')[1]).toBe('evil\\x1b[2J\\nname\\tx\\u202e  \u001b[32mconvergent\u001b[39m');
  });

  it('escapes them in TSV, so a tab or newline in a name cannot add a column or a row', async () => {
    expect(await write(false, false)).toBe('name\tstatus\nevil\\x1b[2J\\nname\\tx\\u202e\t\\x1b[32mconvergent\\x1b[39m\n');
  });
});
