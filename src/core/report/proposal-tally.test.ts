import { describe, expect, it } from 'vitest';
import { CodingColumnsBuilder } from '../analysis/coding-columns.js';
import { tallyProposals } from './proposal-tally.js';

/** Codings as [segment, code, coder, origin, rejected]. */
function columns(codings: [number, string, string, string, boolean][]) {
  const builder = new CodingColumnsBuilder(2);
  for (const [segment, code, coder, origin, rejected] of codings) builder.add(segment, null, 1, null, code, coder, origin, rejected);
  builder.markCounted(() => true);
  return builder.build();
}

describe('tallyProposals', () => {
  it('counts auto and suggested codings per code: rejected, accepted by a decision or a copy, a rejection winning over both', () => {
    const codings = columns([
      [1, 'x', 'auto', 'auto', false],
      [2, 'x', 'auto', 'auto', false],
      [2, 'x', 'rina', 'accepted', false],
      [3, 'x', 'auto', 'auto', true],
      [4, 'x', 'auto', 'auto', true],
      [4, 'x', 'rina', 'accepted', false],
      [5, 'y', 'suggester', 'suggested', false],
      [6, 'y', 'rina', 'manual', false],
      [7, 'y', 'auto', 'auto', false],
      [7, 'x', 'rina', 'accepted', false],
    ]);
    expect(tallyProposals(codings, [{ segment: 5, code: 'y' }, { segment: 3, code: 'x' }, { segment: 9, code: 'z' }])).toEqual([
      { code: 'x', proposals: 4, accepted: 1, rejected: 2 },
      { code: 'y', proposals: 2, accepted: 1, rejected: 0 },
    ]);
  });

  it('has no rows without proposals', () => {
    expect(tallyProposals(columns([[1, 'x', 'rina', 'manual', false]]), [])).toEqual([]);
  });
});
