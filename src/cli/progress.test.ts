import { describe, expect, it } from 'vitest';
import type { Ctx } from './context.js';
import { formatRate, progressBar, renderProgressLine, startProgress, type ProgressFacts } from './progress.js';

describe('progressBar', () => {
  it.each([
    [0, 10, '[░░░░░░░░░░]   0%'],
    [5, 10, '[█████░░░░░]  50%'],
    [10, 10, '[██████████] 100%'],
    [0, 0, '[██████████] 100%'],
  ])('%i of %i', (done, total, bar) => {
    expect(progressBar(done, total, 10)).toBe(bar);
  });
});

const INGESTING: ProgressFacts = { label: 'Ingesting', done: 412, total: 860, unit: 'files', details: ['38.2 MB', '12.4 MB/s', '211,004 segments'] };

describe('renderProgressLine', () => {
  it('shows counts, size, rate and segments when the terminal is wide enough', () => {
    expect(renderProgressLine(INGESTING, 120)).toBe('Ingesting [█████░░░░░]  48% 412/860 files · 38.2 MB · 12.4 MB/s · 211,004 segments');
  });

  it.each([
    [80, 'Ingesting [█████░░░░░]  48% 412/860 files · 38.2 MB · 12.4 MB/s'],
    [60, 'Ingesting [█████░░░░░]  48% 412/860 files · 38.2 MB'],
    [45, 'Ingesting [█████░░░░░]  48% 412/860 files'],
    [30, 'Ingesting 48% 412/860 files'],
    [20, 'Ingesting 48% 412/…'],
  ])('fits %i columns, leaving the last one free', (columns, line) => {
    expect(renderProgressLine(INGESTING, columns)).toBe(line);
    expect(line.length).toBeLessThan(columns);
  });

  it('leaves out details that are not known yet and formats large counts', () => {
    expect(renderProgressLine({ label: 'Coding', done: 31, total: 48_000, unit: 'sources', details: [undefined, '812,331 units'] }, 80)).toBe(
      'Coding [░░░░░░░░░░]   0% 31/48,000 sources · 812,331 units',
    );
  });
});

describe('formatRate', () => {
  it.each([
    [40 * 1024 * 1024, 4, 'MB', '10.0 MB/s'],
    [3_800_000, 2, 'units', '1.9 M units/s'],
    [41_200, 1, 'units', '41 k units/s'],
    [1_234, 1, 'units', '1,234 units/s'],
    [1_000, 0.1, 'units', undefined],
  ])('%d in %d s as %s', (amount, seconds, unit, rate) => {
    expect(formatRate(amount, seconds, unit)).toBe(rate);
  });
});

/** A context whose stderr is captured. */
function fakeCtx(overrides: Partial<Ctx>): Ctx & { err: () => string } {
  let err = '';
  return {
    stdout: { write: () => true },
    stderr: { write: (text: string) => (err += text) },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    color: false,
    cwd: '/',
    env: {},
    now: () => new Date(0),
    columns: 80,
    ...overrides,
    err: () => err,
  };
}

describe('startProgress', () => {
  const facts = (done: number) => (seconds: number): ProgressFacts => ({ label: 'Coding', done, total: 4, unit: 'sources', details: [`${seconds} s`] });

  it('draws one line on a terminal, at most ten times a second, and erases it at the end', () => {
    let now = 0;
    const ctx = fakeCtx({ stderrIsTTY: true });
    const progress = startProgress(ctx, { clock: () => now });
    progress.update(facts(0));
    now = 50;
    progress.update(facts(1));
    now = 150;
    progress.update(facts(2));
    progress.note('Stopping after this source');
    progress.stop();
    expect(ctx.err()).toBe(
      '\rCoding [░░░░░░░░░░]   0% 0/4 sources · 0 s\u001b[K' +
        '\rCoding [█████░░░░░]  50% 2/4 sources · 0.15 s\u001b[K' +
        '\r\u001b[KStopping after this source\n' +
        '\rCoding [█████░░░░░]  50% 2/4 sources · 0.15 s\u001b[K' +
        '\r\u001b[K',
    );
  });

  it.each([
    ['in a pipe', { stderrIsTTY: false }, {}],
    ['with --json', { stderrIsTTY: true }, { json: true }],
  ])('draws nothing %s, but still writes notes', (_case, overrides, options) => {
    const ctx = fakeCtx(overrides);
    const progress = startProgress(ctx, options);
    progress.update(facts(1));
    progress.note('Stopping after this source');
    progress.stop();
    expect(ctx.err()).toBe('Stopping after this source\n');
  });
});
