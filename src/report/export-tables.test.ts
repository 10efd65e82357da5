import { describe, expect, it } from 'vitest';
import { attributeColumns, attributeKeys, codeDepth, codePathCells, QuoteTable, SegmentTable } from './export-tables.js';

const LABELS = new Map([
  ['barrier', 'Hambatan'],
  ['barrier/documentation', 'Dokumen kependudukan'],
  ['role', 'Peran'],
]);

describe('code path columns', () => {
  it('give each level its label, then blanks up to the depth', () => {
    expect(codePathCells('barrier/documentation', LABELS, 3)).toEqual(['Hambatan', 'Dokumen kependudukan', '']);
    expect(codePathCells('barrier', LABELS, 2)).toEqual(['Hambatan', '']);
  });

  it("use the id's own part where the codebook has no label (a code from an older codebook)", () => {
    expect(codePathCells('role/old-name/x', LABELS, 3)).toEqual(['Peran', 'old-name', 'x']);
    expect(codePathCells('gone', LABELS, 1)).toEqual(['gone']);
  });

  it('are as many as the deepest code has levels', () => {
    expect(codeDepth(['barrier', 'barrier/documentation', 'a/b/c/d'])).toBe(4);
    expect(codeDepth([])).toBe(1);
  });
});

describe('attribute columns', () => {
  it('prefix the key and write other characters than letters, digits and _ as _', () => {
    expect(attributeColumns('participant_', ['site', 'age band', 'jenis-kelamin', 'pendidikan_terakhir', 'usia(th)'], new Set()).map((c) => c.column)).toEqual([
      'participant_site',
      'participant_age_band',
      'participant_jenis_kelamin',
      'participant_pendidikan_terakhir',
      'participant_usia_th_',
    ]);
  });

  it('never take a name twice', () => {
    const taken = new Set(['source_type']);
    expect(attributeColumns('source_', ['type', 'a b', 'a-b'], taken).map((c) => c.column)).toEqual(['source_type_2', 'source_a_b', 'source_a_b_2']);
  });

  it('come from every record, sorted', () => {
    expect(attributeKeys([{ site: 'Medan' }, { gender: 'P', site: 'Bekasi' }, {}])).toEqual(['gender', 'site']);
  });
});

describe('tables', () => {
  it('lay a segment out with its participant and media time', () => {
    const table = new SegmentTable(['site']);
    expect(table.header).toEqual(['source', 'source_type', 'segment', 'turn', 'sentence', 'speaker', 'role', 'participant', 'participant_group', 'participant_site', 'start', 'end', 'start_ms', 'end_ms', 'media_time', 'text']);
    const segment = { source: 'w01', sourceType: 'interview', turn: 4, sentence: 2, speaker: 'Siti', role: 'participant', start: 310, end: 360, startMs: 36_000, endMs: 62_000, text: 'Iya.' };
    expect(table.row(segment, { pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: { site: 'Medan' } })).toEqual(['w01', 'interview', '4.2', 4, 2, 'Siti', 'participant', 'Sumiati', 'pekerja-rentan', 'Medan', 310, 360, 36_000, 62_000, '00:00:36', 'Iya.']);
    expect(table.row({ ...segment, sentence: 0, startMs: null, endMs: null }, undefined).slice(2, 15)).toEqual(['4', 4, 0, 'Siti', 'participant', undefined, undefined, undefined, 310, 360, null, null, null]);
  });

  it('lay a quote out with source and participant attributes and its code path', () => {
    const table = new QuoteTable(['observer'], ['site'], LABELS, 2);
    expect(table.header).toEqual([
      'source', 'source_type', 'source_date', 'source_site', 'source_language', 'source_observer',
      'segment', 'turn', 'sentence', 'speaker', 'participant', 'participant_group', 'participant_site',
      'start', 'end', 'start_ms', 'end_ms', 'media_time', 'text', 'code', 'code_label', 'code_1', 'code_2', 'coders', 'origins',
    ]);
    const quote = { source: 'w01', segment: '20.3', speaker: 'Siti', participant: 'Sumiati', start: 4402, end: 4465, startMs: 3_723_000, endMs: null, text: 'KK-ku masih KK lama.', code: 'barrier/documentation', coders: ['ana', 'auto'], origins: ['manual', 'auto'] };
    const source = { type: 'interview', date: '2025-05-03', site: 'Medan', language: 'id', attributes: {} };
    expect(table.row(quote, source, { pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: { site: 'Medan' } })).toEqual([
      'w01', 'interview', '2025-05-03', 'Medan', 'id', undefined,
      '20.3', 20, 3, 'Siti', 'Sumiati', 'pekerja-rentan', 'Medan',
      4402, 4465, 3_723_000, null, '01:02:03', 'KK-ku masih KK lama.', 'barrier/documentation', 'Dokumen kependudukan', 'Hambatan', 'Dokumen kependudukan', 'ana;auto', 'manual;auto',
    ]);
  });
});
