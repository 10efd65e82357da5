import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test/helpers/query-plan.js';
import { codeSegment, interviewStore, proposeAutoCode } from '../../test/helpers/interview-store.js';
import { AgreementUnits, coderHasWork, listSourceCoders, sourceCodersSql, sourceUnitCodesSql, unitCountSql, unitCountsSql } from './agreement-units.js';
import { storeRejection } from './review.js';

describe('agreement units', () => {
  it('knows which coders coded each source, by a coding or a review decision', () => {
    const { db, seg } = interviewStore();
    proposeAutoCode(db, seg('w01', '2.1'), 'a');
    proposeAutoCode(db, seg('a-note', '1.1'), 'a');
    codeSegment(db, seg('w01', '4'), 'b', 'rina');
    // budi only rejected auto's proposal on the note: he went through it too.
    storeRejection(db, seg('a-note', '1.1').id, 'a', 'budi', 'now');
    expect(listSourceCoders(db, ['rina', 'budi', 'auto']).map((s) => [s.name, s.coders])).toEqual([
      ['a-note', ['budi', 'auto']],
      ['w01', ['rina', 'auto']],
    ]);
    expect(listSourceCoders(db, ['rina'], ['w01']).map((s) => s.name)).toEqual(['w01']);
    expect(coderHasWork(db, 'budi')).toBe(true);
    expect(coderHasWork(db, 'nobody')).toBe(false);
  });

  it('counts units without interviewer turns, at the turn and at the sentence', () => {
    const { db } = interviewStore();
    const [w01, note] = listSourceCoders(db, []).sort((a, b) => a.id - b.id);
    expect(new AgreementUnits(db, 'turn', ['rina']).unitCount(w01!)).toBe(2);
    expect(new AgreementUnits(db, 'sentence', ['rina']).unitCount(w01!)).toBe(3);
    expect(new AgreementUnits(db, 'turn', ['rina']).unitCount(note!)).toBe(1);
  });

  it("reads each coder's codes per unit in unit order, rejected proposals included, interviewer turns left out", () => {
    const { db, seg } = interviewStore();
    proposeAutoCode(db, seg('w01', '2.2'), 'a');
    storeRejection(db, seg('w01', '2.2').id, 'a', 'rina', 'now');
    codeSegment(db, seg('w01', '4'), 'b', 'rina');
    codeSegment(db, seg('w01', '2.1'), 'b', 'budi');
    codeSegment(db, seg('w01', '1'), 'b', 'budi'); // an interviewer turn, named alone
    codeSegment(db, seg('a-note', '1'), 'b', 'budi');
    const w01 = listSourceCoders(db, ['budi'], ['w01'])[0]!;
    const rows = (unit: 'turn' | 'sentence') => [...new AgreementUnits(db, unit, ['rina', 'budi', 'auto']).unitCodes(w01)].map((r) => [r.unitId, r.code, r.coder]);
    const byTurn = rows('turn');
    expect(byTurn.map((r) => r[0])).toEqual([...byTurn.map((r) => r[0])].sort((a, b) => Number(a) - Number(b)));
    expect(byTurn.map(([u, c, who]) => `${u} ${c} ${who}`).sort()).toEqual(
      [`${seg('w01', '2').id} a auto`, `${seg('w01', '2').id} b budi`, `${seg('w01', '4').id} b rina`].sort(),
    );
    expect(rows('sentence').map(([u, c, who]) => `${u} ${c} ${who}`).sort()).toEqual(
      [`${seg('w01', '2.2').id} a auto`, `${seg('w01', '2.1').id} b budi`, `${seg('w01', '4.1').id} b rina`].sort(),
    );
  });

  it('describes a unit with its source, address, speaker and text', () => {
    const { db, seg } = interviewStore();
    expect(new AgreementUnits(db, 'turn', ['rina']).describe(seg('w01', '2.2').id)).toEqual({
      source: 'w01',
      segment: '2.2',
      speaker: 'Sumiati',
      participant: 'Sumiati',
      text: 'Dia bawa leaflet.',
    });
  });

  it('reads codings and review decisions by segment range through their indexes, scanning only sources', () => {
    const { db } = interviewStore();
    const sources = sourceCodersSql(['rina', 'auto']);
    const sourcePlan = queryPlan(db, sources.sql, sources.params);
    expect(sourcePlan.filter((d) => /^SCAN /.test(d)).map((d) => d.split(' ')[1])).toEqual(['s']);
    expect(sourcePlan.some((d) => /SEARCH x USING (COVERING )?INDEX sqlite_autoindex_codings_1 \(segment_id>\? AND segment_id<\?\)/.test(d))).toBe(true);
    expect(sourcePlan.some((d) => /SEARCH x USING .*INDEX review_decisions_coder \(coder=\? AND segment_id>\? AND segment_id<\?\)/.test(d))).toBe(true);
    for (const unit of ['turn', 'sentence'] as const) {
      const { sql, params } = sourceUnitCodesSql(unit, ['rina', 'auto'], { first: 1, last: 10 });
      const detail = queryPlan(db, sql, params);
      // Codings by segment range through the (segment_id, code, coder) index; segments only by rowid.
      expect(detail.filter((d) => /SEARCH c USING (COVERING )?INDEX sqlite_autoindex_codings_1 \(segment_id>\? AND segment_id<\?\)/.test(d)).length).toBeGreaterThan(0);
      expect(detail.filter((d) => /^SCAN (c|g|s|n|t|x)\b/.test(d))).toEqual([]);
      for (const countSql of [unitCountSql(unit), unitCountsSql(unit)]) {
        const count = queryPlan(db, countSql, [1, 10]);
        expect(count.some((d) => /^SEARCH (g|t) USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/.test(d))).toBe(true);
        expect(count.filter((d) => /^SCAN /.test(d))).toEqual([]);
      }
    }
  });
});
