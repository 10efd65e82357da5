import { describe, expect, it } from 'vitest';
import { interviewStore } from '../../test/helpers/interview-store.js';
import { buildSource } from '../core/transcript/build-source.js';
import { sliceCodePoints } from '../core/text/code-points.js';
import type { Db } from './open.js';
import { SourceWriter } from './sources.js';
import { listSourceRanges, readSourceUnits, type UnitSelection } from './unit-ranges.js';

/** The units as the join of a segment with its turn selects them (the statement `code auto` used before). */
function unitsByJoin(db: Db, source: string, selection: UnitSelection): { id: number; turn: number; sentence: number; start: number; end: number; text: string }[] {
  const { text, first, last } = db.prepare<[string], { text: string; first: number; last: number }>('SELECT text, first_segment AS first, last_segment AS last FROM sources WHERE name = ?').get(source)!;
  return db
    .prepare<[number, number], { id: number; turn: number; sentence: number; start: number; end: number; role: string | null }>(
      `SELECT g.id, g.turn, g.sentence, g.start, g.end, COALESCE(g.role, t.role) AS role FROM segments g LEFT JOIN segments t ON t.id = g.parent_id WHERE g.id BETWEEN ? AND ? ORDER BY g.id`,
    )
    .all(first, last)
    .filter((g) => (selection.unit === 'sentence') === g.sentence > 0 && (g.role !== 'interviewer' || selection.includeInterviewer) && (g.role !== null || !selection.spokenOnly))
    .map(({ id, turn, sentence, start, end }) => ({ id, turn, sentence, start, end, text: sliceCodePoints(text, start, end) }));
}

/** What readSourceUnits gives, as rows (the text taken by the UTF-16 bounds). */
function unitsRead(db: Db, source: string, selection: UnitSelection): ReturnType<typeof unitsByJoin> {
  const range = listSourceRanges(db).find((s) => s.name === source)!;
  const u = readSourceUnits(db, range, selection);
  return Array.from({ length: u.count }, (_, k) => ({ id: u.segmentIds[k]!, turn: u.turns[k]!, sentence: u.sentences[k]!, start: u.starts[k]!, end: u.ends[k]!, text: u.text.slice(u.from16[k], u.to16[k]) }));
}

const SELECTIONS: UnitSelection[] = [
  { unit: 'sentence', includeInterviewer: false },
  { unit: 'sentence', includeInterviewer: true },
  { unit: 'turn', includeInterviewer: false },
  { unit: 'turn', includeInterviewer: true, spokenOnly: true },
  { unit: 'sentence', includeInterviewer: false, spokenOnly: true },
];

describe('readSourceUnits', () => {
  it('selects the units the join of each segment with its turn selects, with their roles, offsets and texts', () => {
    const { db } = interviewStore();
    // Astral characters before and inside the units: code-point offsets differ from UTF-16 ones.
    const turn = (speaker: string | null, role: 'participant' | 'interviewer' | null, text: string) => ({ speaker, role, participant: null, text, startMs: null, endMs: null });
    const source = buildSource([turn('Pewawancara', 'interviewer', '😊 Sudah daftar? Kapan?'), turn('Sumiati', 'participant', 'Sudah 👍🏽. Kartu 𐐀 keluar.'), turn(null, null, 'Catatan: 😊😊 poster.')]);
    new SourceWriter(db).write({ name: 'emoji', type: 'interview', file: 'emoji.txt', sha256: 'emoji', encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} }, source, new Map(), 'now', false);
    expect(listSourceRanges(db).map((s) => s.name)).toEqual(['a-note', 'emoji', 'w01']);
    for (const name of ['w01', 'a-note', 'emoji']) {
      for (const selection of SELECTIONS) expect(unitsRead(db, name, selection)).toEqual(unitsByJoin(db, name, selection));
    }
    expect(unitsRead(db, 'emoji', SELECTIONS[0]!).map((u) => u.text)).toEqual(['Sudah 👍🏽.', 'Kartu 𐐀 keluar.', 'Catatan: 😊😊 poster.']);
  });

  it('answers in the connection’s own arrays, valid until the next call, whatever the sizes of the sources in turn', () => {
    const { db } = interviewStore();
    const ranges = listSourceRanges(db);
    const range = (name: string) => ranges.find((s) => s.name === name)!;
    const selection = SELECTIONS[1]!;
    const big = readSourceUnits(db, range('w01'), selection);
    const bigIds = Array.from(big.segmentIds.subarray(0, big.count));
    expect(big.count).toBeGreaterThan(1);
    const small = readSourceUnits(db, range('a-note'), selection);
    // The same arrays, now holding the smaller source.
    expect(small.segmentIds).toBe(big.segmentIds);
    expect(unitsRead(db, 'a-note', selection)).toEqual(unitsByJoin(db, 'a-note', selection));
    const again = readSourceUnits(db, range('w01'), selection);
    expect(Array.from(again.segmentIds.subarray(0, again.count))).toEqual(bigIds);
    expect(unitsRead(db, 'w01', selection)).toEqual(unitsByJoin(db, 'w01', selection));
  });
});
