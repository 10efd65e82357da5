import { describe, expect, it } from 'vitest';
import { createPackedCodings } from '../../core/coding/code-units.js';
import type { SourceRange } from '../../store/unit-ranges.js';
import { CodingThreads, planBatches, type CodedBatch } from './coding-threads.js';

const sources: SourceRange[] = Array.from({ length: 8 }, (_, k) => ({ id: k + 1, name: `s${k}`, first: k * 10 + 1, last: k * 10 + 10 }));
const job = { database: ':memory:', key: undefined, codebook: { name: 'x', version: '1', languages: [], authors: [], description: null, negation: { words: {}, window: 0 }, codes: [] }, selection: { unit: 'sentence' as const, includeInterviewer: false }, sources };
const coded = (batch: number): CodedBatch => ({ batch, units: new Int32Array(0), codings: new Int32Array(0), packed: createPackedCodings(1) });

describe('CodingThreads', () => {
  it('gives this thread batch 0 first and then every batch no worker has taken, once each', async () => {
    const starts = planBatches(sources, 2);
    expect(starts.length - 1).toBeGreaterThan(2);
    // No worker: this thread claims them all, in order, and takes them back as it gave them.
    const threads = new CodingThreads({ ...job, starts }, 0);
    const claimed: number[] = [];
    for (let b = threads.claim(); b >= 0; b = threads.claim()) {
      claimed.push(b);
      expect(threads.has(b)).toBe(false);
      threads.give(coded(b));
      expect(threads.has(b)).toBe(true);
    }
    expect(claimed).toEqual(Array.from({ length: starts.length - 1 }, (_, b) => b));
    for (const b of claimed) expect((await threads.take(b)).batch).toBe(b);
    expect(threads.has(0)).toBe(false);
    await threads.stop();
  });
});
