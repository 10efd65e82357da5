import { describe, expect, it } from 'vitest';
import type { Codebook } from '../core/codebook/types.js';
import { buildSource } from '../core/transcript/build-source.js';
import { replaceAutoCodingsOfSources, replaceSourceAutoCodings, storingAutoCodings, type AutoCodingColumns } from './auto-codings.js';
import { saveCodebookVersion } from './codebooks.js';
import { addManualCodings, findSegments } from './codings.js';
import { listCodings } from './list-codings.js';
import { openStore, type Db } from './open.js';
import { storeRejection } from './review.js';
import { SourceWriter } from './sources.js';

const CODEBOOK: Codebook = { name: 'Mini', version: '1', languages: ['id'], authors: [], description: null, negation: { words: {}, window: 0 }, codes: [] };

/** Two notes of two sentences each, and two codebook versions. */
function project(): { db: Db; seg: (source: string, sentence: number) => number; v1: number; v2: number } {
  const db = openStore(':memory:', { create: true });
  const writer = new SourceWriter(db);
  const info = (name: string) => ({ name, type: 'observation' as const, file: `${name}.md`, sha256: name, encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} });
  const note = (text: string) => buildSource([{ speaker: null, role: null, participant: null, text, startMs: null, endMs: null }]);
  writer.write(info('obs1'), note('Poster besar. Warga antre.'), new Map(), 'now', false);
  writer.write(info('obs2'), note('Leaflet habis. Petugas datang.'), new Map(), 'now', false);
  const seg = (source: string, sentence: number): number => findSegments(db, source, { from: { turn: 1, sentence }, to: { turn: 1, sentence } }).segments[0]!.id;
  const v1 = saveCodebookVersion(db, CODEBOOK, { file: 'a.yaml', sha256: 'v1', yaml: '' }, 'now').version.id;
  const v2 = saveCodebookVersion(db, { ...CODEBOOK, version: '2' }, { file: 'a.yaml', sha256: 'v2', yaml: '' }, 'now').version.id;
  return { db, seg, v1, v2 };
}

const codes = (db: Db): string[] => listCodings(db).map((c) => `${c.source} ${c.segment} ${c.code} ${c.coder}`);

