import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test/helpers/query-plan.js';
import { codeSegment, interviewStore, proposeAutoCode } from '../../test/helpers/interview-store.js';
import { storeRejection } from './review.js';
import { iterateUnitCodes, unitCodesSql, unitIdsByCodeSql } from './unit-codes.js';

describe('unit codes', () => {
  it('spreads a turn coding to its sentences, and rolls sentence codings up to their turn', () => {
    const { db, seg } = interviewStore();
    codeSegment(db, seg('w01', '2'), 'a', 'rina');
    codeSegment(db, seg('w01', '4.1'), 'b', 'rina');
    const at = (unit: 'sentence' | 'turn') =>
      [...iterateUnitCodes(db, unit, { evidence: {} })].map((r) => `${r.unitId} ${r.code}`).sort();
    expect(at('sentence')).toEqual([`${seg('w01', '2.1').id} a`, `${seg('w01', '2.2').id} a`, `${seg('w01', '4.1').id} b`].sort());
    expect(at('turn')).toEqual([`${seg('w01', '2').id} a`, `${seg('w01', '4').id} b`].sort());
    // A turn carrying a code through two of its sentences carries it once.
    codeSegment(db, seg('w01', '2.1'), 'b', 'rina');
    codeSegment(db, seg('w01', '2.2'), 'b', 'rina');
    expect(at('turn')).toEqual([`${seg('w01', '2').id} a`, `${seg('w01', '2').id} b`, `${seg('w01', '4').id} b`].sort());
  });

  it('follows the evidence rules, or lists each coder as they coded', () => {
    const { db, seg } = interviewStore();
    proposeAutoCode(db, seg('w01', '2.2'), 'a');
    storeRejection(db, seg('w01', '2.2').id, 'a', 'rina', 'now');
    codeSegment(db, seg('w01', '2.2'), 'b', 'rina');
    codeSegment(db, seg('w01', '2.2'), 'b', 'budi');
    expect([...iterateUnitCodes(db, 'sentence', { evidence: {} })].map((r) => [r.code, r.coder])).toEqual([['b', '']]);
    const perCoder = [...iterateUnitCodes(db, 'sentence', { coders: ['auto', 'rina', 'budi'] })].map((r) => `${r.code} ${r.coder}`).sort();
    expect(perCoder).toEqual(['a auto', 'b budi', 'b rina']);
  });

  it('does not stray into the next turn or the next source', () => {
    const { db, seg } = interviewStore();
    codeSegment(db, seg('w01', '4'), 'a', 'rina');
    codeSegment(db, seg('a-note', '1'), 'b', 'rina');
    expect([...iterateUnitCodes(db, 'sentence', { evidence: {} })].map((r) => `${r.unitId} ${r.code}`).sort()).toEqual(
      [`${seg('w01', '4.1').id} a`, `${seg('a-note', '1.1').id} b`].sort(),
    );
  });

  it('finds the sentences of a coded turn by their id range (up to the next turn), without scanning sentences', () => {
    const { db } = interviewStore();
    const { sql, params } = unitCodesSql('sentence', { evidence: {} });
    const plan = queryPlan(db, sql, params);
    expect(plan).toEqual(expect.arrayContaining(['SEARCH s USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)', 'SEARCH n USING INTEGER PRIMARY KEY (rowid>?)']));
    expect(plan.filter((d) => /^SCAN (g|gs|t|s|n)\b/.test(d))).toEqual([]);
  });

  it('reads only the codes asked for, and leaves interviewer turns out when asked', () => {
    const { db, seg } = interviewStore();
    codeSegment(db, seg('w01', '1'), 'a', 'rina');
    codeSegment(db, seg('w01', '2.1'), 'a', 'rina');
    codeSegment(db, seg('w01', '2.2'), 'b', 'rina');
    const rows = (options: Parameters<typeof iterateUnitCodes>[3]) => [...iterateUnitCodes(db, 'sentence', { evidence: {} }, options)].map((r) => `${r.unitId} ${r.code}`).sort();
    expect(rows({ codes: ['a'] })).toEqual([`${seg('w01', '1.1').id} a`, `${seg('w01', '2.1').id} a`].sort());
    expect(rows({ codes: ['a'], skipInterviewer: true })).toEqual([`${seg('w01', '2.1').id} a`]);
    expect(rows({ codes: ['a'], read: 'scan' })).toEqual(rows({ codes: ['a'] }));
    const turns = [...iterateUnitCodes(db, 'turn', { evidence: {} }, { skipInterviewer: true })].map((r) => `${r.unitId} ${r.code}`).sort();
    expect(turns).toEqual([`${seg('w01', '2').id} a`, `${seg('w01', '2').id} b`]);
  });

  it('reads a few codes through the codings_code index, and never scans segments', () => {
    const { db } = interviewStore();
    for (const unit of ['sentence', 'turn'] as const) {
      const { sql, params } = unitIdsByCodeSql(unit, { evidence: { origins: ['manual'] } }, ['a', 'b'], { skipInterviewer: true, read: 'index', sourceIds: [1], participantIds: [1], lengths: true });
      const plan = queryPlan(db, sql, params);
      expect(plan.filter((d) => /^SCAN (c|codings)\b/.test(d))).toEqual([]);
      expect(plan.some((d) => /SEARCH c USING INDEX codings_code \(code=\?\)/.test(d))).toBe(true);
      expect(plan.filter((d) => /^SCAN (g|s|t|n)\b/.test(d))).toEqual([]);
      // Reading in rowid order (for most of the codings) scans codings, and still never segments.
      const scan = unitIdsByCodeSql(unit, { evidence: {} }, ['a'], { skipInterviewer: true, read: 'scan' });
      const scanPlan = queryPlan(db, scan.sql, scan.params);
      expect(scanPlan.filter((d) => /^SCAN (g|s|t|n)\b/.test(d))).toEqual([]);
    }
  });
});
