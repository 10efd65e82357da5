import { describe, expect, it } from 'vitest';
import { buildSource, type ResolvedTurn } from '../core/transcript/build-source.js';
import { replaceSourceAutoCodings } from './auto-codings.js';
import { addManualCodings, findSegments } from './codings.js';
import { listCodings } from './list-codings.js';
import { saveCodebookVersion } from './codebooks.js';
import { countHoldings } from './human-work.js';
import { addMemo, listMemos } from './memos.js';
import { openStore, type Db } from './open.js';
import { storeRejection } from './review.js';
import { loadSource, SourceWriter } from './sources.js';
import type { Codebook } from '../core/codebook/types.js';
import { segmentRangeDeleter } from './segment-rows.js';

const CODEBOOK: Codebook = { name: 'Mini', version: '1', languages: ['id'], authors: [], description: null, negation: { words: {}, window: 0 }, codes: [] };

const turn = (speaker: string, text: string): ResolvedTurn => ({
  speaker,
  role: speaker === 'Pewawancara' ? 'interviewer' : 'participant',
  participant: null,
  text,
  startMs: null,
  endMs: null,
});

const info = (name: string, sha256: string) => ({ name, type: 'interview' as const, file: 'interviews/w01.txt', sha256, encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} });

const ORIGINAL = [
  turn('Pewawancara', 'Sudah daftar BPJS, Bu?'),
  turn('Sumiati', 'Belum. KK saya masih di kampung. Iurannya juga mahal.'),
  turn('Pewawancara', 'Siapa yang bantu?'),
  turn('Sumiati', 'Bu Rahmawati dari Dinas Sosial.'),
];

/** ORIGINAL corrected: a greeting inserted before it (every turn moves down one) and 2.3 reworded. */
const CORRECTED = [
  turn('Pewawancara', 'Selamat pagi.'),
  turn('Pewawancara', 'Sudah daftar BPJS, Bu?'),
  turn('Sumiati', 'Belum. KK saya masih di kampung. Iurannya terlalu mahal.'),
  turn('Pewawancara', 'Siapa yang bantu?'),
  turn('Sumiati', 'Bu Rahmawati dari Dinas Sosial.'),
];

/** A project with w01 coded by hand (rina), accepted (budi), auto-coded, and one rejection. */
function coded(): { db: Db; writer: SourceWriter; seg: (address: string) => { id: number; start: number; end: number } } {
  const db = openStore(':memory:', { create: true });
  const writer = new SourceWriter(db);
  writer.write(info('w01', 'v1'), buildSource(ORIGINAL), new Map(), 'now', false);
  const seg = (address: string) => {
    const [t, s = 0] = address.split('.').map(Number) as [number, number?];
    return findSegments(db, 'w01', { from: { turn: t, sentence: s }, to: { turn: t, sentence: s } }).segments[0]!;
  };
  const { version } = saveCodebookVersion(db, CODEBOOK, { file: 'mini.yaml', sha256: 'cb1', yaml: '' }, 'now');
  const kk = seg('2.2');
  addManualCodings(
    db,
    [
      { segmentId: kk.id, code: 'barrier/documentation', coder: 'rina', origin: 'manual', start: kk.start, end: kk.start + 2, memo: 'KK', codebookId: version.id },
      { segmentId: seg('2.3').id, code: 'barrier/economic', coder: 'rina', origin: 'manual', start: seg('2.3').start, end: seg('2.3').end, memo: null, codebookId: null },
      { segmentId: seg('4').id, code: 'role/educator', coder: 'budi', origin: 'accepted', start: seg('4').start, end: seg('4').end, memo: null, codebookId: null },
    ],
    'then',
  );
  replaceSourceAutoCodings(db, 'w01', version.id, [{ segmentId: kk.id, code: 'barrier/documentation', start: kk.start, end: kk.start + 2 }], 'now');
  storeRejection(db, seg('2.2').id, 'barrier/documentation', 'budi', 'then');
  return { db, writer, seg };
}

const humanCodings = (db: Db) =>
  listCodings(db)
    .filter((c) => c.origin !== 'auto')
    .map((c) => `${c.segment} ${c.code} ${c.coder} ${c.origin} "${c.matched}" ${c.memo ?? ''}`.trim());

