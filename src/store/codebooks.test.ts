import { describe, expect, it } from 'vitest';
import type { Codebook } from '../core/codebook/types.js';
import {
  findCodebooksByNameVersion,
  findCurrentCodebook,
  findLatestCodebookFromFile,
  saveCodebookVersion,
  setCurrentCodebook,
} from './codebooks.js';
import { openStore } from './open.js';

const codebook = (version: string): Codebook => ({ name: 'Mini', version, languages: ['id'], authors: [], description: null, negation: { words: {}, window: 0 }, codes: [] });

describe('codebook versions', () => {
  it('has no current codebook until one is set, then the last one set', () => {
    const db = openStore(':memory:', { create: true });
    expect(findCurrentCodebook(db)).toBeUndefined();
    const one = saveCodebookVersion(db, codebook('1'), { file: 'a.yaml', sha256: 's1', yaml: 'one' }, 't1').version;
    const two = saveCodebookVersion(db, codebook('2'), { file: 'a.yaml', sha256: 's2', yaml: 'two' }, 't2').version;
    setCurrentCodebook(db, two.id, 't2');
    expect(findCurrentCodebook(db)).toMatchObject({ id: two.id, version: '2', yaml: 'two' });
    setCurrentCodebook(db, one.id, 't3');
    expect(findCurrentCodebook(db)).toMatchObject({ id: one.id, version: '1', yaml: 'one' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM current_codebook').get()).toEqual({ n: 1 });
  });

  it('refuses to point at a version that is not stored', () => {
    const db = openStore(':memory:', { create: true });
    expect(() => setCurrentCodebook(db, 42, 't')).toThrow(/FOREIGN KEY/);
  });

  it('finds versions by name and version, and the newest one read from a file', () => {
    const db = openStore(':memory:', { create: true });
    saveCodebookVersion(db, codebook('1'), { file: 'a.yaml', sha256: 's1', yaml: '' }, 't1');
    saveCodebookVersion(db, codebook('1'), { file: 'b.yaml', sha256: 's2', yaml: '' }, 't2');
    saveCodebookVersion(db, codebook('2'), { file: 'a.yaml', sha256: 's3', yaml: '' }, 't3');
    expect(findCodebooksByNameVersion(db, 'Mini', '1').map((v) => v.sha256)).toEqual(['s1', 's2']);
    expect(findCodebooksByNameVersion(db, 'Other', '1')).toEqual([]);
    expect(findLatestCodebookFromFile(db, 'a.yaml')?.sha256).toBe('s3');
    expect(findLatestCodebookFromFile(db, 'c.yaml')).toBeUndefined();
  });
});
