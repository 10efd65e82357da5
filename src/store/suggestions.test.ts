import { describe, expect, it } from 'vitest';
import { buildSource } from '../core/transcript/build-source.js';
import { addManualCodings, findSegments, iterateCodingUnits } from './codings.js';
import { listCodings } from './list-codings.js';
import { openStore, type Db } from './open.js';
import { upsertParticipants } from './participants.js';
import { storeRejection } from './review.js';
import { SourceWriter } from './sources.js';
import { listHumanJudgedUnits, loadCodedUnitIndex, replaceSuggestions, SUGGEST_CODER } from './suggestions.js';

type Seg = { id: number; turn: number; sentence: number; start: number; end: number };

/** An interview: a question, an answer of two sentences, a question, an answer of one. */
function project(): { db: Db; seg: (address: string) => Seg } {
  const db = openStore(':memory:', { create: true });
  upsertParticipants(db, [{ pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: {} }], 'now');
  const turn = (speaker: string, text: string) => ({
    speaker,
    role: speaker === 'Pewawancara' ? ('interviewer' as const) : ('participant' as const),
    participant: speaker === 'Sumiati' ? 'Sumiati' : null,
    text,
    startMs: null,
    endMs: null,
  });
  new SourceWriter(db).write(
    { name: 'w01', type: 'interview', file: 'w01.txt', sha256: 'w01', encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} },
    buildSource([turn('Pewawancara', 'Apa kabar?'), turn('Sumiati', 'Baik. Dia bawa leaflet 📄.'), turn('Pewawancara', 'Lalu?'), turn('Sumiati', 'Penghasilan nggak tentu.')]),
    new Map([['Sumiati', 1]]),
    'now',
    false,
  );
  const seg = (address: string): Seg => {
    const [t, s] = address.split('.').map(Number) as [number, number | undefined];
    const point = { turn: t, sentence: s ?? 0 };
    return findSegments(db, 'w01', { from: point, to: point }).segments[0]!;
  };
  return { db, seg };
}

function code(db: Db, s: Seg, codeId: string, coder: string, origin: 'manual' | 'accepted' = 'manual'): void {
  addManualCodings(db, [{ segmentId: s.id, code: codeId, coder, origin, start: s.start, end: s.end, memo: null, codebookId: null }], 'now');
}

describe('listHumanJudgedUnits', () => {
  it('gathers human codings and review decisions per segment, with the whole segment text', () => {
    const { db, seg } = project();
    code(db, seg('2.2'), 'strategy/tailored-education', 'rina');
    code(db, seg('2.2'), 'strategy/tailored-education', 'budi', 'accepted');
    code(db, seg('4'), 'barrier/economic', 'rina');
    storeRejection(db, seg('2.1').id, 'barrier/economic', 'budi', 'now');
    storeRejection(db, seg('2.1').id, '', 'rina', 'now');
    storeRejection(db, seg('4.1').id, 'role/educator', 'rina', 'now');
    db.prepare(`INSERT INTO codings (segment_id, code, coder, origin, start, end, created_at) VALUES (?, 'barrier/distrust', 'auto', 'auto', ?, ?, 'now')`).run(seg('4.1').id, seg('4.1').start, seg('4.1').end);
    expect(listHumanJudgedUnits(db)).toEqual([
      { segmentId: seg('2.1').id, text: 'Baik.', codes: [], rejected: ['barrier/economic'], judged: true },
      { segmentId: seg('2.2').id, text: 'Dia bawa leaflet 📄.', codes: ['strategy/tailored-education'], rejected: [], judged: true },
      { segmentId: seg('4').id, text: 'Penghasilan nggak tentu.', codes: ['barrier/economic'], rejected: [], judged: true },
      { segmentId: seg('4.1').id, text: 'Penghasilan nggak tentu.', codes: [], rejected: ['role/educator'], judged: false },
    ]);
    expect(listHumanJudgedUnits(db, { coder: 'budi' }).map((u) => [u.text, u.codes, u.rejected, u.judged])).toEqual([
      ['Baik.', [], ['barrier/economic'], false],
      ['Dia bawa leaflet 📄.', ['strategy/tailored-education'], [], true],
    ]);
  });
});

