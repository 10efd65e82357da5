import { describe, expect, it } from 'vitest';
import { codeFamilyFixture } from '../../../test/helpers/code-family-fixture.js';
import { matrixCodes } from './matrix-codes.js';

const { known, tree } = codeFamilyFixture();

describe('matrixCodes', () => {
  const rows = (choice: Parameters<typeof matrixCodes>[2]) => matrixCodes(tree, known, choice).map((r) => `${'  '.repeat(r.depth)}${r.code}${r.category ? '*' : ''}`);

  it('lists the leaf codes by default, and categories before their codes when asked', () => {
    expect(rows({})).toEqual(['role/educator', 'role/broker', 'advocate', 'barrier*']);
    expect(rows({ categories: true })).toEqual(['role*', '  role/educator', '  role/broker', '  advocate', 'barrier*']);
  });

  it('lists the codes below --code, or the codes named', () => {
    expect(rows({ code: 'role' })).toEqual(['role/educator', 'role/broker', 'advocate']);
    expect(rows({ code: 'role', categories: true })).toEqual(['role*', '  role/educator', '  role/broker', '  advocate']);
    expect(rows({ code: 'role/educator' })).toEqual(['role/educator']);
    expect(rows({ codes: ['barrier', 'role/broker'] })).toEqual(['barrier*', 'role/broker']);
    expect(matrixCodes(tree, known, { codes: ['role'] })[0]!.family.sort()).toEqual(['advocate', 'role', 'role/broker', 'role/educator', 'role/old']);
  });

  it('labels codes in the codebook language, and lists coded codes without a codebook', () => {
    expect(matrixCodes(tree, known, { code: 'role' }).map((r) => r.label)).toEqual(['Pendidik', '', '']);
    expect(matrixCodes(null, { codebook: [], coded: ['b', 'a/x'] }, {}).map((r) => r.code)).toEqual(['a/x', 'b']);
  });
});
