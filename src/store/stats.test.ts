import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test/helpers/query-plan.js';
import { buildSource, type ResolvedTurn } from '../core/transcript/build-source.js';
import type { SourceType } from '../core/transcript/types.js';
import { evidenceClauses } from './coded-segments.js';
import { addManualCodings, findSegments } from './codings.js';
import { openStore, type Db } from './open.js';
import { upsertParticipants } from './participants.js';
import { storeRejection } from './review.js';
import { SourceWriter } from './sources.js';
import { CODINGS_SQL, readCodingColumns, SCOPE_SQL } from './coding-columns.js';
import {
  PARTICIPANTS_SQL,
  readOverviewParticipants,
  readOverviewSources,
  readRejections,
  readTurnGroups,
  REJECTIONS_SQL,
  SOURCES_SQL,
  TURNS_SQL,
} from './stats.js';
import { iterateTurnTexts, turnRangesSql } from './turn-texts.js';

const turn = (speaker: string | null, text: string, startMs: number | null = null, endMs: number | null = null): ResolvedTurn => ({
  speaker,
  role: speaker === 'Pewawancara' ? 'interviewer' : speaker ? 'participant' : null,
  participant: speaker === 'Sumiati' || speaker === 'Hendra' ? speaker : null,
  text,
  startMs,
  endMs,
});

/**
 * w01: an interview timed to 2:05; fgd1: untimed, with a speaker who is no participant; n1: a note.
 * Sumiati (pekerja-rentan, category pemulung) speaks in both; Hendra (pekerja-sosial, no category) in fgd1.
 */
function project(): { db: Db; seg: (source: string, address: string) => { id: number; start: number; end: number } } {
  const db = openStore(':memory:', { create: true });
  upsertParticipants(
    db,
    [
      { pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: { category: 'pemulung', site: 'Medan' } },
      { pseudonym: 'Hendra', group: 'pekerja-sosial', attributes: { site: 'Medan' } },
    ],
    'now',
  );
  const writer = new SourceWriter(db);
  const ids = new Map([
    ['Sumiati', 1],
    ['Hendra', 2],
  ]);
  const info = (name: string, type: SourceType, language = 'id') => ({ name, type, file: `${name}.txt`, sha256: name, encoding: 'utf-8', language, date: null, site: null, attributes: {} });
  writer.write(info('w01', 'interview'), buildSource([turn('Pewawancara', 'Apa kabar?', 0, 4000), turn('Sumiati', 'Baik. Kartu BPJS sudah ada.', 5000, 60_000), turn('Pewawancara', 'Lalu?', 61_000, null), turn('Sumiati', 'Iuran berat 😅 sekali.', 70_000, 125_000)]), ids, 'now', false);
  writer.write(info('fgd1', 'fgd'), buildSource([turn('Moderator', 'Mulai ya.'), turn('Hendra', 'Kartu dulu, baru iuran.'), turn('Ucok', 'Iuran mahal.')]), ids, 'now', false);
  writer.write(info('n1', 'observation'), buildSource([turn(null, 'Poster kartu di dinding.')]), ids, 'now', false);
  // Moderator is an interviewer label in projects; here the role comes from the turn itself.
  db.prepare(`UPDATE turns SET role = 'interviewer' WHERE speaker = 'Moderator'`).run();
  const seg = (source: string, address: string) => {
    const [t, s] = address.split('.').map(Number) as [number, number | undefined];
    const point = { turn: t, sentence: s ?? 0 };
    return findSegments(db, source, { from: point, to: point }).segments[0]!;
  };
  return { db, seg };
}

function code(db: Db, segment: { id: number; start: number; end: number }, codeId: string, coder: string, origin: string): void {
  if (origin === 'manual') addManualCodings(db, [{ segmentId: segment.id, code: codeId, coder, origin: 'manual', start: segment.start, end: segment.end, memo: null, codebookId: null }], 'now');
  else db.prepare(`INSERT INTO codings (segment_id, code, coder, origin, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, 'now')`).run(segment.id, codeId, coder, origin, segment.start, segment.end);
}

