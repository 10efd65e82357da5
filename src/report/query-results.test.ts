import { describe, expect, it } from 'vitest';
import { queryCountLine, queryCsvValues, queryRowJson, queryTableCells, type QueryRow } from './query-results.js';

const row: QueryRow = {
  source: 'fgd1-medan-pekerja',
  sourceType: 'fgd',
  segment: '14.2',
  speaker: 'SUMIATI',
  participant: 'Sumiati',
  codes: ['barrier/distrust', 'role/educator'],
  text: 'Dulu saya kira\n  itu penipuan.',
  start: 10,
  end: 40,
};

describe('query results', () => {
  it('count units, sources and participants, in the singular for one', () => {
    expect(queryCountLine({ units: 24, sources: 9, participants: 12 })).toBe('24 units in 9 sources, 12 participants');
    expect(queryCountLine({ units: 1, sources: 1, participants: 0 })).toBe('1 unit in 1 source, 0 participants');
  });

  it('put a unit on one table line, naming the participant before the speaker label', () => {
    expect(queryTableCells(row)).toEqual(['fgd1-medan-pekerja', '14.2', 'Sumiati', 'barrier/distrust role/educator', 'Dulu saya kira itu penipuan.']);
    expect(queryTableCells({ ...row, participant: null })[2]).toBe('SUMIATI');
  });

  it('give CSV values in the documented order, codes joined by ;', () => {
    expect(queryCsvValues(row)).toEqual(['fgd1-medan-pekerja', 'fgd', '14.2', 'SUMIATI', 'Sumiati', 'barrier/distrust;role/educator', 'Dulu saya kira\n  itu penipuan.', 10, 40]);
  });

  it('write JSON row by row exactly as JSON.stringify writes the whole array', () => {
    const rows = [row, { ...row, codes: [], speaker: null, participant: null, text: 'Kata "kutip"\tdan \\ garis' }];
    expect(`[\n${rows.map(queryRowJson).join(',\n')}\n]`).toBe(JSON.stringify(rows, null, 2));
  });
});
