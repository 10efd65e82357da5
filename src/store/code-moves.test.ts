import { describe, expect, it } from 'vitest';
import { buildSource } from '../core/transcript/build-source.js';
import type { Codebook } from '../core/codebook/types.js';
import { saveCodebookVersion } from './codebooks.js';
import { countHumanCodingsByCode, listCodesInUse, moveCodings } from './code-moves.js';
import { replaceSourceAutoCodings } from './auto-codings.js';
import { addManualCodings, findSegments } from './codings.js';
import { addMemo, listMemos } from './memos.js';
import { openStore, type Db } from './open.js';
import { storeRejection } from './review.js';
import { SourceWriter } from './sources.js';

const CODEBOOK: Codebook = { name: 'Mini', version: '1', languages: ['id'], authors: [], description: null, negation: { words: {}, window: 0 }, codes: [] };

interface Row {
  segment: number;
  code: string;
  coder: string;
  origin: string;
  start: number;
  memo: string | null;
  created: string;
}

/** One interview of three sentences, with auto codings of barrier/economic on sentences 1 and 2. */
function project(): { db: Db; seg: (n: number) => { id: number; start: number; end: number }; codebookId: number } {
  const db = openStore(':memory:', { create: true });
  const writer = new SourceWriter(db);
  writer.write(
    { name: 'w01', type: 'interview', file: 'w01.txt', sha256: 'x', encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} },
    buildSource([{ speaker: 'Sumiati', role: 'participant', participant: null, text: 'Gaji kecil. Iuran mahal. Kantor jauh.', startMs: null, endMs: null }]),
    new Map(),
    'now',
    false,
  );
  const seg = (n: number) => findSegments(db, 'w01', { from: { turn: 1, sentence: n }, to: { turn: 1, sentence: n } }).segments[0]!;
  const codebookId = saveCodebookVersion(db, CODEBOOK, { file: 'mini.yaml', sha256: 'cb1', yaml: '' }, 'now').version.id;
  replaceSourceAutoCodings(db, 'w01', codebookId, [1, 2].map((n) => ({ segmentId: seg(n).id, code: 'barrier/economic', start: seg(n).start, end: seg(n).end })), '2026-01-01');
  return { db, seg, codebookId };
}

function human(db: Db, seg: { id: number; start: number; end: number }, code: string, coder: string, memo: string | null, at: string, origin: 'manual' | 'accepted' = 'manual'): void {
  addManualCodings(db, [{ segmentId: seg.id, code, coder, origin, start: seg.start, end: seg.end, memo, codebookId: null }], at);
}

function rows(db: Db): Row[] {
  return db
    .prepare<[], Row>('SELECT segment_id AS segment, code, coder, origin, start, memo, created_at AS created FROM codings ORDER BY segment_id, code, coder')
    .all();
}

