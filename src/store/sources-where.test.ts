import { describe, expect, it } from 'vitest';
import { sourcesWhere } from './sources-where.js';

describe('sourcesWhere', () => {
  it('names the fields given, in order, and nothing when none is', () => {
    expect(sourcesWhere({})).toEqual({ sql: '', params: [] });
    expect(sourcesWhere({ sourceType: 'fgd' })).toEqual({ sql: ' WHERE type = ?', params: ['fgd'] });
    expect(sourcesWhere({ source: 'w01', sourceType: 'interview' })).toEqual({ sql: ' WHERE name = ? AND type = ?', params: ['w01', 'interview'] });
  });
});
