import { describe, expect, it } from 'vitest';
import { addManualCodings, findSegments, removeCodings } from './codings.js';
import { placeAddress } from '../core/analysis/evidence-table.js';
import { listEvidencePlaces, readEvidence } from './evidence.js';
import { listCodings } from './list-codings.js';
import { addMemo } from './memos.js';
import type { Db } from './open.js';
import { storeAcceptance, storeRejection } from './review.js';
import { interviewStore } from '../../test/helpers/interview-store.js';

const project = interviewStore;

function propose(db: Db, segment: { id: number; start: number }, code: string, origin: 'auto' | 'suggested' = 'auto', length = 4): void {
  db.prepare(`INSERT INTO codings (segment_id, code, coder, origin, start, end, created_at) VALUES (?, ?, ?, ?, ?, ?, 'now')`).run(
    segment.id,
    code,
    origin === 'auto' ? 'auto' : 'suggest',
    origin,
    segment.start,
    segment.start + length,
  );
}

function manual(db: Db, segment: { id: number; start: number; end: number }, code: string, coder: string, memo: string | null = null) {
  return addManualCodings(db, [{ segmentId: segment.id, code, coder, origin: 'manual', start: segment.start, end: segment.end, memo, codebookId: null }], 'now');
}

const summary = (db: Db, origins?: string[]) => listCodings(db, origins ? { origins } : {}).map((r) => `${r.segment} ${r.code} ${r.coder} ${r.origin}`);

describe('evidence rules', () => {
  it('never counts a rejected proposal, and lists the rejection itself only with origin rejected', () => {
    const { db, seg } = project();
    propose(db, seg('w01', '2.2'), 'x');
    propose(db, seg('w01', '4.1'), 'x');
    storeRejection(db, seg('w01', '2.2').id, 'x', 'rina', 'now');
    expect(summary(db)).toEqual(['4.1 x auto auto']);
    expect(listEvidencePlaces(db)).toEqual([{ source: 'w01', segment: '4.1', code: 'x' }]);
    const evidence = readEvidence(db);
    expect(Array.from({ length: evidence.size }, (_, p) => placeAddress(evidence, p))).toEqual(['4.1']);
    expect(listCodings(db, { origins: ['rejected'] })).toEqual([
      expect.objectContaining({ segment: '2.2', code: 'x', coder: 'rina', origin: 'rejected', text: 'Dia bawa leaflet.', matched: 'Dia ' }),
    ]);
    expect(summary(db, ['auto', 'rejected'])).toEqual(['2.2 x rina rejected', '4.1 x auto auto']);
  });

  it('counts suggestions only once accepted, or when their origin is named', () => {
    const { db, seg } = project();
    propose(db, seg('w01', '2.2'), 'x', 'suggested');
    expect(summary(db)).toEqual([]);
    expect(listEvidencePlaces(db)).toEqual([]);
    expect(summary(db, ['suggested'])).toEqual(['2.2 x suggest suggested']);
    expect(listEvidencePlaces(db, { origins: ['suggested'] })).toHaveLength(1);
    const segment = seg('w01', '2.2');
    const proposal = { segmentId: segment.id, source: 'w01', turn: 2, sentence: 2, unitStart: segment.start, unitEnd: segment.end, code: 'x', origin: 'suggested' as const, start: segment.start, end: segment.start + 4, confidence: null, codebookId: null };
    storeAcceptance(db, proposal, 'rina', 'now');
    expect(summary(db)).toEqual(['2.2 x rina accepted']);
  });

  it('gives the whole unit as text and the evidence as matched', () => {
    const { db, seg } = project();
    propose(db, seg('w01', '2.2'), 'x', 'auto', 3);
    const [row] = listCodings(db);
    expect(row).toMatchObject({ text: 'Dia bawa leaflet.', matched: 'Dia', start: seg('w01', '2.2').start, end: seg('w01', '2.2').start + 3 });
  });
});

