import { describe, expect, it } from 'vitest';
import { chooseSources, codeFilter, coderMask, listedCodes } from './agreement-scope.js';

describe('chooseSources', () => {
  const sources = [
    { name: 'w01', coders: ['ana', 'auto'] },
    { name: 'w02', coders: ['auto'] },
    { name: 'w03', coders: [] },
    { name: 'w04', coders: ['ana', 'budi', 'auto'] },
  ];

  it('compares the sources every coder coded and leaves out those only some coded', () => {
    const { compared, leftOut } = chooseSources(sources, ['ana', 'auto'], false);
    expect(compared.map((s) => s.name)).toEqual(['w01', 'w04']);
    expect(leftOut.map((s) => s.name)).toEqual(['w02']);
  });

  it('with all sources, compares every source any of them coded; one nobody coded is neither', () => {
    const { compared, leftOut } = chooseSources(sources, ['ana', 'budi'], true);
    expect(compared.map((s) => s.name)).toEqual(['w01', 'w04']);
    expect(leftOut).toEqual([]);
  });
});

describe('codes compared', () => {
  const codes = [
    { id: 'role', parent: null },
    { id: 'role/educator', parent: 'role' },
    { id: 'role/broker', parent: 'role' },
    { id: 'barrier', parent: null },
    { id: 'barrier/cost', parent: 'barrier' },
  ];

  it('takes a category as the codes below it, and lists codes without children in codebook order', () => {
    const includes = codeFilter(['role']);
    expect(['role', 'role/educator', 'roles/x', 'barrier/cost'].map(includes)).toEqual([true, true, false, false]);
    expect(listedCodes(codes, includes)).toEqual(['role/educator', 'role/broker']);
    expect(listedCodes(codes, codeFilter())).toEqual(['role/educator', 'role/broker', 'barrier/cost']);
  });

  it('gives each coder a bit', () => {
    expect(coderMask(['ana', 'budi', 'auto'], ['auto', 'ana'])).toBe(0b101);
  });
});
