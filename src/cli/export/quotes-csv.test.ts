import { describe, expect, it } from 'vitest';
import type { CodedUnit, CodingRow } from '../../store/list-codings.js';
import { quotesOf } from './quotes-csv.js';

function row(segment: string, code: string, coder: string, origin = 'manual'): { coding: CodingRow; unit: CodedUnit } {
  const coding: CodingRow = { source: 'w01', sourceType: 'interview', segment, speaker: 'Siti', participant: 'Sumiati', start: 0, end: 1, text: `unit ${segment}`, matched: '', code, coder, origin, confidence: null, memo: null, memos: [] };
  return { coding, unit: { start: 0, end: 9, startMs: 1000, endMs: null } };
}

describe('quotes of a source', () => {
  it('are one per segment and code, with every coder and origin', () => {
    const quotes = quotesOf([row('2.1', 'a', 'ana'), row('2.1', 'a', 'auto', 'auto'), row('2.1', 'a', 'budi'), row('2.1', 'b', 'ana'), row('3.1', 'a', 'ana')]);
    expect(quotes.map((q) => [q.segment, q.code, q.coders.join(','), q.origins.join(',')])).toEqual([
      ['2.1', 'a', 'ana,auto,budi', 'manual,auto'],
      ['2.1', 'b', 'ana', 'manual'],
      ['3.1', 'a', 'ana', 'manual'],
    ]);
  });

  it('leave out the sentences of a turn coded with the same code, as every count does', () => {
    const quotes = quotesOf([row('2', 'a', 'ana'), row('2.1', 'a', 'auto', 'auto'), row('2.1', 'b', 'auto', 'auto'), row('2.2', 'a', 'budi'), row('3.1', 'a', 'ana')]);
    expect(quotes.map((q) => `${q.segment} ${q.code}`)).toEqual(['2 a', '2.1 b', '3.1 a']);
  });
});
