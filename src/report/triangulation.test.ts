import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Memo } from '../core/memo-target.js';
import { strictVerdict, triangulationCsv, triangulationDepth } from './triangulation.js';

const plain = new Chalk({ level: 0 });

describe('strictVerdict', () => {
  it('reads right without a split (no "undefined")', () => {
    const text = strictVerdict([{ code: 'barrier/distrust', status: 'single-source', within: null }], 'corroborated', null, false, plain);
    expect(text).toBe('below corroborated: barrier/distrust is single-source\n');
  });

  it('names the site or group when split', () => {
    expect(strictVerdict([{ code: 'trust', status: 'absent', within: 'Medan' }], 'corroborated', 'site', true, plain)).toBe('below corroborated: trust is absent (site Medan)\n');
  });

  it('says every code passes when none fails', () => {
    expect(strictVerdict([], 'convergent', null, true, plain)).toBe('Every code is at least convergent\n');
    expect(strictVerdict([], 'convergent', null, false, plain)).toBe('Every required code is at least convergent\n');
  });
});

describe('triangulationCsv', () => {
  it('puts the split value first', () => {
    const row = { code: 'trust', label: 'Trust', category: false, required: false, sources: { interview: 1, fgd: 0, observation: 2, document: 0 }, participants: 1, groups: 1, status: 'corroborated' as const, flags: ['one-sided' as const], evidence: [] };
    expect(triangulationCsv({ by: 'site', tables: [{ value: 'Medan', codes: [row] }], failing: [] })).toEqual({
      header: ['site', 'code', 'label', 'interview', 'fgd', 'observation', 'document', 'participants', 'groups', 'status', 'flags'],
      rows: [['Medan', 'trust', 'Trust', 1, 0, 2, 0, 1, 1, 'corroborated', 'one-sided']],
    });
  });
});

describe('triangulationDepth', () => {
  const row = {
    code: 'trust',
    label: 'Trust',
    category: false,
    required: false,
    sources: { interview: 1, fgd: 0, observation: 0, document: 0 },
    participants: 1,
    groups: 1,
    status: 'single-source' as const,
    flags: [],
    evidence: [{ source: 'w01', sourceType: 'interview' as const, segment: '4.2', participant: 'Sumiati', startMs: null, text: 'Saya percaya Bu Rahmawati.' }],
  };
  const memo = (id: number, fields: Partial<Memo>): Memo => ({ id, target: '', kind: 'code', source: null, segment: null, code: 'trust', participant: null, author: 'rina', text: `memo ${id} text`, createdAt: 't', updatedAt: 't', ...fields });

  it('puts a segment memo under its quote and the code memos last, naming a code below this one', () => {
    const memos = [memo(1, { kind: 'segment', source: 'w01', segment: '4.2', code: null }), memo(2, {}), memo(3, { code: 'trust/local', target: 'code:trust/local' })];
    expect(triangulationDepth(row, undefined, 60, plain, memos)).toBe(
      [
        'trust Trust — single-source',
        '',
        'interview (1)',
        '  w01 · 4.2 · Sumiati',
        '    “Saya percaya Bu Rahmawati.”',
        '    memo 1 · rina',
        '      memo 1 text',
        '',
        'fgd (0)',
        '  none',
        '',
        'observation (0)',
        '  none',
        '',
        'document (0)',
        '  none',
        '',
        'memos (2)',
        '  memo 2 · rina',
        '    memo 2 text',
        '  memo 3 · code:trust/local · rina',
        '    memo 3 text',
        '',
      ].join('\n'),
    );
  });

  it('is as before without memos', () => {
    expect(triangulationDepth(row, undefined, 60, plain)).not.toMatch(/memo/);
  });
});
