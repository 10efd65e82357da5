import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../codebook/parse-codebook.js';
import { codeFamily, isKnownCode } from './code-family.js';

const { codebook } = parseCodebook(`codebook: { name: t, version: '1' }
codes:
  - id: role
    label: Peran
    definition: x
    children:
      - { id: role/educator, label: Pendidik, definition: x }
      - { id: role/broker, definition: x }
  - id: barrier
    definition: x
  - id: advocate
    parent: role
    definition: x
`);

const known = { codebook: codebook!.codes, coded: ['role/old', 'barrier/cost', 'imported'] };

describe('code families', () => {
  it('hold the codebook tree below a code and the codings under its path', () => {
    expect(codeFamily('role', known).sort()).toEqual(['advocate', 'role', 'role/broker', 'role/educator', 'role/old']);
    expect(codeFamily('barrier', known)).toEqual(['barrier', 'barrier/cost']);
    expect(codeFamily('role/educator', known)).toEqual(['role/educator']);
    expect(isKnownCode('imported', known)).toBe(true);
    expect(isKnownCode('role/x', known)).toBe(false);
  });
});
