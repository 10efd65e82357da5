import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { strictVerdict, triangulationCsv } from './triangulation.js';

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
