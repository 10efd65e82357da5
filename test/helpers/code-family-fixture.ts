import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import type { KnownCodes } from '../../src/core/analysis/code-family.js';

/**
 * A codebook whose families have every shape a family can take: a category with children written under it
 * (role) and one declared elsewhere by `parent:` (advocate), a code with no children (barrier), and codings
 * of codes the codebook no longer has, one under a category's path (role/old), one under a code's
 * (barrier/cost) and one on its own (imported).
 */
export function codeFamilyFixture(): { known: KnownCodes; tree: { id: string; parent: string | null; label: string }[] } {
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
  const codes = codebook!.codes;
  return {
    known: { codebook: codes, coded: ['role/old', 'barrier/cost', 'imported'] },
    tree: codes.map((c) => ({ id: c.id, parent: c.parent, label: c.label.id ?? '' })),
  };
}
