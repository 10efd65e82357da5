import { describe, expect, it } from 'vitest';
import { interviewStore } from '../../test/helpers/interview-store.js';
import { addManualCodings } from './codings.js';
import type { Db } from './open.js';
import { storeRejection } from './review.js';
import { iterateUnitCodes, readUnitIds, unitCodesSql, unitIdsByCodeSql } from './unit-codes.js';

function code(db: Db, segment: { id: number; start: number; end: number }, codeId: string, coder: string): void {
  addManualCodings(db, [{ segmentId: segment.id, code: codeId, coder, origin: 'manual', start: segment.start, end: segment.end, memo: null, codebookId: null }], 'now');
}

function auto(db: Db, segment: { id: number; start: number; end: number }, codeId: string): void {
  db.prepare(`INSERT INTO codings (segment_id, code, coder, origin, start, end, created_at) VALUES (?, ?, 'auto', 'auto', ?, ?, 'now')`).run(segment.id, codeId, segment.start, segment.end);
}

describe('unit codes', () => {
  it('spreads a turn coding to its sentences, and rolls sentence codings up to their turn', () => {
    const { db, seg } = interviewStore();
    code(db, seg('w01', '2'), 'a', 'rina');
    code(db, seg('w01', '4.1'), 'b', 'rina');
    const at = (unit: 'sentence' | 'turn') =>
      [...iterateUnitCodes(db, unit, { evidence: {} })].map((r) => `${r.unitId} ${r.code}`).sort();
    expect(at('sentence')).toEqual([`${seg('w01', '2.1').id} a`, `${seg('w01', '2.2').id} a`, `${seg('w01', '4.1').id} b`].sort());
    expect(at('turn')).toEqual([`${seg('w01', '2').id} a`, `${seg('w01', '4').id} b`].sort());
  });

  it('follows the evidence rules, or lists each coder as they coded', () => {
    const { db, seg } = interviewStore();
    auto(db, seg('w01', '2.2'), 'a');
    storeRejection(db, seg('w01', '2.2').id, 'a', 'rina', 'now');
    code(db, seg('w01', '2.2'), 'b', 'rina');
    code(db, seg('w01', '2.2'), 'b', 'budi');
    expect([...iterateUnitCodes(db, 'sentence', { evidence: {} })].map((r) => [r.code, r.coder])).toEqual([['b', '']]);
    const perCoder = [...iterateUnitCodes(db, 'sentence', { coders: ['auto', 'rina', 'budi'] })].map((r) => `${r.code} ${r.coder}`).sort();
    expect(perCoder).toEqual(['a auto', 'b budi', 'b rina']);
  });

  it('does not stray into the next turn or the next source', () => {
    const { db, seg } = interviewStore();
    code(db, seg('w01', '4'), 'a', 'rina');
    code(db, seg('a-note', '1'), 'b', 'rina');
    expect([...iterateUnitCodes(db, 'sentence', { evidence: {} })].map((r) => `${r.unitId} ${r.code}`).sort()).toEqual(
      [`${seg('w01', '4.1').id} a`, `${seg('a-note', '1.1').id} b`].sort(),
    );
  });

  it('finds the sentences of a coded turn by rowid, without scanning segments', () => {
    const { db } = interviewStore();
    const { sql, params } = unitCodesSql('sentence', { evidence: {} });
    const plan = db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((r) => r.detail);
    expect(plan.some((d) => /SEARCH s USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/.test(d))).toBe(true);
    expect(plan.filter((d) => /^SCAN (g|s|n)\b/.test(d))).toEqual([]);
  });

  it('reads only the codes asked for, and leaves interviewer turns out when asked', () => {
    const { db, seg } = interviewStore();
    code(db, seg('w01', '1'), 'a', 'rina');
    code(db, seg('w01', '2.1'), 'a', 'rina');
    code(db, seg('w01', '2.2'), 'b', 'rina');
    const rows = (options: Parameters<typeof iterateUnitCodes>[3]) => [...iterateUnitCodes(db, 'sentence', { evidence: {} }, options)].map((r) => `${r.unitId} ${r.code}`).sort();
    expect(rows({ codes: ['a'] })).toEqual([`${seg('w01', '1.1').id} a`, `${seg('w01', '2.1').id} a`].sort());
    expect(rows({ codes: ['a'], skipInterviewer: true })).toEqual([`${seg('w01', '2.1').id} a`]);
    expect(rows({ codes: ['a'], read: 'scan' })).toEqual(rows({ codes: ['a'] }));
    const turns = [...iterateUnitCodes(db, 'turn', { evidence: {} }, { skipInterviewer: true })].map((r) => `${r.unitId} ${r.code}`).sort();
    expect(turns).toEqual([`${seg('w01', '2').id} a`, `${seg('w01', '2').id} b`]);
  });

  it("gives each code's units by participant, sorted and each once, by the same rule", () => {
    const { db, seg } = interviewStore();
    code(db, seg('w01', '2'), 'a', 'rina');
    code(db, seg('w01', '2.2'), 'a', 'budi');
    auto(db, seg('w01', '4.1'), 'a');
    code(db, seg('a-note', '1.1'), 'a', 'rina');
    code(db, seg('w01', '3'), 'a', 'rina');
    const sumiati = (db.prepare("SELECT id FROM participants WHERE pseudonym = 'Sumiati'").get() as { id: number }).id;
    const byParticipant = (unit: 'sentence' | 'turn') =>
      readUnitIds(db, unit, { evidence: {} }, { codes: ['a'], skipInterviewer: true })
        .map((r) => [r.code, r.participantId, [...r.ids]])
        .sort((x, y) => String(x[1]).localeCompare(String(y[1])));
    expect(byParticipant('sentence')).toEqual([
      ['a', sumiati, [seg('w01', '2.1').id, seg('w01', '2.2').id, seg('w01', '4.1').id]],
      ['a', null, [seg('a-note', '1.1').id]],
    ]);
    expect(byParticipant('turn')).toEqual([
      ['a', sumiati, [seg('w01', '2').id, seg('w01', '4').id]],
      ['a', null, [seg('a-note', '1').id]],
    ]);
    // The same units as the row-by-row rule gives.
    const rule = [...iterateUnitCodes(db, 'sentence', { evidence: {} }, { skipInterviewer: true })].map((r) => r.unitId).sort((x, y) => x - y);
    expect(readUnitIds(db, 'sentence', { evidence: {} }, { skipInterviewer: true }).flatMap((r) => [...r.ids]).sort((x, y) => x - y)).toEqual(rule);
  });

  it('reads a few codes through the codings_code index, and never scans segments', () => {
    const { db } = interviewStore();
    for (const unit of ['sentence', 'turn'] as const) {
      const { sql, params } = unitIdsByCodeSql(unit, { evidence: { origins: ['manual'] } }, { codes: ['a', 'b'], skipInterviewer: true, read: 'index' });
      const plan = db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((r) => r.detail);
      expect(plan.filter((d) => /^SCAN (c|codings)\b/.test(d))).toEqual([]);
      expect(plan.some((d) => /SEARCH c USING INDEX codings_code \(code=\?\)/.test(d))).toBe(true);
      expect(plan.filter((d) => /^SCAN (g|s|t|n)\b/.test(d))).toEqual([]);
      // Reading in rowid order (for most of the codings) scans codings, and still never segments.
      const scan = unitIdsByCodeSql(unit, { evidence: {} }, { codes: ['a'], skipInterviewer: true, read: 'scan' });
      const scanPlan = db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${scan.sql}`)
        .all(...scan.params)
        .map((r) => r.detail);
      expect(scanPlan.filter((d) => /^SCAN (g|s|t|n)\b/.test(d))).toEqual([]);
    }
  });
});
