import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_TYPES, type SourceType } from '../transcript/types.js';
import { evidenceTableOf, type EvidenceRow } from '../../../test/helpers/evidence-table.js';
import { belowRequired, statusFor, statusRank, triangulate as triangulateTable } from './triangulate.js';
import type { AuditCode, CodeTriangulation, TriangulationSettings } from './triangulation-types.js';

/** The audit of these rows, as the store would hand them over (an evidence table). */
function triangulate(codes: AuditCode[], rows: EvidenceRow[], settings: TriangulationSettings): CodeTriangulation[] {
  return triangulateTable(codes, evidenceTableOf(rows), settings);
}

const SETTINGS: TriangulationSettings = { convergent: 3, corroborated: 2, quotesPerType: 2, projectGroups: 2 };

function code(id: string, extra: Partial<AuditCode> = {}): AuditCode {
  const slash = id.lastIndexOf('/');
  return { id, parent: slash === -1 ? null : id.slice(0, slash), label: id, required: false, contrasts: [], ...extra };
}

/** One coded segment; the source's type is read from its name prefix (int-, fgd-, obs-, doc-). */
function ev(codeId: string, source: string, segment: string, extra: Partial<EvidenceRow> = {}): EvidenceRow {
  const prefix = source.slice(0, 3);
  const sourceType: SourceType =
    prefix === 'int' ? 'interview' : prefix === 'fgd' ? 'fgd' : prefix === 'obs' ? 'observation' : 'document';
  return {
    code: codeId,
    source,
    sourceType,
    segment,
    site: null,
    participant: null,
    group: null,
    startMs: null,
    text: `${codeId} in ${source} ${segment}`,
    ...extra,
  };
}

const SW = { group: 'pekerja-sosial' };
const VW = { group: 'pekerja-rentan' };

