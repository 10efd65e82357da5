import { describe, expect, it } from 'vitest';
import { codeSegment, interviewStore, proposeAutoCode } from '../../test/helpers/interview-store.js';
import { queryPlan } from '../../test/helpers/query-plan.js';
import type { Codebook } from '../core/codebook/types.js';
import { buildSource } from '../core/transcript/build-source.js';
import { replaceAutoCodingsOfSources } from './auto-codings.js';
import { saveCodebookVersion } from './codebooks.js';
import { iterateSegmentRecords } from './export-segments.js';
import { readProjectSnapshot } from './interop-snapshot.js';
import { iterateCodings } from './list-codings.js';
import type { Db } from './open.js';
import { listParticipantTurns } from './participant-turns.js';
import { listParticipants } from './participants.js';
import { listAcceptedDecisions } from './report-data.js';
import { HIT_DETAILS_SQL } from './search-hits.js';
import { removeSources } from './source-edits.js';
import { SourceWriter } from './sources.js';
import { iterateTeamCodings } from './team-codings.js';
import { iterateUnitCodes } from './unit-codes.js';
import { listSourceRanges, readSourceUnits } from './unit-ranges.js';
import { AFFECTED_SOURCES_SQL, findParticipant, withdrawParticipant } from './withdrawal.js';

/**
 * The plans of the statements the hot commands run (ingest, code auto, withdraw, sources remove, codings
 * list, export, member-check, participants list, query): each statement is taken from the store's own
 * functions as they run, so a statement changed or added later is checked too. A project of millions of
 * segments must find a source's segments by its id range and a participant's or a turn's by index.
 */

/** Runs `work` and returns every statement it prepared that reads or writes segments or codings. */
function statementsOf(db: Db, work: () => void): string[] {
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (sql: string) => {
    if (/\b(segments|codings)\b/i.test(sql)) seen.add(sql);
    return prepare(sql);
  };
  try {
    work();
  } finally {
    (db as { prepare: unknown }).prepare = prepare;
  }
  return [...seen];
}

/** The plan with every parameter (positional or named) bound to null: the plan does not depend on them. */
function planOf(db: Db, sql: string): string[] {
  const names = [...new Set(sql.match(/@\w+/g) ?? [])];
  if (names.length) return queryPlan(db, sql, [Object.fromEntries(names.map((n) => [n.slice(1), null]))]);
  return queryPlan(db, sql, Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null));
}

/** The names (table or alias) under which the statement reads segments or codings. */
function aliasesOf(sql: string): Set<string> {
  const names = new Set(['segments', 'codings']);
  for (const m of sql.matchAll(/\b(?:segments|codings)\s+(?:AS\s+)?([a-z]\w*)/gi)) {
    if (!/^(WHERE|ON|SET|JOIN|LEFT|CROSS|INNER|INDEXED|ORDER|GROUP|VALUES|USING|AND|LIMIT)$/i.test(m[1]!)) names.add(m[1]!);
  }
  return names;
}

/** The plan's full scans of segments or codings (a SCAN of either, under any alias). */
function fullScans(db: Db, sql: string): string[] {
  const names = aliasesOf(sql);
  return planOf(db, sql).filter((line) => {
    const m = /^SCAN (\w+)/.exec(line);
    return m !== null && names.has(m[1]!);
  });
}

/**
 * Statements that read every coding on purpose (the listing wants them all): their one scan of codings
 * is the plan; every segment they need is then found by key.
 */