describe('memos on the coded segment', () => {
  it('come with each coding of that segment, apart from the coding\'s own memo', () => {
    const { db, seg } = project();
    manual(db, seg('w01', '2.2'), 'x', 'rina', 'own note');
    propose(db, seg('w01', '4.1'), 'x');
    const first = addMemo(db, { kind: 'segment', segmentId: seg('w01', '2.2').id }, 'rina', 'leaflet dari siapa?', 't1');
    const second = addMemo(db, { kind: 'segment', segmentId: seg('w01', '2.2').id }, 'budi', 'lihat obs03', 't2');
    addMemo(db, { kind: 'segment', segmentId: seg('w01', '2').id }, 'budi', 'on the turn, not the sentence', 't3');
    addMemo(db, { kind: 'code', code: 'x' }, 'budi', 'on the code', 't4');
    expect(listCodings(db).map((r) => [r.segment, r.memo, r.memos])).toEqual([
      ['2.2', 'own note', [{ id: first, author: 'rina', text: 'leaflet dari siapa?' }, { id: second, author: 'budi', text: 'lihat obs03' }]],
      ['4.1', null, []],
    ]);
  });
});

describe('findSegments', () => {
  const address = (from: [number, number], to: [number, number]) => ({ from: { turn: from[0], sentence: from[1] }, to: { turn: to[0], sentence: to[1] } });

  it('leaves interviewer turns out of a range of turns or sentences, and says how many', () => {
    const { db } = project();
    const turns = findSegments(db, 'w01', address([1, 0], [4, 0]));
    expect(turns.segments.map((s) => s.turn)).toEqual([2, 4]);
    expect(turns.skippedInterviewer).toBe(2);
    const sentences = findSegments(db, 'w01', address([2, 2], [4, 1]));
    expect(sentences.segments.map((s) => `${s.turn}.${s.sentence}`)).toEqual(['2.2', '4.1']);
    expect(sentences.skippedInterviewer).toBe(1);
  });

  it('still finds an interviewer turn named alone', () => {
    const { db } = project();
    expect(findSegments(db, 'w01', address([3, 0], [3, 0])).segments).toEqual([expect.objectContaining({ turn: 3, interviewer: true })]);
  });
});

describe('human codings', () => {
  it('adds a memo to a coding that is already there, once', () => {
    const { db, seg } = project();
    expect(manual(db, seg('w01', '2.2'), 'x', 'rina')).toEqual({ added: 1, memos: 0 });
    expect(manual(db, seg('w01', '2.2'), 'x', 'rina', 'KK di kampung')).toEqual({ added: 0, memos: 1 });
    expect(manual(db, seg('w01', '2.2'), 'x', 'rina', 'KK di kampung')).toEqual({ added: 0, memos: 0 });
    expect(manual(db, seg('w01', '2.2'), 'x', 'rina', 'lihat obs03')).toEqual({ added: 0, memos: 1 });
    expect(listCodings(db)[0]!.memo).toBe('KK di kampung | lihat obs03');
  });

  it('removing an auto coding records a rejection that a new auto coding of the same place does not undo', () => {
    const { db, seg } = project();
    propose(db, seg('w01', '4.1'), 'x');
    expect(removeCodings(db, [seg('w01', '4.1').id], ['x'], 'rina', 'now')).toEqual({ removed: 0, rejected: 1 });
    expect(summary(db)).toEqual([]);
    // What `code auto` does on its next run: the auto coding is written again.
    db.prepare(`DELETE FROM codings WHERE origin = 'auto'`).run();
    propose(db, seg('w01', '4.1'), 'x');
    expect(summary(db)).toEqual([]);
    expect(summary(db, ['rejected'])).toEqual(['4.1 x rina rejected']);
  });

  it("removing one's own coding also rejects the auto coding under it, so the count drops", () => {
    const { db, seg } = project();
    propose(db, seg('w01', '4.1'), 'x');
    manual(db, seg('w01', '4.1'), 'x', 'rina');
    expect(listEvidencePlaces(db)).toHaveLength(1);
    expect(removeCodings(db, [seg('w01', '4.1').id], ['x'], 'rina', 'now')).toEqual({ removed: 1, rejected: 1 });
    expect(listEvidencePlaces(db)).toHaveLength(0);
  });

  it('coding by hand what one had rejected takes the rejection back', () => {
    const { db, seg } = project();
    propose(db, seg('w01', '4.1'), 'x');
    storeRejection(db, seg('w01', '4.1').id, 'x', 'rina', 'now');
    manual(db, seg('w01', '4.1'), 'x', 'rina');
    expect(summary(db)).toEqual(['4.1 x auto auto', '4.1 x rina manual']);
    expect(summary(db, ['rejected'])).toEqual([]);
  });
});
