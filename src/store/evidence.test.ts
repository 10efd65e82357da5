import { describe, expect, it } from 'vitest';
import { queryPlan } from '../../test/helpers/query-plan.js';
import { reportStore as project } from '../../test/helpers/report-store.js';
import { placeAddress, placeGroup, placeParticipant, placeText, type EvidenceTable } from '../core/analysis/evidence-table.js';
import { CODINGS_SQL, readCodingColumns } from './coding-columns.js';
import { readEvidence } from './evidence.js';
import { listProposedCodings, storeAcceptance, storeRejection } from './review.js';

/** `source T.S` of every place, in the table's order. */
const places = (table: EvidenceTable): string[] => Array.from({ length: table.size }, (_, p) => `${table.sources[table.source[p]!]!.name} ${placeAddress(table, p)}`);

/** `source T.S` of a code's places, with `*` where a person coded it. */
function placesOf(table: EvidenceTable, code: string): string[] {
  const { places: list, human } = table.byCode[table.codes.indexOf(code)]!;
  return Array.from(list, (p, j) => `${table.sources[table.source[p]!]!.name} ${placeAddress(table, p)}${human[j] ? '*' : ''}`);
}

describe('readEvidence', () => {
  it('holds each counted segment once, by source name and then in reading order, a sentence pointing at its coded turn', () => {
    const { db } = project();
    const table = readEvidence(db);
    expect(places(table)).toEqual(['a-note 1.1', 'w01 2.1', 'w01 2.2', 'w01 4', 'w01 4.1']);
    expect(table.turnPlace[4]).toBe(3);
    expect(table.turnPlace[1]).toBe(-1);
    expect(placeText(table, 2)).toBe('Dia bawa leaflet.');
    expect([placeParticipant(table, 2), placeGroup(table, 2), placeParticipant(table, 0)]).toEqual(['Sumiati', 'pekerja-rentan', null]);
    expect(table.reader.startMs(table.segment[2]!)).toBeNull();
  });

  it('knows which evidence a person coded (an accepted copy counts as theirs; rejected proposals are no evidence)', () => {
    const { db } = project();
    storeAcceptance(db, listProposedCodings(db).find((p) => p.turn === 2 && p.sentence === 2)!, 'rina', 't1');
    storeRejection(db, listProposedCodings(db).find((p) => p.turn === 2 && p.sentence === 1)!.segmentId, 'outcome/enrollment', 'rina', 't2');
    const table = readEvidence(db);
    expect(placesOf(table, 'strategy/tailored-education')).toEqual(['a-note 1.1', 'w01 2.2*']);
    expect(placesOf(table, 'barrier/economic')).toEqual(['w01 4*', 'w01 4.1']);
    expect(placesOf(table, 'outcome/enrollment')).toEqual([]);
    expect(places(table)).not.toContain('w01 2.1');
    expect(placesOf(readEvidence(db, { origins: ['auto'] }), 'barrier/economic')).toEqual(['w01 4.1']);
  });

  it('reads every coding with its place in one pass: its sentence row and its turn by key', () => {
    const { db } = project();
    readCodingColumns(db, {}, undefined, true);
    const lines = queryPlan(db, CODINGS_SQL(false, true));
    expect(lines.filter((l) => /^SCAN /.test(l))).toEqual(['SCAN c']);
    expect(lines).toEqual(expect.arrayContaining(['SEARCH gs USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN', 'SEARCH t USING INTEGER PRIMARY KEY (rowid=?)']));
    expect(lines.filter((l) => /AUTOMATIC|TEMP B-TREE/.test(l))).toEqual([]);
  });
});

/** The plan SQLite chooses for a statement, one line per step. */