describe('replacing a source keeps human work on unchanged sentences', () => {
  it('re-anchors codings and decisions past an inserted turn, and lists what it could not keep', () => {
    const { db, writer } = coded();
    const { carried } = writer.replace('w01', info('w01', 'v2'), buildSource(CORRECTED), new Map(), 'later');
    expect(carried).toMatchObject({ keptCodings: 2, keptDecisions: 1, removedProposals: 1 });
    expect(carried.notKept).toEqual([
      { kind: 'coding', segment: '2.3', code: 'barrier/economic', coder: 'rina', detail: 'manual', text: 'Iurannya juga mahal.', reason: 'segment-changed' },
    ]);
    expect(humanCodings(db)).toEqual(['3.2 barrier/documentation rina manual "KK" KK', '5 role/educator budi accepted "Bu Rahmawati dari Dinas Sosial."']);
    const decision = db.prepare('SELECT g.turn, g.sentence, d.code, d.coder, d.decision, d.decided_at FROM review_decisions d JOIN segments g ON g.id = d.segment_id').all();
    expect(decision).toEqual([{ turn: 3, sentence: 2, code: 'barrier/documentation', coder: 'budi', decision: 'rejected', decided_at: 'then' }]);
    // Kept codings keep their metadata (created_at, memo, codebook).
    expect(db.prepare("SELECT created_at, codebook_id FROM codings WHERE coder = 'rina'").get()).toEqual({ created_at: 'then', codebook_id: 1 });
  });

  it('leaves the old source and all its codings as they were when the replacement fails', () => {
    const { db, writer } = coded();
    const before = { codings: humanCodings(db), holdings: countHoldings(db, db.prepare('SELECT id, first_segment, last_segment FROM sources').get() as never) };
    writer.begin();
    // A second source already owns the new name: the insert fails inside the file's savepoint.
    writer.write({ ...info('w02', 'x'), file: 'w02.txt' }, buildSource([turn('Sumiati', 'Lain.')]), new Map(), 'now', false);
    expect(() => writer.replace('w01', info('w02', 'v2'), buildSource(ORIGINAL.slice(1)), new Map(), 'later')).toThrow(/UNIQUE/);
    writer.commit();
    expect(loadSource(db, 'w01')?.sha256).toBe('v1');
    expect(humanCodings(db)).toEqual(before.codings);
    expect(countHoldings(db, db.prepare("SELECT id, first_segment, last_segment FROM sources WHERE name = 'w01'").get() as never)).toEqual(before.holdings);
    expect(before.holdings).toEqual({ segments: 10, humanCodings: 3, proposals: 1, decisions: 1, memos: 0 });
  });

  it('keeps everything when the text is the same', () => {
    const { db, writer } = coded();
    const before = humanCodings(db);
    const { carried } = writer.replace('w01', info('w01-renamed', 'v1'), buildSource(ORIGINAL), new Map(), 'later');
    expect(carried).toEqual({ keptCodings: 3, keptDecisions: 1, keptMemos: 0, notKept: [], removedProposals: 1 });
    expect(humanCodings(db)).toEqual(before);
    expect(writer.findByName('w01')).toBeUndefined();
    expect(writer.findByFile(['interviews/w01.txt'])?.name).toBe('w01-renamed');
  });

  it('carries memos: on the source always, on a segment to its unchanged sentence, else to the source, listed', () => {
    const { db, writer, seg } = coded();
    const sourceId = (db.prepare("SELECT id FROM sources WHERE name = 'w01'").get() as { id: number }).id;
    const onSource = addMemo(db, { kind: 'source', sourceId }, 'rina', 'Wawancara di warung', 'then');
    const onKk = addMemo(db, { kind: 'segment', segmentId: seg('2.2').id }, 'rina', 'KK ditahan keluarga', 'then');
    const onFee = addMemo(db, { kind: 'segment', segmentId: seg('2.3').id }, 'budi', 'iuran: cek angka', 'then');
    const { carried } = writer.replace('w01', info('w01', 'v2'), buildSource(CORRECTED), new Map(), 'later');
    expect(carried.keptMemos).toBe(2);
    expect(carried.notKept).toContainEqual({ kind: 'memo', segment: '2.3', code: '', coder: 'budi', detail: `memo ${onFee}`, text: 'Iurannya juga mahal.', reason: 'segment-changed' });
    // Same ids, same times; the memo whose sentence changed is on the source now, its text intact.
    expect(listMemos(db).map((m) => [m.id, m.target, m.author, m.text, m.createdAt])).toEqual([
      [onSource, 'source:w01', 'rina', 'Wawancara di warung', 'then'],
      [onKk, 'segment:w01:3.2', 'rina', 'KK ditahan keluarga', 'then'],
      [onFee, 'source:w01', 'budi', 'iuran: cek angka', 'then'],
    ]);
  });

  it('counts memos among what a removal would take, and removing the source takes them', () => {
    const { db, seg } = coded();
    const range = db.prepare("SELECT id, first_segment, last_segment FROM sources WHERE name = 'w01'").get() as { id: number; first_segment: number; last_segment: number };
    addMemo(db, { kind: 'source', sourceId: range.id }, 'rina', 'a', 'then');
    addMemo(db, { kind: 'segment', segmentId: seg('4').id }, 'rina', 'b', 'then');
    addMemo(db, { kind: 'project' }, 'rina', 'c', 'then');
    expect(countHoldings(db, range).memos).toBe(2);
    segmentRangeDeleter(db)(range.first_segment, range.last_segment);
    db.prepare('DELETE FROM sources WHERE id = ?').run(range.id);
    expect(listMemos(db).map((m) => m.target)).toEqual(['project']);
  });
});
