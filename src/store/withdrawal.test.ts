import { describe, expect, it } from 'vitest';
import { SearchKeys } from '../core/search/search-keys.js';
import { createStemmers } from '../core/coding/stemmers.js';
import { buildSource, type ResolvedTurn } from '../core/transcript/build-source.js';
import { addMemo } from './memos.js';
import { openStore, type Db } from './open.js';
import { participantIdsByPseudonym, upsertParticipants } from './participants.js';
import { SearchIndexWriter, readSearchIndexBacklog } from './search-index.js';
import { loadSource, SourceWriter } from './sources.js';
import { findParticipant, planWithdrawal, withdrawParticipant, withoutParticipant } from './withdrawal.js';

const turn = (speaker: string, text: string): ResolvedTurn => ({
  speaker,
  role: speaker === 'Moderator' ? 'interviewer' : 'participant',
  participant: speaker === 'Moderator' ? null : speaker,
  text,
  startMs: null,
  endMs: null,
});
const info = (name: string, type: 'interview' | 'fgd') => ({ name, type, file: `${name}.txt`, sha256: name, encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} });
const keys = () => new SearchKeys(createStemmers());

/** An FGD where Darto speaks first and in the middle, and a diary that is all his. */
function project(): Db {
  const db = openStore(':memory:', { create: true });
  upsertParticipants(db, ['Darto', 'Joko'].map((pseudonym) => ({ pseudonym, group: null, attributes: {} })), 'now');
  const writer = new SourceWriter(db);
  const ids = participantIdsByPseudonym(db);
  writer.write(info('diary', 'interview'), buildSource([turn('Darto', 'Hari ini hujan. Tidak jualan.')]), ids, 'now', false);
  writer.write(
    info('fgd', 'fgd'),
    buildSource([turn('Darto', 'Saya duluan. Sudah daftar 😀.'), turn('Moderator', 'Baik. Yang lain?'), turn('Darto', 'Satu lagi.'), turn('Joko', 'Saya belum. Mahal.')]),
    ids,
    'now',
    false,
  );
  const writerIndex = new SearchIndexWriter(db, keys());
  for (const source of readSearchIndexBacklog(db).missing) writerIndex.write(source);
  return db;
}

const segmentId = (db: Db, source: string, t: number, s: number): number =>
  db.prepare<[string, number, number], number>('SELECT g.id FROM segments g JOIN sources x ON x.id = g.source_id WHERE x.name = ? AND g.turn = ? AND g.sentence = ?').pluck().get(source, t, s)!;

describe('withdrawParticipant', () => {
  it('cuts the turns out, moves ids and offsets of the rest, and removes a source that was all theirs', () => {
    const db = project();
    const joko = segmentId(db, 'fgd', 4, 2);
    const [start, end] = [db.prepare<[number], { start: number; end: number }>('SELECT start, end FROM segments WHERE id = ?').get(joko)!].map((g) => [g.start, g.end])[0]!;
    db.prepare("INSERT INTO codings (segment_id, code, coder, origin, start, end, created_at) VALUES (?, 'cost', 'rina', 'manual', ?, ?, 'now')").run(joko, start, end);
    db.prepare("INSERT INTO codings (segment_id, code, coder, origin, start, end, created_at) VALUES (?, 'early', 'auto', 'auto', 0, 3, 'now')").run(segmentId(db, 'fgd', 1, 1));
    db.prepare("INSERT INTO review_decisions (segment_id, code, coder, decision, decided_at) VALUES (?, 'early', 'auto', 'rejected', 'now')").run(segmentId(db, 'fgd', 1, 1));
    const darto = findParticipant(db, 'darto')!;
    addMemo(db, { kind: 'participant', participantId: darto.id }, 'rina', 'pindah', 'now');
    addMemo(db, { kind: 'source', sourceId: db.prepare<[], number>("SELECT id FROM sources WHERE name = 'diary'").pluck().get()! }, 'rina', 'buku harian', 'now');
    addMemo(db, { kind: 'segment', segmentId: joko }, 'rina', 'mahal', 'now');

    expect(planWithdrawal(db, darto)).toMatchObject({
      sources: [
        { name: 'diary', turns: 1, keptTurns: 0 },
        { name: 'fgd', turns: 2, keptTurns: 2, othersSpeak: true },
      ],
      counts: { sources: 2, removedSources: 1, turns: 3, humanCodings: 0, proposals: 1, decisions: 1, memos: 2 },
    });
    const { passages } = withdrawParticipant(db, darto, keys);
    expect(passages).toContain('Saya duluan. Sudah daftar 😀.');

    expect(db.prepare('SELECT name FROM sources').pluck().all()).toEqual(['fgd']);
    const fgd = loadSource(db, 'fgd')!;
    expect(fgd.text).toBe('Moderator: Baik. Yang lain?\n\nJoko: Saya belum. Mahal.');
    expect(fgd.turns.map((t) => t.index)).toEqual([2, 4]);
    const row = db.prepare<[], { first_segment: number; last_segment: number; turns: number; words: number }>("SELECT first_segment, last_segment, turns, words FROM sources WHERE name = 'fgd'").get()!;
    expect(row).toMatchObject({ turns: 2, words: 6 });
    expect(db.prepare<[number, number], number>('SELECT COUNT(*) FROM segments WHERE id BETWEEN ? AND ?').pluck().get(row.first_segment, row.last_segment)).toBe(row.last_segment - row.first_segment + 1);
    // Joko's coding and memo followed his sentence to its new id, on the same words.
    const moved = db.prepare<[], { segment_id: number; start: number; end: number }>("SELECT segment_id, start, end FROM codings WHERE code = 'cost'").get()!;
    expect(moved.segment_id).toBe(segmentId(db, 'fgd', 4, 2));
    expect(Array.from(fgd.text).slice(moved.start, moved.end).join('')).toBe('Mahal.');
    expect(db.prepare('SELECT text FROM memos ORDER BY id').pluck().all()).toEqual(['mahal']);
    expect(db.prepare('SELECT COUNT(*) FROM review_decisions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM participants WHERE pseudonym = ?').pluck().get('Darto')).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The index holds the kept sentences under their new ids, and none of his words.
    expect(readSearchIndexBacklog(db)).toEqual({ stale: [], missing: [] });
    expect(db.prepare("SELECT rowid FROM search_index WHERE search_index MATCH 'mahal'").pluck().all()).toEqual([moved.segment_id]);
    expect(db.prepare("SELECT rowid FROM search_index WHERE search_index MATCH 'duluan OR hujan'").pluck().all()).toEqual([]);
  });
});

describe('withoutParticipant', () => {
  it('takes the pseudonym off the participants list, and the list away when it was the only one', () => {
    expect(withoutParticipant({ participants: 'Sumiati, Darto', title: 'FGD' }, 'sumiati')).toEqual({ participants: 'Darto', title: 'FGD' });
    expect(withoutParticipant({ participants: 'Sumiati', title: 'FGD' }, 'Sumiati')).toEqual({ title: 'FGD' });
    expect(withoutParticipant({ title: 'FGD' }, 'Sumiati')).toEqual({ title: 'FGD' });
  });
});