const READS_EVERY_CODING = [
  /^\s*SELECT \* FROM \(SELECT s\.id AS sourceId/, // codings list
  /FROM codings WHERE memo IS NOT NULL/, // withdraw: quotes of the participant in coding memos
  /^\s*SELECT s\.id AS sourceId, g\.start, g\.end, c\.code/, // export refi: every coding
];

const CODEBOOK: Codebook = { name: 'Mini', version: '1', languages: ['id'], authors: [], description: null, negation: { words: {}, window: 0 }, codes: [] };

/** The interview project with a codebook, a manual coding on a turn and an auto proposal on a sentence. */
function codedStore(): { db: Db; codebookId: number; seg: ReturnType<typeof interviewStore>['seg'] } {
  const { db, seg } = interviewStore();
  const codebookId = saveCodebookVersion(db, CODEBOOK, { file: 'a.yaml', sha256: 'v1', yaml: '' }, 'now').version.id;
  codeSegment(db, seg('w01', '2'), 'access', 'rina');
  proposeAutoCode(db, seg('w01', '4.1'), 'income');
  return { db, codebookId, seg };
}

/** Asserts no statement scans segments or codings but those that read every coding on purpose. */
function expectNoFullScans(db: Db, statements: string[]): void {
  expect(statements.length).toBeGreaterThan(0);
  for (const sql of statements) {
    if (READS_EVERY_CODING.some((r) => r.test(sql))) continue;
    expect([sql.replace(/\s+/g, ' ').trim(), fullScans(db, sql)]).toEqual([sql.replace(/\s+/g, ' ').trim(), []]);
  }
}

describe('hot statements never scan segments or codings', () => {
  it('ingest (writing a source, and replacing it)', () => {
    const { db } = interviewStore();
    const note = buildSource([{ speaker: null, role: null, participant: null, text: 'Poster besar. Warga antre.', startMs: null, endMs: null }]);
    const info = { name: 'a-note', type: 'observation' as const, file: 'a-note.md', sha256: 'new', encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} };
    const statements = statementsOf(db, () => new SourceWriter(db).write(info, note, new Map(), 'now', true));
    expect(statements).toContain('DELETE FROM segments WHERE id BETWEEN ? AND ?');
    expectNoFullScans(db, statements);
  });

  it('code auto (replacing a source’s auto codings by its id range)', () => {
    const { db, codebookId, seg } = codedStore();
    const one = seg('w01', '2.1');
    const statements = statementsOf(db, () => replaceAutoCodingsOfSources(db, [{ source: 'w01', codings: [{ segmentId: one.id, code: 'access', start: one.start, end: one.end }] }], codebookId, 'now'));
    expect(statements.some((s) => /segment_id BETWEEN \? AND \?/.test(s))).toBe(true);
    expectNoFullScans(db, statements);
  });

  it('code auto (reading each source’s units by its id range)', () => {
    const { db } = codedStore();
    const statements = statementsOf(db, () => {
      for (const source of listSourceRanges(db)) expect(readSourceUnits(db, source, { unit: 'sentence', includeInterviewer: false }).count).toBeGreaterThan(0);
    });
    expect(statements.some((s) => /FROM segments WHERE id BETWEEN \? AND \?/.test(s))).toBe(true);
    expectNoFullScans(db, statements);
  });

  it('withdraw (planning and cutting a participant out, then deleting them)', () => {
    const { db } = codedStore();
    const target = findParticipant(db, 'Sumiati')!;
    const statements = statementsOf(db, () => withdrawParticipant(db, target, () => { throw new Error('no source here is indexed'); }));
    expect(statements).toContain(AFFECTED_SOURCES_SQL);
    expectNoFullScans(db, statements);
  });

  it('sources remove', () => {
    const { db } = codedStore();
    const statements = statementsOf(db, () => removeSources(db, ['w01']));
    expectNoFullScans(db, statements);
  });

  it('codings list, export segments, member-check, participants list, report, query by sentence', () => {
    const { db } = codedStore();
    const statements = statementsOf(db, () => {
      [...iterateCodings(db)];
      [...iterateSegmentRecords(db, { source: 'w01' })];
      listParticipantTurns(db, 1);
      listParticipants(db);
      listAcceptedDecisions(db);
      [...iterateUnitCodes(db, 'sentence', { evidence: {} }, { codes: ['access'] })];
    });
    expectNoFullScans(db, statements);
  });

  it('export refi: who speaks in which source, one seek per participant', () => {
    const { db } = codedStore();
    const statements = statementsOf(db, () => readProjectSnapshot(db, 'p', null, {}));
    const spoken = statements.find((s) => /DISTINCT p\.id AS participant/.test(s))!;
    expect(planOf(db, spoken)).toContain('SEARCH g USING INDEX segments_participant (participant_id=? AND sentence=?)');
    expectNoFullScans(db, statements);
  });

  it('codings list and export codings of one source: its codings by the source’s id range', () => {
    const { db } = codedStore();
    const statements = statementsOf(db, () => {
      [...iterateCodings(db, { source: 'w01' })];
      [...iterateCodings(db, { source: 'w01', origins: ['manual', 'rejected'] })];
      [...iterateTeamCodings(db, { source: 'w01', origins: ['manual'] })];
    });
    const listings = statements.filter((s) => READS_EVERY_CODING[0]!.test(s) || /FROM codings c JOIN segments g/.test(s));
    expect(listings).toHaveLength(3);
    for (const listing of listings) {
      const plan = planOf(db, listing);
      expect(plan.filter((l) => /^SCAN (c|g|t|x|codings|segments|review_decisions)\b/.test(l))).toEqual([]);
      expect(plan.some((l) => /^SEARCH c USING (INDEX sqlite_autoindex_codings_1|PRIMARY KEY) \(segment_id>\? AND segment_id<\?\)/.test(l))).toBe(true);
    }
  });
});

describe('the plans the segment indexes give (m010_segment_indexes)', () => {
  const { db } = codedStore();

  it('deleting a participant sets participant_id NULL through segments_participant, not a scan', () => {
    // The statement SQLite runs for the ON DELETE SET NULL of segments.participant_id (EXPLAIN QUERY
    // PLAN does not show foreign key actions, so their statement is planned here); sentences carry the
    // participant too, so the partial index on turns that m001 made could not serve it.
    expect(planOf(db, 'UPDATE segments SET participant_id = NULL WHERE participant_id = ?')).toEqual(['SEARCH segments USING COVERING INDEX segments_participant (participant_id=?)']);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'segments_participant_turns'").get()).toBeUndefined();
  });

  it('the sources a participant speaks in: each source’s id range probed in the index', () => {
    expect(planOf(db, AFFECTED_SOURCES_SQL)).toEqual([
      'SCAN s USING COVERING INDEX sources_segment_ranges',
      'SEARCH g EXISTS USING COVERING INDEX segments_participant (participant_id=? AND sentence=? AND rowid>? AND rowid<?)',
    ]);
  });

  it('a participant’s turns by the index, without reading their sentences', () => {
    expect(planOf(db, 'SELECT id FROM segments g WHERE g.participant_id = ? AND g.sentence = 0')).toEqual(['SEARCH g USING COVERING INDEX segments_participant (participant_id=? AND sentence=?)']);
  });

  it('a turn’s sentences by segments_parent', () => {
    expect(planOf(db, 'SELECT id FROM segments s WHERE s.parent_id = ?')).toEqual(['SEARCH s USING COVERING INDEX segments_parent (parent_id=?)']);
  });

  it('a source’s segments (deleting, exporting) by its id range', () => {
    expect(planOf(db, 'DELETE FROM segments WHERE id BETWEEN ? AND ?')[0]).toBe('SEARCH segments USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)');
  });

  it('search hit details: each hit and its turn by key', () => {
    expect(fullScans(db, HIT_DETAILS_SQL)).toEqual([]);
  });
});
