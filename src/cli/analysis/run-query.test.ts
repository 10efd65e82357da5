import { describe, expect, it } from 'vitest';
import { codeSegment, interviewStore, proposeAutoCode } from '../../../test/helpers/interview-store.js';
import { parseQuery } from '../../core/analysis/query/parse-query.js';
import { defaultConfig } from '../../core/config.js';
import { InputError } from '../../errors.js';
import { storeRejection } from '../../store/review.js';
import type { Project } from '../open-project.js';
import { codeUnits, readMatrixUnits } from './read-matrix.js';
import { cooccurrenceMatrix } from '../../core/analysis/cooccurrence.js';
import { inReadingOrder, runQuery } from './run-query.js';
import { openAnalysisScope, type AnalysisOptions } from './scope.js';

/** The interview store as a project: w01 (question, Sumiati 2.1 2.2, question, Sumiati 4.1) and a-note 1.1. */
function project(): { project: Project; seg: ReturnType<typeof interviewStore>['seg'] } {
  const { db, seg } = interviewStore();
  const code = (source: string, address: string, id: string, coder = 'rina'): void => codeSegment(db, seg(source, address), id, coder);
  code('w01', '2', 'barrier/distrust');
  code('w01', '2.2', 'role/educator');
  code('w01', '4.1', 'role/educator', 'budi');
  code('w01', '3', 'role/educator');
  code('a-note', '1.1', 'barrier/documentation');
  const auto = seg('a-note', '1.1');
  proposeAutoCode(db, auto, 'role/broker');
  storeRejection(db, auto.id, 'role/broker', 'rina', 'now');
  return { project: { db, config: defaultConfig('t'), paths: { dir: '/x', config: '/x/telaah.yaml', database: ':memory:' } }, seg };
}

function run(text: string, opts: AnalysisOptions = {}): string[] {
  const { project: p } = project();
  const scope = openAnalysisScope(p, opts);
  const { ids, codes } = inReadingOrder(p, runQuery(p, scope, parseQuery(text)), scope.sources());
  const address = new Map<number, string>();
  for (const row of p.db.prepare<[], { id: number; name: string; turn: number; sentence: number }>('SELECT g.id, s.name, g.turn, g.sentence FROM segments g JOIN sources s ON s.id = g.source_id').all()) {
    address.set(row.id, `${row.name} ${row.sentence ? `${row.turn}.${row.sentence}` : row.turn}`);
  }
  return Array.from(ids, (id, i) => `${address.get(id)} ${codes[i]!.join(',')}`);
}

describe('a query on a project', () => {
  it('spreads a turn coding to its sentences, leaves interviewer turns and rejections out', () => {
    expect(run('barrier')).toEqual(['a-note 1.1 barrier/documentation', 'w01 2.1 barrier/distrust', 'w01 2.2 barrier/distrust']);
    expect(run('role')).toEqual(['w01 2.2 role/educator', 'w01 4.1 role/educator']);
  });

  it('combines, returning the codes of the terms not negated', () => {
    expect(run('barrier AND role/educator')).toEqual(['w01 2.2 barrier/distrust,role/educator']);
    expect(run('barrier AND NOT role')).toEqual(['a-note 1.1 barrier/documentation', 'w01 2.1 barrier/distrust']);
    expect(run('NOT barrier')).toEqual(['w01 4.1 ']);
    // 2.1 is next to 2.2; 4.1 is two units (the question 3.1 between) from 2.2.
    expect(run('barrier/distrust NEAR/1 role/educator')).toEqual(['w01 2.1 barrier/distrust', 'w01 2.2 barrier/distrust,role/educator']);
    expect(run('role/educator NEAR/1 barrier/distrust')).toEqual(['w01 2.1 barrier/distrust', 'w01 2.2 barrier/distrust,role/educator']);
    expect(run('barrier/distrust NEAR/3 role/educator')).toEqual(['w01 2.1 barrier/distrust', 'w01 2.2 barrier/distrust,role/educator', 'w01 4.1 role/educator']);
    expect(run('barrier/documentation NEAR/9 role')).toEqual([]);
    expect(run('barrier/distrust SAME-TURN role/educator')).toEqual(['w01 2.1 barrier/distrust', 'w01 2.2 barrier/distrust,role/educator']);
  });

  it('reads turns at the turn level', () => {
    expect(run('barrier AND role', { unit: 'turn' })).toEqual(['w01 2 barrier/distrust,role/educator']);
    expect(run('barrier/distrust NEAR/1 role', { unit: 'turn' })).toEqual(['w01 2 barrier/distrust,role/educator']);
    expect(run('barrier/distrust NEAR/2 role', { unit: 'turn' })).toEqual(['w01 2 barrier/distrust,role/educator', 'w01 4 role/educator']);
  });

  it('evaluates within the filters', () => {
    expect(run('barrier', { type: 'observation' })).toEqual([]);
    expect(run('barrier', { where: { key: 'group', value: 'pekerja-rentan' } })).toEqual(['w01 2.1 barrier/distrust', 'w01 2.2 barrier/distrust']);
    expect(run('barrier', { source: 'a-note' })).toEqual(['a-note 1.1 barrier/documentation']);
    expect(run('role', { coder: 'budi' })).toEqual(['w01 4.1 role/educator']);
    expect(run('role OR barrier', { origin: ['auto'] })).toEqual([]);
  });

  it('points at an unknown code with the nearest one', () => {
    const { project: p } = project();
    const scope = openAnalysisScope(p, {});
    expect(() => runQuery(p, scope, parseQuery('barrier AND role/educatr'))).toThrow(InputError);
    try {
      runQuery(p, scope, parseQuery('barrier AND role/educatr'));
    } catch (error) {
      expect((error as InputError).format()).toBe('query:1:13: unknown code "role/educatr". Did you mean role/educator?');
    }
  });

  it('counts "A AND B" as co-occurrence counts the cell (A, B)', () => {
    const { project: p } = project();
    const scope = openAnalysisScope(p, {});
    const { codes, rows } = readMatrixUnits(p, scope, { codes: ['barrier', 'role', 'role/educator', 'barrier/documentation'] }, false);
    const matrix = cooccurrenceMatrix(codeUnits(codes, rows));
    for (const [i, a] of codes.entries()) {
      for (const [j, b] of codes.entries()) expect(runQuery(p, scope, parseQuery(`${a.code} AND ${b.code}`)).units.length).toBe(matrix.counts[i]![j]);
    }
  });
});
