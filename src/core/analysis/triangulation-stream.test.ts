import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceInputOf, evidenceTableOf, sourceEvidenceOf, type EvidenceRow } from '../../../test/helpers/evidence-table.js';
import type { SourceType } from '../transcript/types.js';
import { auditTriangulation, type AuditRequest } from './triangulation-audit.js';
import { TriangulationStream } from './triangulation-stream.js';
import type { AuditCode } from './triangulation-types.js';

const codes: AuditCode[] = [
  { id: 'a', parent: null, label: 'A', required: true, contrasts: [] },
  { id: 'a/x', parent: 'a', label: 'X', required: false, contrasts: ['b'] },
  { id: 'a/y', parent: 'a', label: 'Y', required: true, contrasts: [] },
  { id: 'a/y/z', parent: 'a/y', label: 'Z', required: false, contrasts: ['c', 'nowhere'] },
  { id: 'b', parent: null, label: 'B', required: false, contrasts: ['a/x'] },
  { id: 'c', parent: null, label: 'C', required: true, contrasts: ['a/y/z'] },
];
// 'stray' is coded but not in the codebook: it makes places (and split values) but no row.
const CODED = ['a', 'a/x', 'a/y', 'a/y/z', 'b', 'c', 'stray'];
const SOURCES: [string, SourceType][] = [
  ['int-b', 'interview'],
  ['int-a', 'interview'],
  ['fgd-1', 'fgd'],
  ['obs-1', 'observation'],
  ['obs-2', 'observation'],
  ['doc-1', 'document'],
];
const PEOPLE: [string | null, string | null, string | null][] = [
  [null, null, null],
  ['Ani', 'pekerja-rentan', 'Binjai'],
  ['Budi', 'pekerja-sosial', null],
  ['Citra', null, null],
  ['Dewi', 'pekerja-rentan', null],
];
const SITES = [null, 'Medan', 'Deli'];

/** Coded segments: a source, a turn and sentence, a code, a person or the machine; speakers and sites fixed per run. */
const evidenceRows = fc
  .record({
    sites: fc.array(fc.constantFrom(...SITES), { minLength: SOURCES.length, maxLength: SOURCES.length }),
    speakers: fc.array(fc.integer({ min: 0, max: PEOPLE.length - 1 }), { minLength: SOURCES.length * 4, maxLength: SOURCES.length * 4 }),
    codings: fc.array(
      fc.record({
        source: fc.integer({ min: 0, max: SOURCES.length - 1 }),
        turn: fc.integer({ min: 1, max: 4 }),
        sentence: fc.integer({ min: 0, max: 2 }),
        code: fc.constantFrom(...CODED),
        human: fc.boolean(),
      }),
      { maxLength: 80 },
    ),
  })
  .map(({ sites, speakers, codings }) =>
    codings.map(({ source, turn, sentence, code, human }): EvidenceRow => {
      const [name, sourceType] = SOURCES[source]!;
      const [participant, group, participantSite] = PEOPLE[speakers[source * 4 + turn - 1]!]!;
      const segment = sentence === 0 ? String(turn) : `${turn}.${sentence}`;
      return { code, source: name, sourceType, segment, site: sites[source]!, participant, group, participantSite, startMs: turn * 1000, text: `${name} ${segment} `.repeat(turn * 3), human };
    }),
  );

const requests = fc.record({
  by: fc.constantFrom(undefined, 'site' as const, 'group' as const),
  focus: fc.constantFrom(undefined, ...codes.map((c) => c.id)),
  required: fc.constantFrom('single-source' as const, 'corroborated' as const, 'convergent' as const),
  strictAll: fc.boolean(),
});
const settings = fc.record({ convergent: fc.integer({ min: 0, max: 4 }), corroborated: fc.integer({ min: 0, max: 3 }), projectGroups: fc.integer({ min: 0, max: 3 }) });

/** The audit of the rows fed to the stream one source at a time, the sources in the order given. */
function streamed(rows: EvidenceRow[], s: { convergent: number; corroborated: number; projectGroups: number }, request: AuditRequest, order?: (a: number, b: number) => number) {
  const input = evidenceInputOf(rows);
  const stream = new TriangulationStream(codes, input.sources, input.participants, s, request);
  for (const evidence of sourceEvidenceOf(input, order)) stream.add(evidence);
  return stream.finish(input.reader);
}

describe('TriangulationStream', () => {
  it('gives the audit of the whole evidence table, whatever order the sources come in', () => {
    fc.assert(
      fc.property(evidenceRows, settings, requests, fc.boolean(), (rows, s, request, reversed) => {
        const expected = auditTriangulation(codes, evidenceTableOf(rows), s, request);
        expect(streamed(rows, s, request, reversed ? (a, b) => b - a : undefined)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('quotes the first two units per source type in source-name order, and every unit of a focused code', () => {
    const rows: EvidenceRow[] = ['int-c', 'int-a', 'int-b'].flatMap((source) =>
      ['1', '2.1', '3'].map((segment) => ({ code: 'b', source, sourceType: 'interview' as const, segment, site: null, participant: null, group: null, startMs: null, text: `${source} ${segment}` })),
    );
    const s = { convergent: 3, corroborated: 2, projectGroups: 0 };
    const request = { required: 'corroborated' as const, strictAll: false };
    const quoted = (audit: ReturnType<typeof streamed>) => audit.tables[0]!.codes.find((r) => r.code === 'b')!.evidence.map((q) => `${q.source} ${q.segment}`);
    expect(quoted(streamed(rows, s, request, (a, b) => b - a))).toEqual(['int-a 1', 'int-a 2.1']);
    expect(quoted(streamed(rows, s, { ...request, focus: 'b' }, (a, b) => b - a))).toEqual(['int-a 1', 'int-a 2.1', 'int-a 3', 'int-b 1', 'int-b 2.1', 'int-b 3', 'int-c 1', 'int-c 2.1', 'int-c 3']);
  });

  it('refuses a source that comes twice (its turns and sentences must come together)', () => {
    const input = evidenceInputOf([{ code: 'a', source: 'int-a', sourceType: 'interview', segment: '1', site: null, participant: null, group: null, startMs: null, text: 'x' }]);
    const stream = new TriangulationStream(codes, input.sources, input.participants, { convergent: 3, corroborated: 2, projectGroups: 0 }, { required: 'corroborated', strictAll: false });
    const [evidence] = sourceEvidenceOf(input);
    stream.add(evidence!);
    expect(() => stream.add(evidence!)).toThrow(/came twice/);
  });
});
