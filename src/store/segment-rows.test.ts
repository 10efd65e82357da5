import { describe, expect, it } from 'vitest';
import { codeSegment, interviewStore, proposeAutoCode } from '../../test/helpers/interview-store.js';
import { buildSource } from '../core/transcript/build-source.js';
import { checkDatabase } from './health.js';
import { addMemo } from './memos.js';
import type { Db } from './open.js';
import { storeRejection } from './review.js';
import { rangeSegmentsSql, segmentHighWaterMark, segmentRangeDeleter } from './segment-rows.js';
import { removeSources } from './source-edits.js';
import { SourceWriter } from './sources.js';
import { findParticipant, withdrawParticipant } from './withdrawal.js';

/** The interview project with a coding, a proposal, a rejection and a memo on w01's segments. */
function workedStore(): ReturnType<typeof interviewStore> {
  const store = interviewStore();
  const { db, seg } = store;
  codeSegment(db, seg('w01', '2'), 'access', 'rina');
  proposeAutoCode(db, seg('w01', '4.1'), 'income');
  storeRejection(db, seg('w01', '4.1').id, 'income', 'rina', 'now');
  addMemo(db, { kind: 'segment', segmentId: seg('w01', '2.2').id }, 'rina', 'leaflet', 'now');
  return store;
}

/** Rows on segments that exist no more: what doctor's 'segment references' check counts. */
function orphans(db: Db): number {
  return db
    .prepare<[], number>(
      `SELECT (SELECT COUNT(*) FROM codings WHERE segment_id NOT IN (SELECT id FROM segments))
            + (SELECT COUNT(*) FROM review_decisions WHERE segment_id NOT IN (SELECT id FROM segments))
            + (SELECT COUNT(*) FROM memos WHERE segment_id NOT IN (SELECT id FROM segments))`,
    )
    .pluck()
    .get()!;
}

const referencesCheck = (db: Db) => checkDatabase(db).find((c) => c.check === 'segment references');

describe('the sentence store (m011)', () => {
  it('keeps every segment in the view segments with the columns the table had', () => {
    const { db, seg } = interviewStore();
    const answer = seg('w01', '2');
    expect(db.prepare('SELECT * FROM segments WHERE id BETWEEN ? AND ? ORDER BY id').all(answer.id, answer.id + 2)).toEqual([
      { id: answer.id, source_id: 1, turn: 2, sentence: 0, parent_id: null, speaker: 'Sumiati', participant_id: 1, role: 'participant', start: answer.start, end: answer.end, start_ms: null, end_ms: null },
      { id: answer.id + 1, source_id: 1, turn: 2, sentence: 1, parent_id: answer.id, speaker: null, participant_id: 1, role: null, start: answer.start, end: answer.start + 5, start_ms: null, end_ms: null },
      { id: answer.id + 2, source_id: 1, turn: 2, sentence: 2, parent_id: answer.id, speaker: null, participant_id: 1, role: null, start: answer.start + 6, end: answer.end, start_ms: null, end_ms: null },
    ]);
  });

  it('reads a range of turns and sentences in id order as the view does', () => {
    const { db } = interviewStore();
    const { first, last } = db.prepare<[], { first: number; last: number }>("SELECT first_segment AS first, last_segment AS last FROM sources WHERE name = 'w01'").get()!;
    const columns = ['id', 'source_id', 'turn', 'sentence', 'parent_id', 'speaker', 'participant_id', 'role', 'start', 'end', 'start_ms', 'end_ms'] as const;
    expect(db.prepare(rangeSegmentsSql(columns)).all({ first, last })).toEqual(db.prepare('SELECT * FROM segments WHERE id BETWEEN ? AND ? ORDER BY id').all(first, last));
  });

  it('never gives an id twice: the mark covers the last sentence, also after its source is gone', () => {
    const { db } = interviewStore();
    const last = db.prepare<[], number>('SELECT max(last_segment) FROM sources').pluck().get()!;
    // a-note, the last source, ends with a sentence: the turns' own AUTOINCREMENT mark would stop before it.
    expect(db.prepare<[], number>('SELECT max(id) FROM turns').pluck().get()).toBeLessThan(last);
    expect(segmentHighWaterMark(db)).toBe(last);
    removeSources(db, ['a-note']);
    const info = { name: 'b-note', type: 'observation' as const, file: 'b.md', sha256: 'b', encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} };
    new SourceWriter(db).write(info, buildSource([{ speaker: null, role: null, participant: null, text: 'Satu. Dua.', startMs: null, endMs: null }]), new Map(), 'now', false);
    expect(db.prepare("SELECT first_segment, last_segment FROM sources WHERE name = 'b-note'").get()).toEqual({ first_segment: last + 1, last_segment: last + 3 });
  });

  it('deletes a range with its codings, decisions and memos, and only those', () => {
    const { db, seg } = workedStore();
    const other = seg('a-note', '1.1');
    codeSegment(db, other, 'access', 'rina');
    const { first, last } = db.prepare<[], { first: number; last: number }>("SELECT first_segment AS first, last_segment AS last FROM sources WHERE name = 'w01'").get()!;
    segmentRangeDeleter(db)(first, last);
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM turns WHERE id BETWEEN ? AND ?) + (SELECT COUNT(*) FROM sentences WHERE id BETWEEN ? AND ?) AS n').get(first, last, first, last)).toEqual({ n: 0 });
    expect(db.prepare('SELECT segment_id FROM codings').pluck().all()).toEqual([other.id]);
    expect(db.prepare('SELECT COUNT(*) FROM review_decisions').pluck().get()).toBe(0);
    expect(db.prepare("SELECT COUNT(*) FROM memos WHERE target = 'segment'").pluck().get()).toBe(0);
  });

  it.each([
    ['sources remove', (db: Db) => removeSources(db, ['w01'])],
    ['withdraw', (db: Db) => void withdrawParticipant(db, findParticipant(db, 'Sumiati')!, () => { throw new Error('nothing is indexed'); })],
    [
      'ingest --replace',
      (db: Db) => {
        const info = { name: 'w01', type: 'interview' as const, file: 'w01.txt', sha256: 'changed', encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} };
        new SourceWriter(db).write(info, buildSource([{ speaker: 'Sumiati', role: 'participant', participant: 'Sumiati', text: 'Semua lain sekarang.', startMs: null, endMs: null }]), new Map([['Sumiati', 1]]), 'now', true);
      },
    ],
  ])('%s leaves no coding, decision or memo on a missing segment', (_name, change) => {
    const { db } = workedStore();
    change(db);
    expect(orphans(db)).toBe(0);
    expect(referencesCheck(db)).toMatchObject({ status: 'ok' });
  });

  it("doctor finds a coding, a decision and a memo whose segment is gone", () => {
    const { db, seg } = workedStore();
    const turn = seg('w01', '2');
    // As a delete that bypassed the store would leave them: the turn and its sentences only.
    db.prepare('DELETE FROM sentences WHERE turn_id = ?').run(turn.id);
    db.prepare('DELETE FROM turns WHERE id = ?').run(turn.id);
    expect(referencesCheck(db)).toEqual({
      check: 'segment references',
      status: 'problem',
      detail: `2 codings, review decisions or memos point at missing segments (first: segment ${turn.id})`,
      advice: expect.stringContaining('Restore the project from a backup'),
    });
  });
});
