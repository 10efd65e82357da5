import { describe, expect, it } from 'vitest';
import { locateCodebookVersion, suggestNextVersion } from './codebook-version.js';

describe('locateCodebookVersion', () => {
  it('finds the value of version: under codebook:, block or flow style', () => {
    expect(locateCodebookVersion('codebook:\n  name: BPJS\n  version: "1.2"\ncodes: []\n')).toEqual({ line: 3, col: 12 });
    expect(locateCodebookVersion("# notes\ncodebook: { name: BPJS, version: '2' }\n")).toEqual({ line: 2, col: 34 });
  });

  it('gives nothing when there is no version to point at', () => {
    expect(locateCodebookVersion('codebook:\n  name: BPJS\n')).toBeUndefined();
    expect(locateCodebookVersion('- [')).toBeUndefined();
  });
});

describe('suggestNextVersion', () => {
  it.each([
    ['1.2', '1.3'],
    ['1', '2'],
    ['1.0.9', '1.0.10'],
    ['v2', 'v3'],
    ['2024-05', '2024-06'],
  ])('%s → %s', (version, next) => {
    expect(suggestNextVersion(version, [])).toBe(next);
  });

  it('skips versions already taken', () => {
    expect(suggestNextVersion('1.2', ['1.3', '1.4'])).toBe('1.5');
  });

  it('has no suggestion for a version without a number at its end', () => {
    expect(suggestNextVersion('draft', [])).toBeUndefined();
  });
});
