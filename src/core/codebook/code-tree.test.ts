import { describe, expect, it } from 'vitest';
import { buildCodeTree, descendantsOf, nearestCodeIds, type CodeNode } from './code-tree.js';
import { parseCodebook } from './parse-codebook.js';
import type { Codebook } from './types.js';

/** role (nested), barrier (flat with path ids, written before its parent), outcome (parent:). */
const YAML = `codebook: { name: Tree, version: '1' }
codes:
  - id: role
    definition: Roles.
    children:
      - id: role/educator
        definition: Explains.
      - id: role/broker
        definition: Links.
        children:
          - id: role/broker/office
            definition: At an office.
  - id: barrier/documentation
    definition: Papers.
  - id: barrier
    definition: Barriers.
  - id: enrollment
    parent: outcome
    definition: Enrols.
  - id: outcome
    definition: Outcomes.
`;

function codebook(): Codebook {
  const { codebook, problems } = parseCodebook(YAML);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return codebook!;
}

function shape(nodes: CodeNode[]): unknown[] {
  return nodes.map((n) => (n.children.length ? { [n.code.id]: shape(n.children) } : n.code.id));
}

describe('buildCodeTree', () => {
  it('nests every code under its parent, each level in codebook order', () => {
    expect(shape(buildCodeTree(codebook()))).toEqual([
      { role: ['role/educator', { 'role/broker': ['role/broker/office'] }] },
      { barrier: ['barrier/documentation'] },
      { outcome: ['enrollment'] },
    ]);
  });

  it('gives the CodeDef itself at each node', () => {
    const cb = codebook();
    const [role] = buildCodeTree(cb);
    expect(role!.code).toBe(cb.codes[0]);
    expect(role!.children[0]!.code.definition).toBe('Explains.');
  });
});

describe('descendantsOf', () => {
  it.each([
    ['role', ['role', 'role/educator', 'role/broker', 'role/broker/office']],
    ['role/broker', ['role/broker', 'role/broker/office']],
    ['role/educator', ['role/educator']],
    ['outcome', ['outcome', 'enrollment']],
    ['nope', []],
  ])('%s → %j', (id, expected) => {
    expect(descendantsOf(codebook(), id)).toEqual(expected);
  });
});

describe('nearestCodeIds', () => {
  it.each([
    ['educator', ['role/educator']],
    ['role/educatr', ['role/educator']],
    ['barier', ['barrier']],
    ['documentation', ['barrier/documentation']],
    ['enrolment', ['enrollment']],
    ['xyz', []],
  ])('%s → %j', (wanted, expected) => {
    expect(nearestCodeIds(codebook(), wanted, 2)).toEqual(expected);
  });

  it('returns three by default, shorter prefix matches first', () => {
    expect(nearestCodeIds(codebook(), 'role')).toEqual(['role', 'role/broker', 'role/educator']);
  });
});
