import { describe, expect, it } from 'vitest';
import { diffCodebooks } from './diff-codebooks.js';
import { parseCodebook } from './parse-codebook.js';
import type { Codebook } from './types.js';

function parse(yaml: string): Codebook {
  const { codebook, problems } = parseCodebook(yaml);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return codebook!;
}

const V1 = `codebook: { name: Study, version: '1' }
codes:
  - id: role
    definition: Roles.
    children:
      - id: role/educator
        label: Educator
        definition: Explains the programme.
        contrasts: [barrier, role/broker]
        patterns:
          id: [sosialisasi, jelaskan*]
          not: [BPJS Kesehatan]
        examples: [Kami adakan sosialisasi.]
      - id: role/broker
        definition: Links workers with offices.
  - id: barrier
    definition: Barriers.
  - id: strategy
    definition: Strategies.
  - id: peer-agents
    parent: role
    definition: Workers who recruit other workers.
`;

describe('diffCodebooks', () => {
  it('finds nothing between a codebook and itself, or the same codes laid out differently', () => {
    const relaid = `codebook: { name: Study, version: '2' }
codes:
  - { id: strategy, definition: Strategies. }
  - { id: barrier, definition: Barriers. }
  - { id: role, definition: Roles. }
  - { id: role/broker, definition: Links workers with offices. }
  - { id: peer-agents, parent: role, definition: Workers who recruit other workers. }
  - id: role/educator
    definition: Explains the programme.
    label: { id: Educator, en: Educator }
    contrasts: [role/broker, barrier]
    examples: [Kami adakan sosialisasi.]
    patterns: { not: [BPJS Kesehatan], id: [sosialisasi, jelaskan*] }
`;
    expect(diffCodebooks(parse(V1), parse(V1))).toEqual({ added: [], removed: [], changed: [] });
    expect(diffCodebooks(parse(V1), parse(relaid))).toEqual({ added: [], removed: [], changed: [] });
  });

  it('lists added and removed ids in each file’s order and the YAML keys that changed', () => {
    const v2 = `codebook: { name: Study, version: '2' }
codes:
  - id: role
    definition: Roles.
    children:
      - id: role/educator
        label: { id: Pendidik, en: Educator }
        definition: Explains the programme in plain words.
        when_to_use: Someone explains.
        required: true
        contrasts: [barrier]
        patterns:
          id: [sosialisasi, '"jelaskan"']
          not: [BPJS Kesehatan]
          fire_when_negated: true
        examples: [Kami adakan sosialisasi., Saya jelaskan.]
  - id: role/broker
    definition: Links workers with offices.
  - id: barrier
    definition: Barriers.
  - id: peer-agents
    parent: barrier
    definition: Workers who recruit other workers.
  - id: outcome
    definition: Outcomes.
  - id: outcome/enrollment
    definition: Enrols.
`;
    expect(diffCodebooks(parse(V1), parse(v2))).toEqual({
      added: ['outcome', 'outcome/enrollment'],
      removed: ['strategy'],
      changed: [
        {
          id: 'role/educator',
          fields: ['label', 'definition', 'when_to_use', 'patterns.id', 'patterns.fire_when_negated', 'examples', 'required', 'contrasts'],
        },
        { id: 'peer-agents', fields: ['parent'] },
      ],
    });
  });

  it('sees a change of term kind, of near distance and of regex', () => {
    const a = parse(`codebook: { name: S, version: '1' }
codes:
  - id: c
    definition: d
    patterns: { en: [card], near: [{ terms: [a, b], within: 3 }], regex: ['\\bx\\b'], all: [[a, b]] }
`);
    const b = parse(`codebook: { name: S, version: '1' }
codes:
  - id: c
    definition: d
    patterns: { en: [card*], near: [{ terms: [a, b], within: 4 }], regex: ['\\by\\b'], all: [[a, b]] }
`);
    expect(diffCodebooks(a, b).changed).toEqual([{ id: 'c', fields: ['patterns.en', 'patterns.near', 'patterns.regex'] }]);
  });
});