describe('stats queries', () => {
  it('reads sources with turns and words, and turns per source, role and participant with the latest time', () => {
    const { db } = project();
    expect(readOverviewSources(db).map((s) => [s.type, s.turns])).toEqual([
      ['interview', 4],
      ['fgd', 3],
      ['observation', 1],
    ]);
    expect(readOverviewSources(db, 'fgd')).toHaveLength(1);
    const groups = readTurnGroups(db).map((g) => [g.source, g.role, g.participant, g.turns, g.lastMs]);
    expect(groups).toEqual([
      [1, 'interviewer', null, 2, 61_000],
      [1, 'participant', 1, 2, 125_000],
      [2, 'interviewer', null, 1, null],
      [2, 'participant', 2, 1, null],
      [2, 'participant', null, 1, null],
      [3, null, null, 1, null],
    ]);
    expect(readTurnGroups(db, 'observation')).toEqual([{ source: 3, role: null, participant: null, turns: 1, lastMs: null }]);
  });

  it('reads participants with their category attribute', () => {
    expect(readOverviewParticipants(project().db)).toEqual([
      { id: 1, group: 'pekerja-rentan', category: 'pemulung' },
      { id: 2, group: 'pekerja-sosial', category: null },
    ]);
  });

  it('reads every coding as columns, marking what counts by the evidence rules and the scope', () => {
    const { db, seg } = project();
    code(db, seg('w01', '2.2'), 'x', 'auto', 'auto');
    code(db, seg('w01', '4.1'), 'x', 'auto', 'auto');
    code(db, seg('fgd1', '2'), 'x', 'model', 'suggested');
    code(db, seg('fgd1', '2'), 'y', 'rina', 'manual');
    storeRejection(db, seg('w01', '4.1').id, 'x', 'rina', 'now');
    const marks = (columns: ReturnType<typeof readCodingColumns>) =>
      Array.from({ length: columns.length }, (_, i) => `${columns.codes[columns.code[i]!]} ${columns.coders[columns.coder[i]!]} ${columns.origins[columns.origin[i]!]} p${columns.participant[i]} ${columns.counts[i] ? 'counts' : '-'}${columns.rejected[i] ? ' rejected' : ''}`);
    expect(marks(readCodingColumns(db))).toEqual(['x auto auto p1 counts', 'x auto auto p1 - rejected', 'x model suggested p2 -', 'y rina manual p2 counts']);
    expect(marks(readCodingColumns(db, { origins: ['suggested'] }))).toEqual(['x auto auto p1 -', 'x auto auto p1 - rejected', 'x model suggested p2 counts', 'y rina manual p2 -']);
    expect(marks(readCodingColumns(db, { coder: 'rina' })).filter((m) => m.endsWith('counts'))).toEqual(['y rina manual p2 counts']);
    expect(marks(readCodingColumns(db, {}, 'fgd'))).toEqual(['x model suggested p2 -', 'y rina manual p2 counts']);
    expect(readRejections(db)).toEqual(new Map([['rina', 1]]));
    expect(readRejections(db, 'fgd')).toEqual(new Map());
  });

  it("reads the wanted turns' text source by source, offsets in UTF-16", () => {
    const { db } = project();
    const read = (filter: Parameters<typeof iterateTurnTexts>[1]) => [...iterateTurnTexts(db, filter)].flatMap((s) => s.turns.map((t) => s.text.slice(t.start, t.end)));
    expect(read({ roles: new Set(['participant']) })).toEqual(['Baik. Kartu BPJS sudah ada.', 'Iuran berat 😅 sekali.', 'Kartu dulu, baru iuran.', 'Iuran mahal.']);
    expect(read({ roles: new Set(['participant']), attribute: { key: 'category', value: 'pemulung' } })).toEqual(['Baik. Kartu BPJS sudah ada.', 'Iuran berat 😅 sekali.']);
    expect(read({ roles: new Set(['participant']), attribute: { key: 'group', value: 'pekerja-sosial' } })).toEqual(['Kartu dulu, baru iuran.']);
    expect(read({ roles: new Set(['participant', 'interviewer']), source: 'fgd1' })).toEqual(['Mulai ya.', 'Kartu dulu, baru iuran.', 'Iuran mahal.']);
    expect(read({ roles: new Set([null]), type: 'observation' })).toEqual(['Poster kartu di dinding.']);
    expect(read({ roles: new Set(['participant']), type: 'observation' })).toEqual([]);
  });
});

