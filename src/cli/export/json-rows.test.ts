import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { fakeCtx } from '../../../test/helpers/fake-ctx.js';
import { ExportSink } from '../export-sink.js';
import { writeJsonRows } from './json-rows.js';

const never = (): undefined => undefined;

/** Rows of about a hundred characters each, with what JSON makes of nesting, nulls and escapes. */
function rows(n: number): { id: number; text: string; memos: { author: string }[]; memo: null }[] {
  return Array.from({ length: n }, (_, i) => ({ id: i, text: `baris "${i}"\nkedua ${'x'.repeat(60)}`, memos: i % 3 ? [] : [{ author: 'rina' }], memo: null }));
}

describe('writeJsonRows', () => {
  it('writes byte for byte what JSON.stringify(array, null, 2) and a newline write', async () => {
    for (const n of [0, 1, 2, 5000]) {
      const ctx = fakeCtx('/');
      const sink = ExportSink.open(ctx, {});
      expect(await writeJsonRows(sink, never, rows(n))).toBe(n);
      sink.close();
      expect(ctx.out()).toBe(`${JSON.stringify(rows(n), null, 2)}\n`);
    }
  });

  it('writes the first rows while later ones are still to be read', async () => {
    const ctx = fakeCtx('/');
    const sink = ExportSink.open(ctx, {});
    const seen: number[] = [];
    function* counted(): Generator<unknown> {
      for (const row of rows(5000)) {
        seen.push(ctx.out().length);
        yield row;
      }
    }
    await writeJsonRows(sink, never, counted());
    sink.close();
    // Output had reached stdout before the last row was read: the array was never whole in memory.
    expect(seen.at(-1)).toBeGreaterThan(0);
    expect(seen.findIndex((bytes) => bytes > 0)).toBeLessThan(1000);
  });

  it('waits while stdout drains instead of queueing the rest', async () => {
    // A pipe read slowly: every write says "not now" until a drain.
    const out = Object.assign(new EventEmitter(), { text: '', write: (s: string) => ((out.text += s), false) });
    const ctx = { ...fakeCtx('/'), stdout: out };
    const sink = ExportSink.open(ctx, {});
    let read = 0;
    function* counted(): Generator<unknown> {
      for (const row of rows(5000)) {
        read += 1;
        yield row;
      }
    }
    const writing = writeJsonRows(sink, never, counted());
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Stopped after the first chunk, until the reader drains it.
    expect(read).toBeLessThan(5000);
    const stalledAt = read;
    for (let i = 0; i < 100 && read < 5000; i += 1) {
      out.emit('drain');
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    sink.close();
    expect(stalledAt).toBeGreaterThan(0);
    expect(out.text).toBe(`${JSON.stringify(rows(5000), null, 2)}\n`);
  });
});
