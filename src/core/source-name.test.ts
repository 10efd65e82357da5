import { describe, expect, it } from 'vitest';
import { distinguishingDepth, nameCandidates, sourceNameProblem } from './source-name.js';

const first = (n: number, gen: Generator<string>): string[] => Array.from({ length: n }, () => gen.next().value as string);

describe('nameCandidates', () => {
  it('offers the plain name, then closer folders in front, then numbers', () => {
    expect(first(6, nameCandidates('w01', ['', 'home', 'data', 'site a', 'interviews']))).toEqual([
      'w01',
      'interviews-w01',
      'site-a-interviews-w01',
      'data-site-a-interviews-w01',
      'w01-2',
      'w01-3',
    ]);
  });

  it('starts with folders when asked, and numbers from there', () => {
    expect(first(3, nameCandidates('w01', ['site-b'], 1))).toEqual(['site-b-w01', 'site-b-w01-2', 'site-b-w01-3']);
    expect(first(2, nameCandidates('w01', [], 1))).toEqual(['w01', 'w01-2']);
  });
});

describe('distinguishingDepth', () => {
  it('puts the parent folder in front when that tells the files apart', () => {
    expect(distinguishingDepth('w01', [['data', 'site-a'], ['data', 'site-b']])).toBe(1);
  });

  it('goes further up when the parents share a name', () => {
    expect(distinguishingDepth('w01', [['site-a', 'interviews'], ['site-b', 'interviews']])).toBe(2);
  });
});

describe('sourceNameProblem', () => {
  it.each(['w01-sumiati', 'FGD 1 Medan', 'wawancara_02', 'Ibu Ani (2)'])('accepts %s', (name) => {
    expect(sourceNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    [' w01', /space/],
    ['-w01', /option/],
    ['w\n01', /control/],
    ['a/b', /"\/"/],
    ['x'.repeat(201), /at most 200/],
  ])('refuses %j', (name, problem) => {
    expect(sourceNameProblem(name)).toMatch(problem);
  });
});
