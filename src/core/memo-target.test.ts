import { describe, expect, it } from 'vitest';
import { formatMemoTarget, isMemoKind, parseMemoTarget } from './memo-target.js';

describe('parseMemoTarget', () => {
  it.each([
    ['project', { kind: 'project' }],
    ['source:w01-sumiati', { kind: 'source', source: 'w01-sumiati' }],
    ['segment:w01-sumiati:4.2', { kind: 'segment', source: 'w01-sumiati', segment: '4.2' }],
    ['segment:w01-sumiati:12', { kind: 'segment', source: 'w01-sumiati', segment: '12' }],
    ['segment:Zoom 2025:03:4.2', { kind: 'segment', source: 'Zoom 2025:03', segment: '4.2' }],
    ['code:barrier/economic', { kind: 'code', code: 'barrier/economic' }],
    ['participant:Sumiati', { kind: 'participant', participant: 'Sumiati' }],
    ['  Source:w01 ', { kind: 'source', source: 'w01' }],
  ])('%s', (text, target) => {
    expect(parseMemoTarget(text)).toEqual(target);
  });

  it('writes each target back as it reads', () => {
    for (const text of ['project', 'source:w01', 'segment:w01:4.2', 'segment:a:b:7', 'code:role/educator', 'participant:Darto']) {
      expect(formatMemoTarget(parseMemoTarget(text))).toBe(text);
    }
  });

  it.each([
    ['w01-sumiati', /"w01-sumiati" is not a memo target\. Write project, source:NAME, segment:NAME:T\.S, code:ID or participant:PSEUDONYM/],
    ['sorce:w01', /"sorce" is not a kind of memo target\. Did you mean source:w01\?/],
    ['segmen:w01:4.2', /Did you mean segment:w01:4\.2\?/],
    ['w01-sumiati:4.2', /"w01-sumiati:4\.2" is not a memo target\. Did you mean segment:w01-sumiati:4\.2\?/],
    ['source:', /source: needs a name\. For example source:w01-sumiati/],
    ['segment:w01', /segment:w01 names no segment/],
    ['segment:w01:4-6', /a memo is on one segment, not the range 4-6\. Write one turn \(T\) or sentence \(T\.S\), e\.g\. segment:w01:4/],
    ['segment:w01:x', /"x" is not a segment address/],
    ['project:x', /A memo on the whole project is written project/],
  ])('refuses %s with a way to write it', (text, message) => {
    expect(() => parseMemoTarget(text)).toThrow(expect.objectContaining({ name: 'InputError' }));
    try {
      parseMemoTarget(text);
    } catch (error) {
      const e = error as { message: string; hint?: string };
      expect(`${e.message}. ${e.hint}`).toMatch(message);
    }
  });

  it('lets the caller say what a bare word is', () => {
    expect(() => parseMemoTarget('w01', (w) => `Did you mean source:${w}?`)).toThrow(/not a memo target/);
    try {
      parseMemoTarget('w01', (w) => `Did you mean source:${w}?`);
    } catch (error) {
      expect((error as { hint: string }).hint).toBe('Did you mean source:w01?');
    }
  });

  it('knows a kind alone', () => {
    expect(['code', 'segment', 'project', 'codes', 'source:w01'].map(isMemoKind)).toEqual([true, true, true, false, false]);
  });
});
