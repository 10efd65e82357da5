import { describe, expect, it } from 'vitest';
import { codeFamilyFixture } from '../../../test/helpers/code-family-fixture.js';
import { codeFamily, isKnownCode } from './code-family.js';

const { known } = codeFamilyFixture();

describe('code families', () => {
  it('hold the codebook tree below a code and the codings under its path', () => {
    expect(codeFamily('role', known).sort()).toEqual(['advocate', 'role', 'role/broker', 'role/educator', 'role/old']);
    expect(codeFamily('barrier', known)).toEqual(['barrier', 'barrier/cost']);
    expect(codeFamily('role/educator', known)).toEqual(['role/educator']);
    expect(isKnownCode('imported', known)).toBe(true);
    expect(isKnownCode('role/x', known)).toBe(false);
  });
});