describe('moveCodings', () => {
  it('moves every coding of a code, all coders and origins, with its review decisions', () => {
    const { db, seg } = project();
    human(db, seg(1), 'barrier/economic', 'rina', 'gaji', '2026-01-02');
    storeRejection(db, seg(2).id, 'barrier/economic', 'rina', '2026-01-03');
    const [result] = moveCodings(db, [{ from: 'barrier/economic', to: 'barrier/cost' }]);
    expect(result).toEqual({ from: 'barrier/economic', to: 'barrier/cost', moved: 3, folded: 0, human: 1, decisionsMoved: 1, decisionsFolded: 0, memosMoved: 0 });
    expect(rows(db).map((r) => [r.segment, r.code, r.coder, r.origin])).toEqual([
      [seg(1).id, 'barrier/cost', 'auto', 'auto'],
      [seg(1).id, 'barrier/cost', 'rina', 'manual'],
      [seg(2).id, 'barrier/cost', 'auto', 'auto'],
    ]);
    expect(db.prepare('SELECT code, decision FROM review_decisions').all()).toEqual([{ code: 'barrier/cost', decision: 'rejected' }]);
    expect(listCodesInUse(db)).toEqual(['barrier/cost']);
  });

  it("folds a coding into the same coder's coding of the target: one row, human origin, joined memos, earlier time", () => {
    const { db, seg } = project();
    human(db, seg(1), 'barrier/economic', 'rina', 'gaji kecil', '2026-01-05');
    human(db, seg(1), 'barrier/cost', 'rina', 'iuran', '2026-01-04', 'accepted');
    human(db, seg(2), 'barrier/cost', 'rina', null, '2026-01-06');
    // The auto coder already proposed the target on sentence 2: the moved auto coding folds into it.
    db.prepare("UPDATE codings SET code = 'barrier/cost', memo = 'auto note' WHERE coder = 'auto' AND segment_id = ?").run(seg(2).id);
    db.prepare("INSERT INTO codings (segment_id, code, coder, origin, start, end, created_at) VALUES (?, 'barrier/economic', 'auto', 'auto', ?, ?, '2026-01-01')").run(seg(2).id, seg(2).start, seg(2).end);
    const [result] = moveCodings(db, [{ from: 'barrier/economic', to: 'barrier/cost' }]);
    expect(result).toMatchObject({ moved: 1, folded: 2, human: 1 });
    expect(rows(db)).toEqual([
      { segment: seg(1).id, code: 'barrier/cost', coder: 'auto', origin: 'auto', start: seg(1).start, memo: null, created: '2026-01-01' },
      { segment: seg(1).id, code: 'barrier/cost', coder: 'rina', origin: 'accepted', start: seg(1).start, memo: 'iuran | gaji kecil', created: '2026-01-04' },
      { segment: seg(2).id, code: 'barrier/cost', coder: 'auto', origin: 'auto', start: seg(2).start, memo: 'auto note', created: '2026-01-01' },
      { segment: seg(2).id, code: 'barrier/cost', coder: 'rina', origin: 'manual', start: seg(2).start, memo: null, created: '2026-01-06' },
    ]);
  });

  it('keeps the human origin when a human coding folds into an auto or suggested one', () => {
    const { db, seg } = project();
    db.prepare("INSERT INTO codings (segment_id, code, coder, origin, start, end, confidence, created_at) VALUES (?, 'barrier/cost', 'rina', 'suggested', ?, ?, 0.8, '2026-01-01')").run(seg(3).id, seg(3).start, seg(3).start + 1);
    human(db, seg(3), 'barrier/economic', 'rina', 'jauh', '2026-01-09');
    moveCodings(db, [{ from: 'barrier/economic', to: 'barrier/cost' }]);
    expect(db.prepare('SELECT origin, start, end, confidence, memo, created_at AS created FROM codings WHERE segment_id = ?').get(seg(3).id)).toEqual({
      origin: 'manual',
      start: seg(3).start,
      end: seg(3).end,
      confidence: null,
      memo: 'jauh',
      created: '2026-01-01',
    });
  });

  it('folds review decisions, an acceptance winning over a rejection', () => {
    const { db, seg } = project();
    db.prepare("INSERT INTO review_decisions VALUES (?, 'barrier/economic', 'rina', 'accepted', '2026-01-02')").run(seg(1).id);
    db.prepare("INSERT INTO review_decisions VALUES (?, 'barrier/cost', 'rina', 'rejected', '2026-01-03')").run(seg(1).id);
    db.prepare("INSERT INTO review_decisions VALUES (?, 'barrier/economic', 'rina', 'rejected', '2026-01-02')").run(seg(2).id);
    db.prepare("INSERT INTO review_decisions VALUES (?, 'barrier/cost', 'rina', 'accepted', '2026-01-04')").run(seg(2).id);
    const [result] = moveCodings(db, [{ from: 'barrier/economic', to: 'barrier/cost' }]);
    expect(result).toMatchObject({ decisionsMoved: 0, decisionsFolded: 2 });
    expect(db.prepare('SELECT segment_id AS segment, code, decision, decided_at AS at FROM review_decisions ORDER BY segment_id').all()).toEqual([
      { segment: seg(1).id, code: 'barrier/cost', decision: 'accepted', at: '2026-01-02' },
      { segment: seg(2).id, code: 'barrier/cost', decision: 'accepted', at: '2026-01-04' },
    ]);
  });

  it('changes nothing on a dry run, and reports the same counts', () => {
    const { db, seg } = project();
    human(db, seg(1), 'barrier/economic', 'rina', null, '2026-01-02');
    const before = rows(db);
    const dry = moveCodings(db, [{ from: 'barrier/economic', to: 'barrier/cost' }], { dryRun: true });
    expect(rows(db)).toEqual(before);
    expect(moveCodings(db, [{ from: 'barrier/economic', to: 'barrier/cost' }])).toEqual(dry);
  });

  it('moves several codes at once and refuses moves whose target is itself moved', () => {
    const { db, seg } = project();
    human(db, seg(3), 'barrier/economic/rent', 'rina', null, '2026-01-02');
    const results = moveCodings(db, [
      { from: 'barrier/economic', to: 'obstacle/economic' },
      { from: 'barrier/economic/rent', to: 'obstacle/economic/rent' },
    ]);
    expect(results.map((r) => [r.to, r.moved])).toEqual([['obstacle/economic', 2], ['obstacle/economic/rent', 1]]);
    expect(() => moveCodings(db, [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }])).toThrow(/target is also moved/);
  });
});

describe('memos on codes', () => {
  it('go with the code they are on, and a code with only memos is in use', () => {
    const { db, seg } = project();
    addMemo(db, { kind: 'code', code: 'barrier/economic' }, 'rina', 'gaji vs iuran', 't');
    addMemo(db, { kind: 'code', code: 'barrier/economic/rent' }, 'rina', 'sewa kios', 't');
    addMemo(db, { kind: 'segment', segmentId: seg(1).id }, 'rina', 'on a segment', 't');
    expect(listCodesInUse(db)).toEqual(['barrier/economic', 'barrier/economic/rent']);
    const results = moveCodings(db, [
      { from: 'barrier/economic', to: 'obstacle/economic' },
      { from: 'barrier/economic/rent', to: 'obstacle/economic/rent' },
    ]);
    expect(results.map((r) => [r.to, r.memosMoved])).toEqual([['obstacle/economic', 1], ['obstacle/economic/rent', 1]]);
    expect(listMemos(db).map((m) => m.target)).toEqual(['code:obstacle/economic', 'code:obstacle/economic/rent', 'segment:w01:1.1']);
  });

  it('stay put on a dry run', () => {
    const { db } = project();
    addMemo(db, { kind: 'code', code: 'barrier/economic' }, 'rina', 'x', 't');
    expect(moveCodings(db, [{ from: 'barrier/economic', to: 'barrier/cost' }], { dryRun: true })[0]!.memosMoved).toBe(1);
    expect(listMemos(db)[0]!.code).toBe('barrier/economic');
  });
});

describe('countHumanCodingsByCode', () => {
  it('counts manual, accepted and imported codings, not auto or suggested ones', () => {
    const { db, seg } = project();
    human(db, seg(1), 'barrier/economic', 'rina', null, 't');
    human(db, seg(2), 'barrier/economic', 'rina', null, 't', 'accepted');
    human(db, seg(3), 'role/educator', 'budi', null, 't');
    expect(countHumanCodingsByCode(db)).toEqual(new Map([['barrier/economic', 2], ['role/educator', 1]]));
  });
});
