import { describe, expect, it } from 'vitest';
import type { Memo } from '../memo-target.js';
import { memosOfCode } from './code-memos.js';

const memo = (id: number, fields: Partial<Memo>): Memo => ({
  id,
  target: '',
  kind: 'project',
  source: null,
  segment: null,
  code: null,
  participant: null,
  author: 'rina',
  text: `memo ${id}`,
  createdAt: 't',
  updatedAt: 't',
  ...fields,
});

describe('memosOfCode', () => {
  it('takes memos on the code and the codes below it, and on the quoted segments', () => {
    const memos = [
      memo(1, { kind: 'code', code: 'barrier' }),
      memo(2, { kind: 'code', code: 'barrier/economic' }),
      memo(3, { kind: 'code', code: 'barriers' }),
      memo(4, { kind: 'segment', source: 'w01', segment: '2.2' }),
      memo(5, { kind: 'segment', source: 'w01', segment: '2' }),
      memo(6, { kind: 'source', source: 'w01' }),
      memo(7, { kind: 'project' }),
      memo(8, { kind: 'segment', source: 'w02', segment: '2.2' }),
    ];
    const quotes = [{ source: 'w01', segment: '2.2' }, { source: 'obs01', segment: '3' }];
    expect(memosOfCode('barrier', quotes, memos).map((m) => m.id)).toEqual([1, 2, 4]);
    expect(memosOfCode('barrier/economic', [], memos).map((m) => m.id)).toEqual([2]);
  });
});