/** The plan SQLite chooses for a statement, one line per step. */
/** The plan with every parameter bound to null: the plan does not depend on the values. */
function plan(db: Db, sql: string): string[] {
  return queryPlan(db, sql, Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null));
}

describe('query plans', () => {
  // The aggregates exist once a read has registered them.
  const { db } = project();
  readCodingColumns(db);
  readTurnGroups(db);
  [...iterateTurnTexts(db, { roles: new Set(['participant']) })];

  const scansOf = (lines: string[]) => lines.filter((l) => /^SCAN /.test(l));
  const noAutomaticIndexOrSort = (lines: string[]) => expect(lines.filter((l) => /AUTOMATIC|TEMP B-TREE/.test(l))).toEqual([]);

  it.each([false, true])('codings (type %s): every coding once, its segment and turn by primary key', (type) => {
    const lines = plan(db, CODINGS_SQL(type));
    // Every coding is read: there is no narrower way to count them all.
    expect(scansOf(lines)).toEqual(type ? ['SCAN c', expect.stringMatching(/^SCAN sources USING COVERING INDEX/)] : ['SCAN c']);
    // The segment is its sentence row (none for a turn) and its turn, each by primary key.
    expect(lines).toEqual(expect.arrayContaining(['SEARCH gs USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN', 'SEARCH t USING INTEGER PRIMARY KEY (rowid=?)']));
    expect(lines.some((l) => /^SEARCH d USING PRIMARY KEY \(segment_id=\? AND code=\?\)/.test(l))).toBe(true);
    noAutomaticIndexOrSort(lines);
  });

  it.each([false, true])('turns (type %s): one pass over the turns table in id order, no index built, nothing sorted', (type) => {
    const lines = plan(db, TURNS_SQL(type));
    // Every turn is read and no index holds role and times: one scan, on purpose (see TURNS_SQL).
    expect(scansOf(lines)).toEqual(type ? ['SCAN g', expect.stringMatching(/^SCAN sources USING COVERING INDEX/)] : ['SCAN g']);
    noAutomaticIndexOrSort(lines);
  });

  it('turn texts: one source by its id range; all sources in one pass', () => {
    const one = plan(db, turnRangesSql({ roles: ['participant'], source: 'w01' }).sql);
    expect(scansOf(one)).toEqual([]);
    expect(one).toContain('SEARCH g USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
    const all = plan(db, turnRangesSql({ roles: ['participant', null], type: 'fgd', attribute: { key: 'site', value: 'Medan' } }).sql);
    expect(scansOf(all).filter((l) => /segments|\bg\b/.test(l))).toEqual(['SCAN g']);
    noAutomaticIndexOrSort([...one, ...all]);
  });

  it('the rest never touches segments or codings but by key', () => {
    for (const sql of [SOURCES_SQL(false), SOURCES_SQL(true), PARTICIPANTS_SQL, REJECTIONS_SQL(false), REJECTIONS_SQL(true)]) {
      const lines = plan(db, sql);
      expect(lines.filter((l) => /^SCAN (g|gs|t|c|segments|codings)\b/.test(l)), sql).toEqual([]);
      expect(lines.filter((l) => /AUTOMATIC/.test(l)), sql).toEqual([]);
    }
    expect(plan(db, REJECTIONS_SQL(true))).toContain('SEARCH t USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('sources are read from their overview index, never from the rows that hold the texts', () => {
    expect(plan(db, SOURCES_SQL(false))).toContain('SCAN sources USING COVERING INDEX sources_overview');
    expect(plan(db, SOURCES_SQL(true))).toContain('SCAN sources USING COVERING INDEX sources_overview');
  });

  it('the scope is judged on one made-up row, probing review decisions by key', () => {
    const evidence = evidenceClauses({ coder: 'rina', origins: ['manual', 'suggested'] }).clauses.join(' AND ');
    const lines = plan(db, SCOPE_SQL(evidence));
    expect(lines.filter((l) => /segments|codings|\bg\b|\bt\b/.test(l))).toEqual([]);
    expect(lines.some((l) => /^SEARCH d USING PRIMARY KEY/.test(l))).toBe(true);
  });
});