describe('replaceSourceAutoCodings', () => {
  it('replaces one source’s auto codings, keeps identical ones, and leaves other sources and human codings alone', () => {
    const { db, seg, v1, v2 } = project();
    const poster = { segmentId: seg('obs1', 1), code: 'media', start: 0, end: 6 };
    const queue = { segmentId: seg('obs1', 2), code: 'queue', start: 14, end: 19 };
    expect(replaceSourceAutoCodings(db, 'obs1', v1, [poster, queue], 'now')).toEqual({ added: 2, removed: 0, kept: 0 });
    expect(replaceSourceAutoCodings(db, 'obs2', v1, [{ segmentId: seg('obs2', 1), code: 'media', start: 0, end: 7 }], 'now')).toEqual({ added: 1, removed: 0, kept: 0 });
    addManualCodings(db, [{ segmentId: seg('obs1', 2), code: 'queue', coder: 'rina', origin: 'manual', start: 14, end: 26, memo: null, codebookId: null }], 'now');

    // The same codebook again: nothing changes.
    expect(replaceSourceAutoCodings(db, 'obs1', v1, [poster, queue], 'now')).toEqual({ added: 0, removed: 0, kept: 2 });
    // A new version that no longer finds the queue: obs1 is recoded, obs2 and rina's coding stay.
    expect(replaceSourceAutoCodings(db, 'obs1', v2, [poster], 'now')).toEqual({ added: 1, removed: 2, kept: 0 });
    expect(codes(db)).toEqual(['obs1 1.1 media auto', 'obs1 1.2 queue rina', 'obs2 1.1 media auto']);
    expect(listCodings(db, { source: 'obs2' })[0]).toMatchObject({ text: 'Leaflet habis.', matched: 'Leaflet' });
  });

  it('refuses a codebook version that is not stored, with foreign key checks off for the batch and on again after it', () => {
    const { db, seg, v1 } = project();
    const coding = { segmentId: seg('obs1', 1), code: 'media', start: 0, end: 6 };
    expect(() => replaceAutoCodingsOfSources(db, [{ source: 'obs1', codings: [coding] }], v1 + 99, 'now')).toThrow(/no codebook version/);
    expect(codes(db)).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(replaceAutoCodingsOfSources(db, [{ source: 'obs1', codings: [coding] }], v1, 'now')).toEqual({ added: 1, removed: 0, kept: 0 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('fails the whole batch on a duplicate coding inside a many-row INSERT and stores none of it', () => {
    const { db, seg, v1 } = project();
    const coding = { segmentId: seg('obs1', 1), code: 'media', start: 0, end: 6 };
    const many = Array.from({ length: 40 }, (_, k) => ({ ...coding, code: `c${k}` }));
    expect(() => replaceAutoCodingsOfSources(db, [{ source: 'obs1', codings: [coding, coding, ...many] }], v1, 'now')).toThrow(/UNIQUE/);
    expect(codes(db)).toEqual([]);
  });

  it('takes a source’s range as given only when the stored source still has it', () => {
    const { db, seg, v1 } = project();
    const range = (name: string) => db.prepare<[string], { first: number; last: number }>('SELECT first_segment AS first, last_segment AS last FROM sources WHERE name = ?').get(name)!;
    const coding = { segmentId: seg('obs1', 1), code: 'media', start: 0, end: 6 };
    expect(replaceAutoCodingsOfSources(db, [{ source: 'obs1', codings: [coding], range: range('obs1') }], v1, 'now')).toEqual({ added: 1, removed: 0, kept: 0 });
    // A range that is not obs1's (as if it had been ingested again since): the stored range decides.
    const stale = { source: 'obs1', codings: [{ ...coding, segmentId: seg('obs2', 1) }], range: range('obs2') };
    expect(() => replaceAutoCodingsOfSources(db, [stale], v1, 'now')).toThrow(/not in source obs1/);
    expect(codes(db)).toEqual(['obs1 1.1 media auto']);
  });

  it('stores codings given as columns as it stores the same codings given as rows, on a first run and over stored ones', () => {
    const stored = (db: Db) => db.prepare('SELECT id, segment_id, code, coder, origin, start, end, codebook_id, confidence, memo, created_at FROM codings ORDER BY id').all();
    const columns = (codings: { segmentId: number; code: string; start: number; end: number }[], codeIds: string[]): AutoCodingColumns => ({
      codeIds,
      // Entries around the source's own: only from..to are its codings.
      segmentIds: Int32Array.from([0, ...codings.map((c) => c.segmentId), 0]),
      codes: Int32Array.from([0, ...codings.map((c) => codeIds.indexOf(c.code)), 0]),
      starts: Int32Array.from([0, ...codings.map((c) => c.start), 0]),
      ends: Int32Array.from([0, ...codings.map((c) => c.end), 0]),
      from: 1,
      to: codings.length + 1,
    });
    const byRows = project();
    const byColumns = project();
    const codingsOf = (seg: (source: string, sentence: number) => number, n: number) =>
      Array.from({ length: n }, (_, k) => ({ segmentId: seg(k % 2 === 0 ? 'obs1' : 'obs2', 1 + (k % 4 < 2 ? 0 : 1)), code: `c${k}`, start: k % 5, end: 6 + (k % 5) }));
    const codeIds = Array.from({ length: 100 }, (_, k) => `c${k}`);
    // 41 codings a source (32 + 8 + 1 rows a statement), then a second version finding fewer.
    for (const [version, n] of [['v1', 82], ['v2', 60]] as const) {
      for (const { db, seg, v1, v2 } of [byRows, byColumns]) {
        const codings = codingsOf(seg, n);
        const batch = ['obs1', 'obs2'].map((source) => {
          const own = codings.filter((c) => c.segmentId >= seg(source, 1) && c.segmentId <= seg(source, 2));
          return { source, codings: db === byRows.db ? own : columns(own, codeIds) };
        });
        const change = replaceAutoCodingsOfSources(db, batch, version === 'v1' ? v1 : v2, `now ${version}`);
        expect(change).toEqual(version === 'v1' ? { added: 82, removed: 0, kept: 0 } : { added: 60, removed: 82, kept: 0 });
      }
      expect(stored(byColumns.db)).toEqual(stored(byRows.db));
    }
    expect(stored(byColumns.db)).toContainEqual(expect.objectContaining({ coder: 'auto', origin: 'auto', codebook_id: byColumns.v2, confidence: null, created_at: 'now v2' }));
    // Columns are checked against the source's range as rows are.
    const { db, seg, v1 } = byColumns;
    expect(() => replaceAutoCodingsOfSources(db, [{ source: 'obs1', codings: columns([{ segmentId: seg('obs2', 1), code: 'c1', start: 0, end: 6 }], codeIds) }], v1, 'now')).toThrow(/not in source obs1/);
  });

  it('keeps foreign key checks off while a run stores its batches, and turns them on again after it, even after a failure', async () => {
    const { db, seg, v1 } = project();
    const coding = { segmentId: seg('obs1', 1), code: 'media', start: 0, end: 6 };
    const seen: unknown[] = [];
    await storingAutoCodings(db, async () => {
      seen.push(db.pragma('foreign_keys', { simple: true }));
      replaceAutoCodingsOfSources(db, [{ source: 'obs1', codings: [coding] }], v1, 'now');
      seen.push(db.pragma('foreign_keys', { simple: true }));
    });
    expect(seen).toEqual([0, 0]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    await expect(storingAutoCodings(db, async () => replaceAutoCodingsOfSources(db, [{ source: 'obs1', codings: [coding] }], v1 + 99, 'now'))).rejects.toThrow(/no codebook version/);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(codes(db)).toEqual(['obs1 1.1 media auto']);
  });

  it('refuses a coding of another source’s segment', () => {
    const { db, seg, v1 } = project();
    expect(() => replaceSourceAutoCodings(db, 'obs1', v1, [{ segmentId: seg('obs2', 1), code: 'media', start: 0, end: 7 }], 'now')).toThrow(/not in source obs1/);
    expect(codes(db)).toEqual([]);
  });

  it('replaces tens of thousands of auto codings a source at a time with the same counts, keeping human codings and review decisions', () => {
    const { db, v1, v2 } = project();
    const writer = new SourceWriter(db);
    const sentences = 12_000;
    const text = Array.from({ length: sentences }, (_, i) => `Kalimat ${i}.`).join(' ');
    writer.write({ name: 'big', type: 'observation', file: 'big.md', sha256: 'big', encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} }, buildSource([{ speaker: null, role: null, participant: null, text, startMs: null, endMs: null }]), new Map(), 'now', false);
    const ids = db.prepare<[], { id: number; start: number; end: number }>(`SELECT g.id, g.start, g.end FROM segments g JOIN sources s ON g.id BETWEEN s.first_segment AND s.last_segment WHERE s.name = 'big' AND g.sentence > 0 ORDER BY g.id`).all();
    expect(ids).toHaveLength(sentences);
    const proposals = (codes: string[]) => ids.flatMap((g) => codes.map((code) => ({ segmentId: g.id, code, start: g.start, end: g.end })));
    const first = proposals(['media', 'queue']);
    expect(replaceSourceAutoCodings(db, 'big', v1, first, 'now')).toEqual({ added: 24_000, removed: 0, kept: 0 });

    // Human work on the source: a coder's own codings and a reviewer's rejections.
    addManualCodings(db, ids.slice(0, 300).map((g) => ({ segmentId: g.id, code: 'media', coder: 'rina', origin: 'manual' as const, start: g.start, end: g.end, memo: null, codebookId: null })), 'now');
    for (const g of ids.slice(300, 500)) storeRejection(db, g.id, 'queue', 'budi', 'now');
    const human = (): number => db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM codings WHERE origin <> 'auto'`).get()!.n;
    const decisions = (): number => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM review_decisions').get()!.n;

    // The same version finding a quarter less and something new: what stays is kept, not rewritten.
    const second = [...first.filter((_, i) => i % 4 !== 0), ...proposals(['poster']).slice(0, 1000)];
    expect(replaceSourceAutoCodings(db, 'big', v1, second, 'now')).toEqual({ added: 1000, removed: 6000, kept: 18_000 });
    // A new version through the batch entry point: every auto coding of the source replaced, the other source untouched.
    const other = db.prepare<[], { first: number }>(`SELECT first_segment AS first FROM sources WHERE name = 'obs1'`).get()!.first + 1;
    const obs = { source: 'obs1', codings: [{ segmentId: other, code: 'media', start: 0, end: 6 }] };
    expect(replaceAutoCodingsOfSources(db, [{ source: 'big', codings: proposals(['queue']) }, obs], v2, 'now')).toEqual({ added: 12_001, removed: 19_000, kept: 0 });
    expect(human()).toBe(300);
    expect(decisions()).toBe(200);
    expect(db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM codings WHERE origin = 'auto' AND codebook_id = ?`).get(v2)!.n).toBe(12_001);
    // The rejected proposals still never count: the listing leaves them out and lists them as rejections.
    expect(listCodings(db, { source: 'big', origins: ['rejected'] })).toHaveLength(200);
    expect(listCodings(db, { source: 'big', code: 'queue' })).toHaveLength(11_800);
  });
});
