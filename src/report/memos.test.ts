import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Memo } from '../core/memo-target.js';
import { memoBlocks, memoNote, memoTable } from './memos.js';

const plain = new Chalk({ level: 0 });
const now = new Date('2026-01-02T12:00:00.000Z');
const memo = (id: number, target: string, text: string, updatedAt = '2026-01-02T10:00:00.000Z'): Memo => ({
  id,
  target,
  kind: target.startsWith('segment:') ? 'segment' : 'project',
  source: null,
  segment: null,
  code: null,
  participant: null,
  author: 'rina',
  text,
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt,
});

describe('memoBlocks', () => {
  it('gives each memo a heading and its whole text, wrapped, paragraphs kept', () => {
    const text = memoBlocks([memo(1, 'segment:w01:4.2', 'Leaflet dari Dinas Sosial, bukan dari BPJS sendiri.\n\nCek obs03.'), memo(2, 'project', 'Pendek', '2026-01-02T11:59:30.000Z')], { width: 40, now, paint: plain });
    expect(text).toBe(
      'memo 1 · segment:w01:4.2 · rina · 2 h ago\n' +
        '  Leaflet dari Dinas Sosial, bukan dari\n' +
        '  BPJS sendiri.\n' +
        '\n' +
        '  Cek obs03.\n' +
        '\n' +
        'memo 2 · project · rina · 2 h ago (edited just now)\n' +
        '  Pendek\n',
    );
  });

  it('leaves out the target and times where the place says them', () => {
    expect(memoNote(memo(3, 'segment:w01:4.2', 'Catatan'), { width: 80, paint: plain, indent: '    ', withTarget: false })).toEqual(['    memo 3 · rina', '      Catatan']);
  });
});

describe('memoTable', () => {
  it('puts one memo on a line for pipes', () => {
    expect(memoTable([memo(1, 'project', 'Satu\ndua')]).rows).toEqual([[1, 'project', 'rina', '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00.000Z', 'Satu dua']]);
  });
});
