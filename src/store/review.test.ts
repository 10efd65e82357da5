import { describe, expect, it } from 'vitest';
import { buildReviewQueue } from '../core/review/build-review-queue.js';
import { NO_CODE } from '../core/review/review-item.js';
import type { Codebook } from '../core/codebook/types.js';
import { saveCodebookVersion } from './codebooks.js';
import { replaceSourceAutoCodings } from './auto-codings.js';
import { listCodings } from './list-codings.js';
import {
  listCoderCodesOn,
  listProposedCodings,
  listSettledByCoder,
  listUncodedUnits,
  revertReviewChange,
  storeAcceptance,
  storeAddedCodes,
  storeRejection,
} from './review.js';
import { interviewStore } from '../../test/helpers/interview-store.js';
import { segmentRangeDeleter } from './segment-rows.js';

const CODEBOOK: Codebook = { name: 'Mini', version: '1', languages: ['id'], authors: [], description: null, negation: { words: {}, window: 0 }, codes: [] };

/** The shared interview store (see interviewStore), auto-coded: two proposals in w01, one in the note. */
function project(): ReturnType<typeof interviewStore> {
  const { db, seg } = interviewStore();
  const { version } = saveCodebookVersion(db, CODEBOOK, { file: 'mini.yaml', sha256: 'cb1', yaml: '' }, 'now');
  replaceSourceAutoCodings(
    db,
    'w01',
    version.id,
    [
      { segmentId: seg('w01', '2.2').id, code: 'strategy/tailored-education', start: seg('w01', '2.2').start + 9, end: seg('w01', '2.2').start + 16 },
      { segmentId: seg('w01', '4.1').id, code: 'barrier/economic', start: seg('w01', '4.1').start, end: seg('w01', '4.1').start + 11 },
    ],
    'now',
  );
  replaceSourceAutoCodings(db, 'a-note', version.id, [{ segmentId: seg('a-note', '1.1').id, code: 'strategy/tailored-education', start: seg('a-note', '1.1').start, end: seg('a-note', '1.1').start + 6 }], 'now');
  return { db, seg };
}

describe('review store', () => {
  it('lists proposals (optionally under a code) and the units nobody coded, interviewers left out', () => {
    const { db } = project();
    expect(listProposedCodings(db).map((p) => `${p.source} ${p.turn}.${p.sentence} ${p.code} ${p.origin}`)).toEqual([
      'a-note 1.1 strategy/tailored-education auto',
      'w01 2.2 strategy/tailored-education auto',
      'w01 4.1 barrier/economic auto',
    ]);
    expect(listProposedCodings(db, 'barrier').map((p) => p.code)).toEqual(['barrier/economic']);
    expect(listProposedCodings(db, 'barr')).toEqual([]);
    expect(listUncodedUnits(db, 'sentence').map((u) => `${u.source} ${u.turn}.${u.sentence}`)).toEqual(['w01 2.1']);
    expect(listUncodedUnits(db, 'turn')).toEqual([]);
  });

  it('accept, reject and add store the reviewer’s rows, which settle the queue, and revert deletes exactly them', () => {
    const { db, seg } = project();
    const [note, leaflet, income] = listProposedCodings(db) as [ReturnType<typeof listProposedCodings>[number], ReturnType<typeof listProposedCodings>[number], ReturnType<typeof listProposedCodings>[number]];
    const accepted = storeAcceptance(db, leaflet, 'rina', 't1');
    expect(listCodings(db, { coder: 'rina' })).toEqual([expect.objectContaining({ source: 'w01', segment: '2.2', code: 'strategy/tailored-education', origin: 'accepted', text: 'Dia bawa leaflet.', matched: 'leaflet' })]);
    const rejected = storeRejection(db, income.segmentId, income.code, 'rina', 't2');
    const unit = { ...seg('w01', '2.1'), segmentId: seg('w01', '2.1').id, source: 'w01', turn: 2, sentence: 1, unitStart: seg('w01', '2.1').start, unitEnd: seg('w01', '2.1').end };
    const none = storeRejection(db, unit.segmentId, NO_CODE, 'rina', 't3');
    const added = storeAddedCodes(db, { ...unit, segmentId: note.segmentId, unitStart: note.unitStart, unitEnd: note.unitEnd }, ['barrier/economic', 'strategy/tailored-education'], 'rina', null, 't4');
    expect(added.codings.map((c) => c.code)).toEqual(['barrier/economic', 'strategy/tailored-education']);
    expect(listCoderCodesOn(db, note.segmentId, 'rina')).toEqual(['barrier/economic', 'strategy/tailored-education']);
    expect(db.prepare('SELECT decision FROM review_decisions ORDER BY decided_at').all()).toEqual([{ decision: 'accepted' }, { decision: 'rejected' }, { decision: 'none' }]);

    const queue = () =>
      buildReviewQueue({ proposals: listProposedCodings(db), uncoded: listUncodedUnits(db, 'sentence'), decided: listSettledByCoder(db, 'rina') }).map((i) => `${i.source} ${i.turn}.${i.sentence}`);
    expect(queue()).toEqual([]);
    expect(buildReviewQueue({ proposals: listProposedCodings(db), decided: listSettledByCoder(db, 'dewi') })).toHaveLength(3);

    for (const change of [added, none, rejected, accepted]) revertReviewChange(db, change, 'rina');
    expect(listCodings(db, { coder: 'rina' })).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_decisions').get()).toEqual({ n: 0 });
    expect(queue()).toEqual(['a-note 1.1', 'w01 2.1', 'w01 2.2', 'w01 4.1']);
  });

  it('adding a code the reviewer already has stores nothing, so undo removes nothing of theirs', () => {
    const { db } = project();
    const leaflet = listProposedCodings(db)[1]!;
    storeAcceptance(db, leaflet, 'rina', 't1');
    const again = storeAddedCodes(db, leaflet, ['strategy/tailored-education'], 'rina', null, 't2');
    expect(again).toEqual({ codings: [], decision: null });
    revertReviewChange(db, again, 'rina');
    expect(listCoderCodesOn(db, leaflet.segmentId, 'rina')).toEqual(['strategy/tailored-education']);
  });

  it('drops a reviewer’s decisions with the segments when a source is replaced', () => {
    const { db } = project();
    const leaflet = listProposedCodings(db)[1]!;
    storeRejection(db, leaflet.segmentId, leaflet.code, 'rina', 't1');
    segmentRangeDeleter(db)(leaflet.segmentId, leaflet.segmentId);
    expect(db.prepare('SELECT COUNT(*) AS n FROM review_decisions').get()).toEqual({ n: 0 });
  });
});
