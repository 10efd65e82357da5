import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { hitCountLine, kwicLayout, kwicLine, kwicText, kwicTsvLine, speakerLabel, type KwicHit } from './search-hits.js';
import { displayWidth } from './text-layout.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });

/** A hit whose text starts at code point 100 of its source; matches given by the words they cover. */
function hit(text: string, words: string[], extra: Partial<KwicHit> = {}): KwicHit {
  const points = [...text];
  const matches = words.map((w) => {
    const at = points.join('').indexOf(w);
    const start = [...text.slice(0, at)].length;
    return { start: 100 + start, end: 100 + start + [...w].length };
  });
  return { source: 'w01', segment: '3.2', speaker: 'Sumiati', role: 'participant', start: 100, text, matches, ...extra };
}

describe('keyword in context', () => {
  it('marks matches «» without colour and paints them with it', () => {
    const h = hit('Saya sudah daftar kemarin.', ['daftar']);
    expect(kwicText(h, 80, plain)).toBe('Saya sudah «daftar» kemarin.');
    expect(kwicText(h, 80, colour)).toBe(`Saya sudah ${colour.bold.red('daftar')} kemarin.`);
  });

  it('counts matches in code points: emoji and combining marks before them do not shift the marks', () => {
    const h = hit('👍🏽 cafe\u0301 lalu 👩‍👩‍👧 daftar lagi', ['cafe\u0301', 'daftar']);
    expect(kwicText(h, 80, plain)).toBe('👍🏽 «cafe\u0301» lalu 👩‍👩‍👧 «daftar» lagi');
  });

  it('writes line breaks and runs of spaces as one space', () => {
    expect(kwicText(hit('  Satu\n\ndua   daftar\t tiga  ', ['daftar']), 80, plain)).toBe('Satu dua «daftar» tiga');
  });

  it('cuts a long unit around its first match, with context before it', () => {
    const text = `${'awal '.repeat(30)}lalu saya daftar di pojok ${'akhir '.repeat(30)}`;
    const shown = kwicText(hit(text, ['daftar']), 40, plain);
    expect(displayWidth(shown)).toBeLessThanOrEqual(40);
    expect(shown).toMatch(/^….*«daftar».*…$/);
    expect(shown.indexOf('«')).toBeGreaterThan(5);
    expect(shown.indexOf('«')).toBeLessThanOrEqual(15);
  });

  it('fills the width with context before a match near the end', () => {
    const text = `${'kata '.repeat(30)}daftar.`;
    const shown = kwicText(hit(text, ['daftar']), 40, plain);
    expect(shown).toMatch(/^….*«daftar»\.$/);
    expect(displayWidth(shown)).toBeGreaterThanOrEqual(36);
  });

  it('lays out source, segment and speaker in columns, an interviewer in brackets', () => {
    const hits = [hit('Dia daftar.', ['daftar']), hit('Sudah daftar?', ['daftar'], { source: 'fgd1-medan', segment: '12.10', speaker: 'Moderator', role: 'interviewer' })];
    const layout = kwicLayout(hits, 100);
    expect(hits.map((h) => kwicLine(h, layout, 100, plain))).toEqual(['w01         3.2    Sumiati      Dia «daftar».', 'fgd1-medan  12.10  [Moderator]  Sudah «daftar»?']);
    expect(speakerLabel({ speaker: null, role: null })).toBe('');
  });

  it('fits every line in a narrow terminal, leaving the last column free', () => {
    const long = hit(`${'panjang '.repeat(20)}daftar ${'lagi '.repeat(20)}`, ['daftar'], { source: 'surat-advokasi-kelurahan-medan-2025', speaker: 'Pak Sutrisno Hadiwijaya' });
    for (const columns of [40, 60, 80, 120]) {
      const line = kwicLine(long, kwicLayout([long], columns), columns, colour);
      expect(displayWidth(line), `${columns} columns`).toBeLessThan(columns);
      expect(line).toContain(colour.bold.red('daftar'));
    }
  });

  it('writes a tab-separated line with the whole text for a pipe', () => {
    expect(kwicTsvLine(hit('Dia\tdaftar\nlagi.', ['daftar'], { role: 'interviewer', speaker: 'I' }))).toBe('w01\t3.2\t[I]\tDia «daftar» lagi.');
  });

  it('counts hits and sources, and says when a limit left some out', () => {
    expect(hitCountLine(0, 0, 0)).toBe('No hits');
    expect(hitCountLine(1, 1, 1)).toBe('1 hit in 1 source');
    expect(hitCountLine(1234, 56, 50)).toBe('1,234 hits in 56 sources; showing the first 50 (--limit N shows more)');
  });
});
