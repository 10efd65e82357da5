import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test/helpers/query-plan.js';
import { codeSegment, interviewStore } from '../../test/helpers/interview-store.js';
import { CODED_CODES_SQL, UNIT_FACTS_SQL, UNIT_ROWS_SQL, iterateUnitRows, listCodedCodes, listSourceRefs, readUnitFacts } from './coded-units.js';

describe('coded units', () => {
  it('lists the codes of the codings by seeking through the index', () => {
    const { db, seg } = interviewStore();
    for (const [address, code] of [['2.1', 'b'], ['2.2', 'a'], ['4.1', 'b'], ['4.1', 'a/x']] as const) {
      codeSegment(db, seg('w01', address), code, 'rina');
    }
    expect(listCodedCodes(db)).toEqual(['a', 'a/x', 'b']);
    const steps = queryPlan(db, CODED_CODES_SQL);
    expect(steps.filter((d) => /^SCAN codings\b/.test(d))).toEqual([]);
    expect(steps.some((d) => /SEARCH codings USING COVERING INDEX codings_code \(code>\?\)/.test(d))).toBe(true);
  });

  it('reads where units sit, and their rows with text, in the order asked', () => {
    const { db, seg } = interviewStore();
    const ids = Float64Array.from([seg('w01', '2.2').id, seg('w01', '4').id, seg('a-note', '1.1').id]);
    const facts = readUnitFacts(db, ids);
    const sources = listSourceRefs(db);
    const w01 = sources.find((s) => s.name === 'w01')!;
    expect([...facts.sourceId]).toEqual([w01.id, w01.id, sources.find((s) => s.name === 'a-note')!.id]);
    expect([...facts.turn]).toEqual([2, 4, 1]);
    expect([...facts.sentence]).toEqual([2, 0, 1]);
    expect([...facts.turnId]).toEqual([seg('w01', '2').id, seg('w01', '4').id, seg('a-note', '1').id]);
    expect(facts.participantId[2]).toBe(0);
    const names = new Map(sources.map((s) => [s.id, s]));
    const participants = new Map(db.prepare<[], { id: number; pseudonym: string }>('SELECT id, pseudonym FROM participants').all().map((p) => [p.id, p.pseudonym]));
    const rows = [...iterateUnitRows(db, Float64Array.from([seg('a-note', '1.1').id, seg('w01', '2.2').id]), { source: (id) => names.get(id)!, participant: (id) => participants.get(id) ?? null })];
    expect(rows.map((r) => [r.source, r.turn, r.sentence, r.speaker, r.participant, r.text])).toEqual([
      ['a-note', 1, 1, null, null, 'Poster besar.'],
      ['w01', 2, 2, 'Sumiati', 'Sumiati', 'Dia bawa leaflet.'],
    ]);
  });

  it('looks each unit up by rowid (its sentence row, then its turn), never scanning turns or sentences', () => {
    const { db } = interviewStore();
    for (const sql of [UNIT_FACTS_SQL, UNIT_ROWS_SQL]) {
      const steps = queryPlan(db, sql, ['[1,2]']);
      expect(steps.filter((d) => /^SCAN (g|gs|t|s|p)\b/.test(d))).toEqual([]);
      expect(steps).toEqual(expect.arrayContaining(['SEARCH gs USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN', 'SEARCH t USING INTEGER PRIMARY KEY (rowid=?)']));
    }
  });
});
