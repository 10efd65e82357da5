import { describe, expect, it } from 'vitest';
import { codeSegment, interviewStore, proposeAutoCode } from '../../test/helpers/interview-store.js';
import { queryPlan } from '../../test/helpers/query-plan.js';
import type { Codebook } from '../core/codebook/types.js';
import { buildSource } from '../core/transcript/build-source.js';
import { replaceAutoCodingsOfSources } from './auto-codings.js';
import { readTriangulationAudit } from './evidence-stream.js';
import { saveCodebookVersion } from './codebooks.js';
import { iterateSegmentRecords } from './export-segments.js';
import { readProjectOutline, sourceCodingsReader } from './interop-snapshot.js';
import { codingsHaveMemos, iterateCodings } from './list-codings.js';
import type { Db } from './open.js';
import { listParticipantTurns } from './participant-turns.js';
import { listParticipants } from './participants.js';
import { listAcceptedDecisions } from './report-data.js';
import { HIT_DETAILS_SQL } from './search-hits.js';
import { removeSources } from './source-edits.js';
import { loadSource, SourceWriter } from './sources.js';
import { iterateTeamCodings } from './team-codings.js';
import { readUnitFacts } from './coded-units.js';
import { findSegments, iterateCodingUnits } from './codings.js';
import { SearchIndexWriter } from './search-index.js';
import { afterTurnSql, rangeSegmentsSql, segmentRangeDeleter } from './segment-rows.js';
import type { SearchKeys } from '../core/search/search-keys.js';
import { iterateUnitCodes } from './unit-codes.js';
import { listSourceRanges, readSourceUnits } from './unit-ranges.js';
import { AFFECTED_SOURCES_SQL, findParticipant, withdrawParticipant } from './withdrawal.js';

/**
 * The plans of the statements the hot commands run (ingest, code auto, withdraw, sources remove, codings
 * list, export, member-check, participants list, query): each statement is taken from the store's own
 * functions as they run, so a statement changed or added later is checked too. A project of millions of
 * segments must find a source's turns and sentences by its id range and a participant's or a turn's by
 * index, and no hot statement may read the view \`segments\` (m011) in a way that scans it.
 */

/** The tables (and the view) of segments and codings a hot statement must never scan. */
const WATCHED = ['segments', 'turns', 'sentences', 'codings'];

