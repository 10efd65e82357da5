/**
 * How the automatic proposals were reviewed, per code, counted over the codings as columns (as `stats`
 * reads them) rather than by probing the review decisions once per proposal.
 */
import type { CodingColumns } from '../analysis/coding-columns.js';

/** Automatic proposals of one code: how many, and how many a person accepted or rejected. */
export interface ProposalTally {
  code: string;
  proposals: number;
  accepted: number;
  rejected: number;
}

/** A review decision to accept a proposal: the segment and code it is about. */
export interface AcceptedDecision {
  segment: number;
  code: string;
}

/**
 * The automatic proposals (auto and suggested codings) per code, in code order: how many, how many a
 * reviewer rejected (columns.rejected: a rejection decision), and how many were accepted otherwise (an
 * accepted decision, or a reviewer's `accepted` copy of the coding on the same segment and code).
 */
export function tallyProposals(columns: CodingColumns, decisions: Iterable<AcceptedDecision>): ProposalTally[] {
  const codeIndex = new Map(columns.codes.map((code, i) => [code, i]));
  const width = columns.codes.length;
  // Segment and code as one number (segment ids times codes stay far below 2^53).
  const accepted = new Set<number>();
  for (const d of decisions) {
    const code = codeIndex.get(d.code);
    if (code !== undefined) accepted.add(d.segment * width + code);
  }
  const copy = columns.origins.indexOf('accepted');
  for (let i = 0; i < columns.length; i++) if (columns.origin[i] === copy) accepted.add(columns.segment[i]! * width + columns.code[i]!);
  const proposal = new Set(['auto', 'suggested'].map((o) => columns.origins.indexOf(o)).filter((o) => o >= 0));
  const tallies = new Map<number, ProposalTally>();
  for (let i = 0; i < columns.length; i++) {
    if (!proposal.has(columns.origin[i]!)) continue;
    const code = columns.code[i]!;
    let tally = tallies.get(code);
    if (!tally) tallies.set(code, (tally = { code: columns.codes[code]!, proposals: 0, accepted: 0, rejected: 0 }));
    tally.proposals += 1;
    if (columns.rejected[i] === 1) tally.rejected += 1;
    else if (accepted.has(columns.segment[i]! * width + code)) tally.accepted += 1;
  }
  return [...tallies.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
