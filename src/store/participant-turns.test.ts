import { describe, expect, it } from 'vitest';
import { listParticipantTurns } from './participant-turns.js';
import { reportStore as project } from '../../test/helpers/report-store.js';
import { listProposedCodings, storeAcceptance } from './review.js';

describe('listParticipantTurns', () => {
  it("gives a participant's own turns with the codes a person gave or accepted, never unreviewed or rejected proposals", () => {
    const { db } = project();
    const accepted = listProposedCodings(db).find((p) => p.turn === 2 && p.sentence === 2)!;
    storeAcceptance(db, accepted, 'rina', 't1');
    const sumiati = (db.prepare("SELECT id FROM participants WHERE pseudonym = 'Sumiati'").get() as { id: number }).id;
    expect(listParticipantTurns(db, sumiati)).toEqual([
      { source: 'w01', sourceType: 'interview', date: null, turn: 2, startMs: null, text: 'Baik. Dia bawa leaflet.', codes: ['strategy/tailored-education'] },
      { source: 'w01', sourceType: 'interview', date: null, turn: 4, startMs: null, text: 'Penghasilan nggak tentu.', codes: ['barrier/economic'] },
    ]);
  });
});