function row(rows: CodeTriangulation[], id: string): CodeTriangulation {
  const found = rows.find((r) => r.code === id);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

describe('triangulate', () => {
  it('gives every code a row in codebook order, absent when it has no evidence', () => {
    const codes = [code('role'), code('role/educator'), code('role/broker'), code('barrier')];
    const rows = triangulate(codes, [], SETTINGS);
    expect(rows.map((r) => r.code)).toEqual(['role', 'role/educator', 'role/broker', 'barrier']);
    expect(rows.map((r) => r.category)).toEqual([true, false, false, false]);
    expect(row(rows, 'barrier')).toEqual({
      code: 'barrier',
      label: 'barrier',
      category: false,
      required: false,
      sources: { interview: 0, fgd: 0, observation: 0, document: 0 },
      participants: 0,
      groups: 0,
      status: 'absent',
      flags: [],
      evidence: [],
    });
  });

  it('counts distinct segments per source type, participants and groups, and sets the status', () => {
    const codes = [code('trust')];
    const evidence = [
      ev('trust', 'int-ani', '3.1', { participant: 'Ani', ...VW }),
      ev('trust', 'int-ani', '7.2', { participant: 'Ani', ...VW }),
      ev('trust', 'int-budi', '2.1', { participant: 'Budi', ...SW }),
      ev('trust', 'fgd-medan', '10.1', { participant: 'Citra', ...VW }),
      ev('trust', 'obs-03', '4'),
    ];
    const [r] = triangulate(codes, evidence, SETTINGS);
    expect(r!.sources).toEqual({ interview: 3, fgd: 1, observation: 1, document: 0 });
    expect(r!.participants).toBe(3);
    expect(r!.groups).toBe(2);
    expect(r!.status).toBe('convergent');
    expect(r!.flags).toEqual([]);
  });

  it.each([
    [['int-a'], 'single-source'],
    [['int-a', 'int-b'], 'single-source'],
    [['int-a', 'doc-x'], 'corroborated'],
    [['int-a', 'fgd-1', 'obs-1'], 'convergent'],
    [['int-a', 'fgd-1', 'obs-1', 'doc-x'], 'convergent'],
  ] as const)('sources %j → %s under the default thresholds', (sources, status) => {
    const evidence = sources.map((s) => ev('c', s, '1'));
    expect(triangulate([code('c')], evidence, SETTINGS)[0]!.status).toBe(status);
  });

  it('follows thresholds changed in telaah.yaml (convergent 2, corroborated 1)', () => {
    const settings = { ...SETTINGS, convergent: 2, corroborated: 1 };
    const codes = [code('one'), code('two'), code('none')];
    const evidence = [ev('one', 'int-a', '1'), ev('two', 'int-a', '2'), ev('two', 'obs-1', '1')];
    const rows = triangulate(codes, evidence, settings);
    expect(rows.map((r) => r.status)).toEqual(['corroborated', 'convergent', 'absent']);
  });

  it('flags a code present only in one participant\'s turns', () => {
    const evidence = [
      ev('fear', 'int-ani', '3.1', { participant: 'Ani', ...VW }),
      ev('fear', 'int-ani', '9.4', { participant: 'Ani', ...VW }),
      ev('fear', 'int-ani', '12', { participant: 'Ani', ...VW }),
    ];
    const [r] = triangulate([code('fear')], evidence, SETTINGS);
    expect(r!.status).toBe('single-source');
    expect(r!.participants).toBe(1);
    expect(r!.flags).toEqual(['participant-concentrated', 'not-observed', 'one-sided']);
  });

  it('calls a single segment from one participant concentrated (one voice is the whole evidence)', () => {
    const [r] = triangulate([code('c')], [ev('c', 'int-ani', '1', { participant: 'Ani' })], SETTINGS);
    expect(r!.flags).toContain('participant-concentrated');
  });

  it('is not concentrated at exactly half, and notes and documents neither count nor dilute', () => {
    const half = [
      ev('c', 'int-ani', '1', { participant: 'Ani' }),
      ev('c', 'int-budi', '1', { participant: 'Budi' }),
    ];
    expect(triangulate([code('c')], half, SETTINGS)[0]!.flags).not.toContain('participant-concentrated');
    const withNotes = [
      ev('c', 'int-ani', '1', { participant: 'Ani' }),
      ev('c', 'obs-1', '1'),
      ev('c', 'obs-1', '2'),
      ev('c', 'doc-stats', '1'),
    ];
    expect(triangulate([code('c')], withNotes, SETTINGS)[0]!.flags).toContain('participant-concentrated');
    const twoToOne = [...half, ev('c', 'int-ani', '2', { participant: 'Ani' })];
    expect(triangulate([code('c')], twoToOne, SETTINGS)[0]!.flags).toContain('participant-concentrated');
  });

  it('flags codes with only observation evidence as observed-only, not as not-observed', () => {
    const evidence = [ev('queue', 'obs-01', '2'), ev('queue', 'obs-02', '5')];
    const [r] = triangulate([code('queue')], evidence, SETTINGS);
    expect(r!.sources).toEqual({ interview: 0, fgd: 0, observation: 2, document: 0 });
    expect(r!.participants).toBe(0);
    expect(r!.status).toBe('single-source');
    expect(r!.flags).toEqual(['observed-only']);
  });

  it('does not call observation plus documents observed-only, nor documents alone not-observed', () => {
    const rows = triangulate(
      [code('a'), code('b')],
      [ev('a', 'obs-1', '1'), ev('a', 'doc-x', '1'), ev('b', 'doc-x', '2')],
      SETTINGS,
    );
    expect(rows[0]!.flags).toEqual([]);
    expect(rows[1]!.flags).toEqual([]);
  });

  it('flags one-sided only when the project has two groups and every voice has a group', () => {
    const evidence = [
      ev('c', 'int-budi', '1', { participant: 'Budi', ...SW }),
      ev('c', 'int-dewi', '1', { participant: 'Dewi', ...SW }),
      ev('c', 'obs-1', '1'),
    ];
    expect(triangulate([code('c')], evidence, SETTINGS)[0]!.flags).toEqual(['one-sided']);
    expect(triangulate([code('c')], evidence, { ...SETTINGS, projectGroups: 1 })[0]!.flags).toEqual([]);
    const unknownGroup = [...evidence, ev('c', 'int-eko', '1', { participant: 'Eko' })];
    expect(triangulate([code('c')], unknownGroup, SETTINGS)[0]!.flags).toEqual([]);
    // No participant at all: nobody voiced it, so it cannot be one-sided.
    expect(triangulate([code('c')], [ev('c', 'obs-1', '1')], SETTINGS)[0]!.flags).not.toContain('one-sided');
  });

  it('rolls a category up over all descendants, counting a segment coded twice once', () => {
    const codes = [code('role'), code('role/educator'), code('role/broker'), code('role/broker/form'), code('other')];
    const evidence = [
      ev('role/educator', 'int-budi', '4.1', { participant: 'Budi', ...SW }),
      ev('role/broker', 'int-budi', '4.1', { participant: 'Budi', ...SW }),
      ev('role/broker/form', 'obs-02', '3'),
      ev('role', 'fgd-medan', '8.2', { participant: 'Citra', ...VW }),
      ev('other', 'doc-stats', '1'),
    ];
    const rows = triangulate(codes, evidence, SETTINGS);
    const role = row(rows, 'role');
    expect(role.category).toBe(true);
    expect(role.sources).toEqual({ interview: 1, fgd: 1, observation: 1, document: 0 });
    expect(role.participants).toBe(2);
    expect(role.groups).toBe(2);
    expect(role.status).toBe('convergent');
    const broker = row(rows, 'role/broker');
    expect(broker.category).toBe(true);
    expect(broker.sources).toEqual({ interview: 1, fgd: 0, observation: 1, document: 0 });
    expect(broker.status).toBe('corroborated');
    expect(row(rows, 'role/educator').category).toBe(false);
    expect(row(rows, 'role/broker/form').sources.observation).toBe(1);
  });

  describe('contrasted', () => {
    const codes = [code('distrust', { contrasts: ['enrollment'] }), code('enrollment')];

    it('flags a code and its contrast supported by different source types at the same site', () => {
      const evidence = [
        ev('distrust', 'int-ani', '2.1', { site: 'Medan', participant: 'Ani' }),
        ev('enrollment', 'obs-04', '6', { site: 'Medan' }),
      ];
      const rows = triangulate(codes, evidence, SETTINGS);
      expect(rows[0]!.flags).toContain('contrasted');
      // Only the code that declares the contrast carries the flag.
      expect(rows[1]!.flags).not.toContain('contrasted');
    });

    it('does not flag them at different sites, at no site, or in the same source type', () => {
      const apart = [
        ev('distrust', 'int-ani', '2.1', { site: 'Medan' }),
        ev('enrollment', 'obs-04', '6', { site: 'Bekasi' }),
      ];
      const noSite = [ev('distrust', 'int-ani', '2.1'), ev('enrollment', 'obs-04', '6')];
      const sameType = [
        ev('distrust', 'int-ani', '2.1', { site: 'Medan' }),
        ev('enrollment', 'int-budi', '6', { site: 'Medan' }),
      ];
      for (const evidence of [apart, noSite, sameType]) {
        expect(triangulate(codes, evidence, SETTINGS)[0]!.flags).not.toContain('contrasted');
      }
    });
  });

  it('lists all flags in their fixed order', () => {
    const codes = [code('x', { contrasts: ['y'] }), code('y')];
    const evidence = [
      ev('x', 'int-ani', '1', { site: 'Medan', participant: 'Ani', ...VW }),
      ev('y', 'doc-flyer', '1', { site: 'Medan' }),
    ];
    expect(triangulate(codes, evidence, SETTINGS)[0]!.flags).toEqual([
      'participant-concentrated',
      'not-observed',
      'one-sided',
      'contrasted',
    ]);
  });

  it('quotes the first few segments of each source type in (source, segment) order, shortened', () => {
    const long = `${'Kami datang ke pasar setiap minggu untuk menjelaskan iuran. '.repeat(5)}`;
    const evidence = [
      ev('c', 'obs-02', '1', { text: 'Antrean panjang di meja pendaftaran.' }),
      ev('c', 'int-budi', '10.1', { participant: 'Budi', startMs: 600_000, text: 'later' }),
      ev('c', 'int-budi', '2.3', { participant: 'Budi', startMs: 61_000, text: `  ${long}  ` }),
      ev('c', 'int-ani', '5', { participant: 'Ani', startMs: 5_000, text: 'first' }),
      ev('c', 'doc-flyer', '1', { text: 'Iuran mulai Rp16.800 per bulan.' }),
    ];
    const r = triangulate([code('c')], evidence, SETTINGS)[0]!;
    expect(r.evidence.map((q) => `${q.sourceType}:${q.source}:${q.segment}`)).toEqual([
      'interview:int-ani:5',
      'interview:int-budi:2.3',
      'observation:obs-02:1',
      'document:doc-flyer:1',
    ]);
    const quoted = r.evidence[1]!;
    expect(quoted.participant).toBe('Budi');
    expect(quoted.startMs).toBe(61_000);
    expect(Array.from(quoted.text).length).toBeLessThanOrEqual(160);
    expect(quoted.text.endsWith('…')).toBe(true);
    expect(long.startsWith(quoted.text.slice(0, -1))).toBe(true);
    expect(long.charAt(quoted.text.length - 1)).toBe(' ');
    expect(triangulate([code('c')], evidence, { ...SETTINGS, quotesPerType: 0 })[0]!.evidence).toEqual([]);
  });

  it('status matches the number of source types with evidence, and categories hold at least each child', () => {
    const ids = ['a', 'a/b', 'a/c', 'a/c/d'];
    const sources = ['int-1', 'int-2', 'fgd-1', 'obs-1', 'doc-1'];
    const arbEvidence = fc.array(
      fc.record({
        code: fc.constantFrom(...ids),
        source: fc.constantFrom(...sources),
        segment: fc.constantFrom('1', '2', '2.1', '10'),
      }),
      { maxLength: 30 },
    );
    const arbThresholds = fc.integer({ min: 1, max: 4 }).chain((corroborated) =>
      fc.record({ corroborated: fc.constant(corroborated), convergent: fc.integer({ min: corroborated, max: 4 }) }),
    );
    fc.assert(
      fc.property(arbEvidence, arbThresholds, (drawn, thresholds) => {
        // A segment has one speaker, so its participant follows from (source, segment), as in a real project.
        const speaker = (source: string, segment: string): string | null =>
          source.startsWith('obs') || source.startsWith('doc') ? null : segment.startsWith('2') ? 'Ani' : source === 'int-2' ? null : 'Budi';
        const evidence = drawn.map((d) => ev(d.code, d.source, d.segment, { participant: speaker(d.source, d.segment) }));
        const settings = { ...SETTINGS, ...thresholds };
        const rows = triangulate(ids.map((id) => code(id)), evidence, settings);
        for (const r of rows) {
          const types = SOURCE_TYPES.filter((t) => r.sources[t] > 0).length;
          const expected =
            types === 0 ? 'absent' : types >= settings.convergent ? 'convergent' : types >= settings.corroborated ? 'corroborated' : 'single-source';
          expect(r.status).toBe(expected);
        }
        for (const [parent, child] of [['a', 'a/b'], ['a', 'a/c'], ['a', 'a/c/d'], ['a/c', 'a/c/d']] as const) {
          for (const t of SOURCE_TYPES) expect(row(rows, parent).sources[t]).toBeGreaterThanOrEqual(row(rows, child).sources[t]);
          expect(row(rows, parent).participants).toBeGreaterThanOrEqual(row(rows, child).participants);
        }
      }),
    );
  });
});

describe('statusRank and belowRequired', () => {
  it('ranks absent below single-source below corroborated below convergent', () => {
    expect(['absent', 'single-source', 'corroborated', 'convergent'].map((s) => statusRank(s as never))).toEqual([0, 1, 2, 3]);
  });

  it('statusFor keeps no evidence absent even with a threshold of 0', () => {
    expect(statusFor(0, { convergent: 0, corroborated: 0 })).toBe('absent');
  });

  it('returns the required (or, with all, every) code row below the required status, never a category', () => {
    const codes = [
      code('role', { required: true }),
      code('role/educator', { required: true }),
      code('role/broker'),
      code('barrier', { required: true }),
    ];
    const evidence = [
      ev('role/educator', 'int-a', '1'),
      ev('role/educator', 'obs-1', '1'),
      ev('role/broker', 'int-a', '2'),
    ];
    const rows = triangulate(codes, evidence, SETTINGS);
    expect(belowRequired(rows, 'corroborated', false).map((r) => r.code)).toEqual(['barrier']);
    expect(belowRequired(rows, 'corroborated', true).map((r) => r.code)).toEqual(['role/broker', 'barrier']);
    expect(belowRequired(rows, 'convergent', false).map((r) => r.code)).toEqual(['role/educator', 'barrier']);
    expect(belowRequired(rows, 'absent', true)).toEqual([]);
  });
});
