import { describe, expect, it } from 'vitest';
import { findDroppedCodes } from './dropped-codes.js';
import { parseCodebook } from './parse-codebook.js';
import type { Codebook } from './types.js';

function parse(yaml: string): Codebook {
  const { codebook, problems } = parseCodebook(yaml);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return codebook!;
}

const V1 = parse(`codebook: { name: Study, version: '1' }
codes:
  - id: barrier
    definition: Barriers.
    children:
      - { id: barrier/economic, label: { id: Ekonomi, en: Economic }, definition: Income too low. }
      - { id: barrier/distrust, label: Curiga, definition: Suspicion of the programme. }
      - { id: barrier/distance, label: Jauh, definition: The office is far. }
  - id: role
    definition: Roles.
    children:
      - { id: role/educator, label: Pendidik, definition: Explains. }
`);

const V2 = parse(`codebook: { name: Study, version: '2' }
codes:
  - id: barrier
    definition: Barriers.
    children:
      - { id: barrier/cost, label: { id: Ekonomi }, definition: Contributions cost too much. }
      - { id: barrier/trust, label: Kepercayaan, definition: "  Suspicion of the  programme." }
  - id: roles
    definition: Roles.
    children:
      - { id: roles/educator, label: Guru, definition: Teaches. }
`);

describe('findDroppedCodes', () => {
  it('names each code with human codings that the new version lacks, with a likely new id', () => {
    const human = new Map([
      ['barrier/economic', 4],
      ['barrier/distrust', 2],
      ['barrier/distance', 1],
      ['role/educator', 3],
      ['barrier', 1],
    ]);
    expect(findDroppedCodes(V1, V2, human)).toEqual([
      { code: 'barrier/economic', humanCodings: 4, likely: 'barrier/cost' },
      { code: 'barrier/distrust', humanCodings: 2, likely: 'barrier/trust' },
      { code: 'barrier/distance', humanCodings: 1 },
      { code: 'role/educator', humanCodings: 3, likely: 'roles/educator' },
    ]);
  });

  it('leaves out dropped codes nobody coded by hand, and kept codes', () => {
    expect(findDroppedCodes(V1, V2, new Map([['barrier', 5]]))).toEqual([]);
    expect(findDroppedCodes(V1, V1, new Map([['barrier/economic', 5]]))).toEqual([]);
  });

  it('works without the earlier version, from the codings alone (ids only)', () => {
    expect(findDroppedCodes(undefined, V2, new Map([['role/educator', 1], ['barrier/gone', 2]]))).toEqual([
      { code: 'barrier/gone', humanCodings: 2 },
      { code: 'role/educator', humanCodings: 1, likely: 'roles/educator' },
    ]);
  });

  it('suggests nothing when two new codes fit equally well', () => {
    const twins = parse(`codebook: { name: Study, version: '3' }
codes:
  - { id: a, definition: A. }
  - { id: a/educator, definition: X. }
  - { id: b, definition: B. }
  - { id: b/educator, definition: Y. }
`);
    expect(findDroppedCodes(V1, twins, new Map([['role/educator', 1]]))).toEqual([{ code: 'role/educator', humanCodings: 1 }]);
  });
});
