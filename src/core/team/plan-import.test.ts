import { describe, expect, it } from 'vitest';
import { SourceAnchors, type AnchorSegment } from './anchor-coding.js';
import type { TeamCoding } from './coding-line.js';
import { emptyPlan, planSource, splitUnknownCodes, type HeldCoding, type ImportSource } from './plan-import.js';

// "Iuran mahal. Saya lupa." as turn 1 (id 1) with sentences 1.1 (id 2) and 1.2 (id 3).
const TEXT = 'Iuran mahal. Saya lupa.';
const SEGMENTS: AnchorSegment[] = [
  { id: 1, turn: 1, sentence: 0, start: 0, end: 23 },
  { id: 2, turn: 1, sentence: 1, start: 0, end: 12 },
  { id: 3, turn: 1, sentence: 2, start: 13, end: 23 },
];

function line(over: Partial<TeamCoding>): TeamCoding {
  return { source: 'w01', sha256: 'a'.repeat(64), segment: '1.1', start: 0, end: 12, code: 'barrier/economic', coder: 'ana', origin: 'manual', memo: null, createdAt: '2026-01-01T00:00:00.000Z', text: 'Iuran mahal.', ...over };
}

function project(held: Record<string, HeldCoding> = {}, rejected: string[] = []): ImportSource {
  return {
    name: 'w01',
    anchors: new SourceAnchors(TEXT, SEGMENTS),
    held: (id, code, coder) => held[`${id} ${code} ${coder}`],
    rejected: (id, code, coder) => rejected.includes(`${id} ${code} ${coder}`),
  };
}

describe('planning an import', () => {
  it('imports what is new, counts what is already here, and takes a line given twice once', () => {
    const plan = emptyPlan();
    const here = { origin: 'manual', memo: null, start: 13, end: 23 };
    planSource([line({}), line({}), line({ segment: '1.2', start: 13, end: 23, text: 'Saya lupa.' })], project({ '3 barrier/economic ana': here }), plan);
    expect(plan.insert.map((p) => [p.segmentId, p.start, p.end])).toEqual([[2, 0, 12]]);
    expect(plan.alreadyPresent).toBe(2);
    expect(plan.conflicts).toEqual([]);
  });

  it('reports a different origin, memo or span, and a rejection by the coder, as conflicts and imports none of them', () => {
    const plan = emptyPlan();
    const held = {
      '2 barrier/economic ana': { origin: 'accepted', memo: 'mahal', start: 0, end: 12 },
      '3 barrier/economic ana': { origin: 'manual', memo: null, start: 13, end: 17 },
    };
    planSource(
      [line({ memo: 'iuran' }), line({ segment: '1.2', start: 13, end: 23, text: 'Saya lupa.' }), line({ segment: '1', start: 0, end: 23, text: TEXT, code: 'barrier/distrust' })],
      project(held, ['1 barrier/distrust ana']),
      plan,
    );
    expect(plan.insert).toEqual([]);
    expect(plan.conflicts).toEqual([
      { source: 'w01', segment: '1.1', code: 'barrier/economic', coder: 'ana', differs: ['origin', 'memo'], here: { origin: 'accepted', memo: 'mahal' }, file: { origin: 'manual', memo: 'iuran' } },
      { source: 'w01', segment: '1.2', code: 'barrier/economic', coder: 'ana', differs: ['span'], here: { origin: 'manual', memo: null }, file: { origin: 'manual', memo: null } },
      { source: 'w01', segment: '1', code: 'barrier/distrust', coder: 'ana', differs: ['rejected'], here: null, file: { origin: 'manual', memo: null } },
    ]);
  });

  it('re-anchors moved words, reports words not found, and a source the project lacks', () => {
    const plan = emptyPlan();
    planSource([line({ start: 40, end: 52 }), line({ text: 'Iuran murah.' })], project(), plan);
    expect(plan.insert.map((p) => [p.segmentId, p.start, p.end])).toEqual([[2, 0, 12]]);
    expect(plan.reanchored).toBe(1);
    expect(plan.notAnchored).toEqual([{ source: 'w01', segment: '1.1', code: 'barrier/economic', coder: 'ana', text: 'Iuran murah.' }]);
    planSource([line({ source: 'w09' }), line({ source: 'w09', coder: 'budi' })], undefined, plan);
    expect(plan.unknownSources).toEqual([{ source: 'w09', sha256: 'a'.repeat(64), codings: 2 }]);
  });

  it('sets codes outside the codebook apart, counted per code', () => {
    const plan = emptyPlan();
    const kept = splitUnknownCodes([line({}), line({ code: 'old/x' }), line({ code: 'old/x', coder: 'budi' }), line({ code: 'new' })], (code) => code.startsWith('barrier/'), plan);
    expect(kept).toHaveLength(1);
    expect(plan.unknownCodes).toEqual([
      { code: 'new', codings: 1 },
      { code: 'old/x', codings: 2 },
    ]);
  });
});
