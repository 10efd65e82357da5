import { describe, expect, it } from 'vitest';
import { codeSegment, interviewStore, proposeAutoCode } from '../../test/helpers/interview-store.js';
import { iterateUnitCodes } from './unit-codes.js';
import { readUnitIds, readUnitTriples } from './unit-ids.js';

describe('unit ids', () => {
  it("gives each code's units by participant, sorted and each once, by the same rule", () => {
    const { db, seg } = interviewStore();
    codeSegment(db, seg('w01', '2'), 'a', 'rina');
    codeSegment(db, seg('w01', '2.2'), 'a', 'budi');
    proposeAutoCode(db, seg('w01', '4.1'), 'a');
    codeSegment(db, seg('a-note', '1.1'), 'a', 'rina');
    codeSegment(db, seg('w01', '3'), 'a', 'rina');
    const sumiati = (db.prepare("SELECT id FROM participants WHERE pseudonym = 'Sumiati'").get() as { id: number }).id;
    const byParticipant = (unit: 'sentence' | 'turn') =>
      readUnitIds(db, unit, { evidence: {} }, { codes: ['a'], skipInterviewer: true })
        .map((r) => [r.code, r.member, [...r.ids]])
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

  it('reads by source, and within source and participant lists', () => {
    const { db, seg } = interviewStore();
    codeSegment(db, seg('w01', '2.1'), 'a', 'rina');
    codeSegment(db, seg('a-note', '1'), 'b', 'rina');
    const sourceOf = (name: string): number => (db.prepare('SELECT id FROM sources WHERE name = ?').get(name) as { id: number }).id;
    const bySource = readUnitIds(db, 'sentence', { evidence: {} }, { member: 'source' }).map((r) => [r.code, r.member, [...r.ids]]);
    expect(bySource.sort()).toEqual([
      ['a', sourceOf('w01'), [seg('w01', '2.1').id]],
      ['b', sourceOf('a-note'), [seg('a-note', '1.1').id]],
    ]);
    expect(readUnitIds(db, 'sentence', { evidence: {} }, { sourceIds: [sourceOf('a-note')] }).map((r) => r.code)).toEqual(['b']);
    expect(readUnitIds(db, 'sentence', { evidence: {} }, { participantIds: [] })).toEqual([]);
    const triples = readUnitTriples(db, 'turn', { evidence: {} }, { codes: ['b', 'a'] });
    expect(Array.from(triples.unit, (u, i) => [u, triples.codes[triples.code[i]!]]).sort()).toEqual([
      [seg('w01', '2').id, 'a'],
      [seg('a-note', '1').id, 'b'],
    ].sort());
  });

  it("reads each unit's length with it when asked: the sentence, or at the turn level the turn", () => {
    const { db, seg } = interviewStore();
    codeSegment(db, seg('w01', '2.2'), 'a', 'rina');
    codeSegment(db, seg('w01', '4'), 'b', 'rina');
    const lengths = (unit: 'sentence' | 'turn') => {
      const t = readUnitTriples(db, unit, { evidence: {} }, { member: 'none', lengths: true });
      return Array.from(t.unit, (u, i) => [u, t.length![i]]).sort((x, y) => x[0]! - y[0]!);
    };
    expect(lengths('sentence')).toEqual([
      [seg('w01', '2.2').id, 'Dia bawa leaflet.'.length],
      [seg('w01', '4.1').id, 'Penghasilan nggak tentu.'.length],
    ]);
    expect(lengths('turn')).toEqual([
      [seg('w01', '2').id, 'Baik. Dia bawa leaflet.'.length],
      [seg('w01', '4').id, 'Penghasilan nggak tentu.'.length],
    ]);
  });
});