/** Runs `work` and returns every statement it prepared that reads or writes segments, codings, decisions or memos. */
function statementsOf(db: Db, work: () => void): string[] {
  const seen = new Set<string>();
  const prepare = db.prepare.bind(db);
  (db as { prepare: unknown }).prepare = (sql: string) => {
    if (/\b(segments|turns|sentences|codings|review_decisions|memos)\b/i.test(sql)) seen.add(sql);
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
  const names = new Set(WATCHED);
  for (const m of sql.matchAll(/\b(?:segments|turns|sentences|codings)\s+(?:AS\s+)?([a-z]\w*)/gi)) {
    if (!/^(WHERE|ON|SET|JOIN|LEFT|CROSS|INNER|INDEXED|ORDER|GROUP|VALUES|USING|AND|LIMIT)$/i.test(m[1]!)) names.add(m[1]!);
  }
  return names;
}

/** The plan's full scans of segments, turns, sentences or codings (a SCAN of any, under any alias). */
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
  /^SELECT DISTINCT c\.code, c\.coder/, // export refi: the codes and coders of every coding that counts
  /telaah_source_evidence\(/, // triangulate: every counted coding, source by source
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
    // The old segments go by their id range, with everything on them (m011 has no foreign key to cascade).
    for (const table of ['turns', 'sentences']) expect(statements).toContain(`DELETE FROM ${table} WHERE id BETWEEN ? AND ?`);
    for (const table of ['codings', 'review_decisions', 'memos']) expect(statements).toContain(`DELETE FROM ${table} WHERE segment_id BETWEEN ? AND ?`);
    expect(statements.some((s) => /^INSERT INTO turns \(/.test(s))).toBe(true);
    expect(statements.some((s) => /^INSERT INTO sentences \(id, turn_id, start, end\)/.test(s))).toBe(true);
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
    expect(statements.some((s) => /telaah_unit_turns\(.*FROM turns WHERE id BETWEEN @first AND @last/s.test(s))).toBe(true);
    expect(statements.some((s) => /telaah_unit_sentences\(.*FROM sentences WHERE id BETWEEN @first AND @last/s.test(s))).toBe(true);
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

  it('codings list, export segments, member-check, participants list, report, query by sentence, code auto units, code add, search index', () => {
    const { db } = codedStore();
    const statements = statementsOf(db, () => {
      [...iterateCodings(db)];
      [...iterateSegmentRecords(db, { source: 'w01' })];
      [...iterateCodingUnits(db, { unit: 'sentence', includeInterviewer: false })];
      findSegments(db, 'w01', { from: { turn: 2, sentence: 1 }, to: { turn: 4, sentence: 1 } });
      loadSource(db, 'w01');
      readUnitFacts(db, Float64Array.from([1, 2, 3]));
      const keys = { unitKeys: () => ({ words: 'a', id: 'a', en: 'a', count: 1 }) } as unknown as SearchKeys;
      new SearchIndexWriter(db, keys).write({ id: 1, name: 'w01', sha256: 'x', firstSegment: 1, lastSegment: 40 });
      listParticipantTurns(db, 1);
      listParticipants(db);
      listAcceptedDecisions(db);
      [...iterateUnitCodes(db, 'sentence', { evidence: {} }, { codes: ['access'] })];
    });
    expectNoFullScans(db, statements);
  });

  it('triangulate: the counted codings in segment order from the unique index (no sort), each segment by key', () => {
    const { db } = codedStore();
    const audit = { required: 'corroborated' as const, strictAll: false };
    const statements = statementsOf(db, () => readTriangulationAudit(db, {}, [{ id: 'access', parent: null, label: 'Access', required: false, contrasts: [] }], { convergent: 3, corroborated: 2, projectGroups: 0 }, audit));
    const stream = statements.find((s) => /telaah_source_evidence\(/.test(s))!;
    const plan = planOf(db, stream);
    expect(plan).toContain('SCAN c USING INDEX sqlite_autoindex_codings_1');
    expect(plan).toContain('SEARCH gs USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN');
    expect(plan).toContain('SEARCH t USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.filter((l) => /TEMP B-TREE/.test(l))).toEqual([]);
    expectNoFullScans(db, statements);
  });

  it('codings list with a narrow filter: led by the sources in name order, each one\u2019s codings by its id range, no sort', () => {
    const { db } = codedStore();
    for (const filter of [{ code: 'access' }, { coder: 'rina' }, { sourceType: 'interview' as const }, { attribute: { key: 'group', value: 'pekerja-rentan' } }]) {
      const statements = statementsOf(db, () => [...iterateCodings(db, filter)]);
      const listing = statements.find((s) => READS_EVERY_CODING[0]!.test(s))!;
      const plan = planOf(db, listing);
      expect(plan[0], JSON.stringify(filter)).toBe('SCAN s USING INDEX sqlite_autoindex_sources_1');
      expect(plan).toContain('SEARCH c USING INDEX sqlite_autoindex_codings_1 (segment_id>? AND segment_id<?)');
      // A sort within each source ("FOR LAST … TERMS") is bounded; one over every row ("FOR ORDER BY") is what kept `| head` waiting.
      expect(plan.filter((l) => /TEMP B-TREE FOR ORDER BY|AUTOMATIC/.test(l))).toEqual([]);
    }
  });

  it('whether codings have memos: segments with memos looked up by key; the one plain pass over codings only for coding memos', () => {
    const { db } = codedStore();
    const statements = statementsOf(db, () => codingsHaveMemos(db, { code: 'access' }));
    const bySegment = statements.find((s) => /IN \(SELECT segment_id FROM memos/.test(s))!;
    expect(fullScans(db, bySegment)).toEqual([]);
    expect(statements.filter((s) => fullScans(db, s).length > 0)).toEqual(["SELECT EXISTS (SELECT 1 FROM codings WHERE memo IS NOT NULL AND memo <> '')"]);
  });

  it('export refi: who speaks in which source, one seek per participant; a source’s codings by its id range', () => {
    const { db } = codedStore();
    const statements = statementsOf(db, () => {
      readProjectOutline(db, 'p', null, {});
      sourceCodingsReader(db, { coder: 'rina', origins: ['manual'] })(1);
    });
    const bySource = statements.find((s) => /CROSS JOIN codings c ON c\.segment_id BETWEEN/.test(s))!;
    expect(planOf(db, bySource)).toContain('SEARCH c USING INDEX sqlite_autoindex_codings_1 (segment_id>? AND segment_id<?)');
    const spoken = statements.find((s) => /DISTINCT p\.id AS participant/.test(s))!;
    expect(planOf(db, spoken)).toContain('SEARCH g USING INDEX turns_participant (participant_id=?)');
    expectNoFullScans(db, statements);
  });

  it('codings list and export codings of one source: its codings by the source’s id range', () => {
    const { db } = codedStore();
    const statements = statementsOf(db, () => {
      [...iterateCodings(db, { source: 'w01' })];
      [...iterateCodings(db, { source: 'w01', origins: ['manual', 'rejected'] })];
      [...iterateTeamCodings(db, { source: 'w01', origins: ['manual'] })];
    });
    const listings = statements.filter((s) => READS_EVERY_CODING[0]!.test(s) || /FROM codings c LEFT JOIN sentences gs/.test(s));
    expect(listings).toHaveLength(3);
    for (const listing of listings) {
      const plan = planOf(db, listing);
      expect(plan.filter((l) => /^SCAN (c|g|gs|t|x|codings|segments|turns|sentences|review_decisions)\b/.test(l))).toEqual([]);
      expect(plan.some((l) => /^SEARCH c USING (INDEX sqlite_autoindex_codings_1|PRIMARY KEY) \(segment_id>\? AND segment_id<\?\)/.test(l))).toBe(true);
    }
  });
});

describe('the plans of the sentence store (m011_sentence_store)', () => {
  const { db } = codedStore();

  it('deleting a participant sets turns.participant_id NULL through turns_participant, not a scan', () => {
    // The statement SQLite runs for the ON DELETE SET NULL of turns.participant_id (EXPLAIN QUERY PLAN
    // does not show foreign key actions, so their statement is planned here); sentences hold no participant.
    expect(planOf(db, 'UPDATE turns SET participant_id = NULL WHERE participant_id = ?')).toEqual(['SEARCH turns USING COVERING INDEX turns_participant (participant_id=?)']);
    expect(db.prepare<[], string>("SELECT name FROM pragma_table_info('sentences')").pluck().all()).toEqual(['id', 'turn_id', 'start', 'end']);
  });

  it('the sources a participant speaks in: each source’s id range probed in the index', () => {
    expect(planOf(db, AFFECTED_SOURCES_SQL)).toEqual([
      'SCAN s USING COVERING INDEX sources_segment_ranges',
      'SEARCH g EXISTS USING COVERING INDEX turns_participant (participant_id=? AND rowid>? AND rowid<?)',
    ]);
  });

  it('a participant’s turns by the index', () => {
    expect(planOf(db, 'SELECT id FROM turns g WHERE g.participant_id = ?')).toEqual(['SEARCH g USING COVERING INDEX turns_participant (participant_id=?)']);
  });

  it('a turn’s sentences by their id range up to the next turn, without an index on turn_id', () => {
    expect(planOf(db, `SELECT id FROM sentences s WHERE s.id > ? AND s.id < ${afterTurnSql('?')}`)).toEqual([
      'SEARCH s USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)',
      'SCALAR SUBQUERY 1',
      'SEARCH n USING INTEGER PRIMARY KEY (rowid>?)',
    ]);
  });

  it('a source’s segments: deleted by its id range with everything on them, read as two ordered halves merged', () => {
    const statements = statementsOf(db, () => segmentRangeDeleter(db));
    expect(statements.map((sql) => [sql, planOf(db, sql)])).toEqual([
      ['DELETE FROM codings WHERE segment_id BETWEEN ? AND ?', ['SEARCH codings USING COVERING INDEX sqlite_autoindex_codings_1 (segment_id>? AND segment_id<?)']],
      ['DELETE FROM review_decisions WHERE segment_id BETWEEN ? AND ?', ['SEARCH review_decisions USING PRIMARY KEY (segment_id>? AND segment_id<?)']],
      ['DELETE FROM memos WHERE segment_id BETWEEN ? AND ?', ['SEARCH memos USING COVERING INDEX memos_segment (segment_id>? AND segment_id<?)']],
      ['DELETE FROM sentences WHERE id BETWEEN ? AND ?', ['SEARCH sentences USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)']],
      ['DELETE FROM turns WHERE id BETWEEN ? AND ?', ['SEARCH turns USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)']],
    ]);
    expect(planOf(db, rangeSegmentsSql(['id', 'turn', 'sentence', 'start', 'end']))).toEqual([
      'MERGE (UNION ALL)',
      'LEFT',
      'SEARCH t USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)',
      'RIGHT',
      'SEARCH s USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)',
      'SEARCH t USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
  });

  it('the view segments still reads a range by primary key in both halves (for the statements left on it)', () => {
    const plan = planOf(db, 'SELECT * FROM segments WHERE id BETWEEN ? AND ?');
    expect(plan).toEqual(expect.arrayContaining(['SEARCH turns USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)', 'SEARCH s USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)']));
  });

  it('search hit details: each hit and its turn by key', () => {
    expect(fullScans(db, HIT_DETAILS_SQL)).toEqual([]);
  });
});