describe('loadCodedUnitIndex', () => {
  it('takes a sentence as coded through itself or its turn, a turn through any of its sentences', () => {
    const { db, seg } = project();
    code(db, seg('2.2'), 'a', 'rina');
    code(db, seg('4'), 'b', 'rina');
    storeRejection(db, seg('2.1').id, 'c', 'rina', 'now');
    storeRejection(db, seg('4.1').id, '', 'rina', 'now');
    const index = loadCodedUnitIndex(db);
    const has = (address: string, c: string): boolean => index.has('w01', { segmentId: seg(address).id, turn: seg(address).turn, sentence: seg(address).sentence }, c);
    expect([has('2.2', 'a'), has('2.1', 'a'), has('2', 'a')]).toEqual([true, false, true]);
    expect([has('4.1', 'b'), has('4', 'b')]).toEqual([true, true]);
    // Declined: a rejected code on its unit, and every code on a unit marked as needing none.
    expect([has('2.1', 'c'), has('2.2', 'c'), has('4.1', 'zzz')]).toEqual([true, false, true]);
  });

  it('ignores suggestions, so a new run can replace them', () => {
    const { db, seg } = project();
    const s = seg('2.2');
    replaceSuggestions(db, null, [{ segmentId: s.id, code: 'a', start: s.start, end: s.end, confidence: 0.9 }], null, 'now');
    expect(loadCodedUnitIndex(db).has('w01', { segmentId: s.id, turn: 2, sentence: 2 }, 'a')).toBe(false);
    code(db, s, 'a', 'rina');
    expect(loadCodedUnitIndex(db).has('w01', { segmentId: s.id, turn: 2, sentence: 2 }, 'a')).toBe(true);
  });
});

describe('replaceSuggestions', () => {
  it('adds, keeps and removes suggestions within its scope, and never touches other codings', () => {
    const { db, seg } = project();
    code(db, seg('2.2'), 'a', 'rina');
    const s = (address: string, c: string, confidence: number) => ({ segmentId: seg(address).id, code: c, start: seg(address).start, end: seg(address).end, confidence });
    expect(replaceSuggestions(db, null, [s('2.1', 'a', 0.7), s('4.1', 'b', 0.8), s('4.1', 'c', 0.65)], null, 'now')).toEqual({ added: 3, removed: 0, kept: 0 });
    expect(replaceSuggestions(db, ['a', 'b'], [s('4.1', 'b', 0.9)], null, 'later')).toEqual({ added: 0, removed: 1, kept: 1 });
    const rows = listCodings(db, { origins: ['manual', 'suggested'] }).map((r) => [r.segment, r.code, r.coder, r.origin]);
    expect(rows).toEqual([
      ['2.2', 'a', 'rina', 'manual'],
      ['4.1', 'b', SUGGEST_CODER, 'suggested'],
      ['4.1', 'c', SUGGEST_CODER, 'suggested'],
    ]);
    const confidence = db.prepare<[], { confidence: number }>(`SELECT confidence FROM codings WHERE code = 'b'`).get()!.confidence;
    expect(confidence).toBe(0.9);
    expect(replaceSuggestions(db, null, [], null, 'now')).toEqual({ added: 0, removed: 2, kept: 0 });
    expect(listCodings(db)).toHaveLength(1);
  });

  it('stores the whole unit as evidence, as the units to code give it', () => {
    const { db } = project();
    const units = [...iterateCodingUnits(db, { unit: 'sentence', includeInterviewer: false })][0]!.units;
    const leaflet = units.find((u) => u.text.includes('leaflet'))!;
    // 19 code points: the emoji is one, though two UTF-16 units.
    replaceSuggestions(db, null, [{ segmentId: leaflet.segmentId, code: 'a', start: leaflet.offset, end: leaflet.offset + 19, confidence: 0.8 }], null, 'now');
    expect(listCodings(db, { origins: ['suggested'] })[0]!.matched).toBe('Dia bawa leaflet 📄.');
  });
});
