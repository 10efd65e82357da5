import { describe, expect, it } from 'vitest';
import { buildSource } from '../core/transcript/build-source.js';
import { openStore, type Db } from './open.js';
import { upsertParticipants } from './participants.js';
import { segmentHighWaterMark } from './segment-rows.js';
import { listSourceNames, loadSource, SourceWriter } from './sources.js';

const info = (name: string) => ({ name, type: 'interview' as const, file: `${name}.txt`, sha256: name, encoding: 'utf-8', language: 'id', date: null, site: null, attributes: {} });
const turn = (speaker: string, text: string) => ({ speaker, role: speaker === 'Pewawancara' ? ('interviewer' as const) : ('participant' as const), participant: speaker === 'Sumiati' ? 'Sumiati' : null, text, startMs: null, endMs: null });
/** A source of `turns` exchanges, each a question and a two-sentence answer (5 segments per exchange). */
const interview = (turns: number) => buildSource(Array.from({ length: turns }, (_, i) => [turn('Pewawancara', `Apa ${i}?`), turn('Sumiati', `Baik ${i}. Dia datang.`)]).flat());
const IDS = new Map([['Sumiati', 1]]);

function store(): Db {
  const db = openStore(':memory:', { create: true });
  upsertParticipants(db, [{ pseudonym: 'Sumiati', group: 'pekerja-rentan', attributes: {} }], 'now');
  return db;
}

/** Segment ids by source, as the range on each source row gives them. */
function ranges(db: Db): unknown[] {
  return db.prepare('SELECT name, first_segment, last_segment, (SELECT COUNT(*) FROM segments WHERE id BETWEEN first_segment AND last_segment) AS stored FROM sources ORDER BY id').all();
}

describe('SourceWriter in a group', () => {
  it('gives the sources of a group contiguous ids, their rows written by the commit, as one source at a time does', () => {
    const grouped = store();
    const writer = new SourceWriter(grouped);
    writer.begin();
    // 70 exchanges: more rows than a batch, so a source's last rows share a batch with the next source's.
    for (const [name, turns] of [['a', 70], ['b', 1], ['c', 13]] as const) writer.write(info(name), interview(turns), IDS, 'now', false);
    writer.commit();
    writer.write(info('d'), interview(2), IDS, 'now', false);
    const single = store();
    const one = new SourceWriter(single);
    for (const [name, turns] of [['a', 70], ['b', 1], ['c', 13], ['d', 2]] as const) one.write(info(name), interview(turns), IDS, 'now', false);
    expect(ranges(grouped)).toEqual(ranges(single));
    expect(ranges(grouped)).toContainEqual({ name: 'd', first_segment: 421, last_segment: 430, stored: 10 });
    expect(segmentHighWaterMark(grouped)).toBe(430);
    expect(grouped.prepare('SELECT * FROM segments ORDER BY id').all()).toEqual(single.prepare('SELECT * FROM segments ORDER BY id').all());
  });

  it('reads a source written earlier in the open group whole', () => {
    const db = store();
    const writer = new SourceWriter(db);
    writer.begin();
    writer.write(info('a'), interview(3), IDS, 'now', false);
    expect(writer.load('a')?.turns.map((t) => t.sentences.length)).toEqual([1, 2, 1, 2, 1, 2]);
    writer.commit();
  });

  it('rolls the whole group back when SQLite fails a write, so no file lands in part', () => {
    const db = store();
    const writer = new SourceWriter(db);
    writer.write(info('before'), interview(1), IDS, 'now', false);
    // A failure of SQLite itself (a full disk) while the second file's rows go in.
    db.exec("CREATE TEMP TRIGGER full_disk BEFORE INSERT ON sentences WHEN NEW.id > 15 BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    writer.begin();
    writer.write(info('a'), interview(1), IDS, 'now', false);
    writer.write(info('b'), interview(2), IDS, 'now', false);
    expect(() => writer.commit()).toThrow('database or disk is full');
    expect(db.inTransaction).toBe(false);
    expect(listSourceNames(db)).toEqual(['before']);
    expect(loadSource(db, 'a')).toBeUndefined();
    expect(segmentHighWaterMark(db)).toBe(5);
    db.exec('DROP TRIGGER full_disk');
    // The writer goes on from what is stored.
    writer.write(info('a'), interview(1), IDS, 'now', false);
    expect(ranges(db)).toEqual([
      { name: 'before', first_segment: 1, last_segment: 5, stored: 5 },
      { name: 'a', first_segment: 6, last_segment: 10, stored: 5 },
    ]);
  });

  it('rolls the group back when a source row fails', () => {
    const db = store();
    const writer = new SourceWriter(db);
    db.exec("CREATE TEMP TRIGGER full_disk BEFORE INSERT ON sources WHEN NEW.name = 'b' BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    writer.begin();
    writer.write(info('a'), interview(1), IDS, 'now', false);
    expect(() => writer.write(info('b'), interview(1), IDS, 'now', false)).toThrow('database or disk is full');
    writer.commit();
    expect(listSourceNames(db)).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM segments').get()).toEqual({ n: 0 });
  });

  it('stores a text given as UTF-8 bytes as the same TEXT value as the string', () => {
    const db = store();
    const writer = new SourceWriter(db);
    const built = buildSource([turn('Sumiati', 'Iuran Rp 16.800 — sudah dibayar? Ya, Bu. 😊 Ñ')]);
    writer.begin();
    writer.write(info('bytes'), { ...built, text: '' }, IDS, 'now', false, Buffer.from(built.text, 'utf8'));
    writer.write(info('string'), built, IDS, 'now', false);
    writer.commit();
    const rows = db.prepare("SELECT name, typeof(text) AS type, text, length(text) AS length FROM sources ORDER BY id").all() as { text: string }[];
    expect(rows).toEqual([
      { name: 'bytes', type: 'text', text: built.text, length: [...built.text].length },
      { name: 'string', type: 'text', text: built.text, length: [...built.text].length },
    ]);
  });
});
