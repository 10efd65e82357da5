import { describe, expect, it } from 'vitest';
import { CodingColumnsBuilder } from './coding-columns.js';
import { summarizeProject, type OverviewInput } from './project-overview.js';

function input(overrides: Partial<OverviewInput> = {}): OverviewInput {
  const codings = new CodingColumnsBuilder();
  codings.add(1, null, 1, 1, 'x', 'auto', 'auto', false);
  codings.add(2, null, 1, 1, 'x', 'auto', 'auto', true);
  codings.add(3, null, 2, 2, 'x', 'rina', 'manual', false);
  codings.add(4, null, 2, 2, 'x', 'model', 'suggested', false);
  return {
    types: ['interview', 'fgd', 'observation', 'document'],
    sources: [
      { id: 1, type: 'interview', turns: 4, words: 100 },
      { id: 2, type: 'interview', turns: 2, words: 50 },
      { id: 3, type: 'fgd', turns: 3, words: 30 },
      { id: 4, type: 'observation', turns: 2, words: 20 },
    ],
    turnGroups: [
      // Source 1 is timed to 30 min (its interviewer speaks last); source 2 has no times.
      { source: 1, role: 'interviewer', participant: null, turns: 2, lastMs: 1_800_000 },
      { source: 1, role: 'participant', participant: 1, turns: 2, lastMs: 1_500_000 },
      { source: 2, role: 'participant', participant: 2, turns: 1, lastMs: null },
      { source: 2, role: 'interviewer', participant: null, turns: 1, lastMs: null },
      { source: 3, role: 'participant', participant: 1, turns: 2, lastMs: 600_000 },
      { source: 3, role: 'participant', participant: null, turns: 1, lastMs: 660_000 },
      { source: 4, role: null, participant: null, turns: 2, lastMs: null },
    ],
    participants: [
      { id: 1, group: 'pekerja-rentan', category: 'pemulung' },
      { id: 2, group: 'pekerja-sosial', category: null },
      { id: 3, group: 'pekerja-rentan', category: 'pemulung' },
    ],
    codings: codings.build(),
    rejections: new Map([['rina', 1], ['dewi', 2]]),
    ...overrides,
  };
}

describe('summarizeProject', () => {
  it('adds up sources per type with media minutes from each timed source, untimed ones counted apart', () => {
    const { sources, totals } = summarizeProject(input());
    expect(sources).toEqual([
      { type: 'interview', sources: 2, turns: 6, words: 150, mediaMinutes: 30, untimed: 1 },
      { type: 'fgd', sources: 1, turns: 3, words: 30, mediaMinutes: 11, untimed: 0 },
      { type: 'observation', sources: 1, turns: 2, words: 20, mediaMinutes: null, untimed: 1 },
      { type: 'document', sources: 0, turns: 0, words: 0, mediaMinutes: null, untimed: 0 },
    ]);
    expect(totals).toEqual({ type: 'total', sources: 4, turns: 11, words: 200, mediaMinutes: 41, untimed: 2 });
  });

  it('counts turns by who speaks them; units of notes have no speaker', () => {
    expect(summarizeProject(input()).turns).toEqual({ total: 11, participant: 6, interviewer: 3, noSpeaker: 2 });
  });

  it('shows only the type asked for', () => {
    const { sources, totals } = summarizeProject(input({ types: ['fgd'] }));
    expect(sources.map((s) => s.type)).toEqual(['fgd']);
    expect(totals.sources).toBe(1);
  });

  it('groups participants by group and category, with who speaks, in how many sources and turns', () => {
    const { participants } = summarizeProject(input());
    expect(participants.total).toBe(3);
    expect(participants.groups).toEqual([
      { value: 'pekerja-rentan', participants: 2, speaking: 1, sources: 2, turns: 4 },
      { value: 'pekerja-sosial', participants: 1, speaking: 1, sources: 1, turns: 1 },
    ]);
    expect(participants.categories).toEqual([
      { value: 'pemulung', participants: 2, speaking: 1, sources: 2, turns: 4 },
      { value: null, participants: 1, speaking: 1, sources: 1, turns: 1 },
    ]);
  });

  it('leaves the categories out when no participant has one', () => {
    const participants = input().participants.map((p) => ({ ...p, category: null }));
    expect(summarizeProject(input({ participants })).participants.categories).toEqual([]);
  });

  it('counts stored codings per origin (rejected proposals apart) and per coder, with the proposals each rejected', () => {
    const { codings } = summarizeProject(input());
    expect(codings.origins).toEqual([
      { origin: 'auto', codings: 1, rejected: 1 },
      { origin: 'manual', codings: 1, rejected: 0 },
      { origin: 'suggested', codings: 1, rejected: 0 },
    ]);
    expect(codings.coders).toEqual([
      { coder: 'auto', codings: 1, origins: { auto: 1 }, rejections: 0 },
      { coder: 'dewi', codings: 0, origins: {}, rejections: 2 },
      { coder: 'model', codings: 1, origins: { suggested: 1 }, rejections: 0 },
      { coder: 'rina', codings: 1, origins: { manual: 1 }, rejections: 1 },
    ]);
  });
});
