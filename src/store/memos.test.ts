import { describe, expect, it } from 'vitest';
import { interviewStore } from '../../test/helpers/interview-store.js';
import { addMemo, editMemo, findMemo, listMemoAuthors, listMemos, removeMemos } from './memos.js';
import { renameSource } from './source-edits.js';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrations } from './migrations.js';
import { migrate, type Db } from './open.js';

const sourceId = (db: Db, name: string): number => (db.prepare('SELECT id FROM sources WHERE name = ?').get(name) as { id: number }).id;

/** One memo on each kind of target. */
function memos() {
  const { db, seg } = interviewStore();
  const ids = {
    project: addMemo(db, { kind: 'project' }, 'rina', 'Tema besar: kepercayaan', '2026-01-01T00:00:00.000Z'),
    source: addMemo(db, { kind: 'source', sourceId: sourceId(db, 'w01') }, 'rina', 'Wawancara di warung', '2026-01-02T00:00:00.000Z'),
    segment: addMemo(db, { kind: 'segment', segmentId: seg('w01', '2.2').id }, 'budi', 'Leaflet dari siapa?', '2026-01-03T00:00:00.000Z'),
    code: addMemo(db, { kind: 'code', code: 'barrier/economic' }, 'rina', 'Gaji harian vs iuran bulanan', '2026-01-04T00:00:00.000Z'),
    participant: addMemo(db, { kind: 'participant', participantId: 1 }, 'budi', 'Ragu-ragu di awal', '2026-01-05T00:00:00.000Z'),
  };
  return { db, seg, ids };
}

describe('memos', () => {
  it('name each kind of target as a person writes it', () => {
    const { db, ids } = memos();
    expect(listMemos(db).map((m) => [m.id, m.target, m.kind, m.source, m.segment, m.code, m.participant, m.author])).toEqual([
      [ids.project, 'project', 'project', null, null, null, null, 'rina'],
      [ids.source, 'source:w01', 'source', 'w01', null, null, null, 'rina'],
      [ids.segment, 'segment:w01:2.2', 'segment', 'w01', '2.2', null, null, 'budi'],
      [ids.code, 'code:barrier/economic', 'code', null, null, 'barrier/economic', null, 'rina'],
      [ids.participant, 'participant:Sumiati', 'participant', null, null, null, 'Sumiati', 'budi'],
    ]);
  });

  it('filter by kind, source (with its segments), code (with the codes below), participant, author', () => {
    const { db, ids } = memos();
    addMemo(db, { kind: 'code', code: 'barrier/economic/rent' }, 'rina', 'sewa', 't');
    addMemo(db, { kind: 'code', code: 'barrier/economics' }, 'rina', 'not below barrier/economic', 't');
    const targets = (filter: Parameters<typeof listMemos>[1]) => listMemos(db, filter).map((m) => m.target);
    expect(targets({ kind: 'segment' })).toEqual(['segment:w01:2.2']);
    expect(targets({ sourceId: sourceId(db, 'w01') })).toEqual(['source:w01', 'segment:w01:2.2']);
    expect(targets({ sourceId: sourceId(db, 'a-note') })).toEqual([]);
    expect(targets({ code: 'barrier/economic' })).toEqual(['code:barrier/economic', 'code:barrier/economic/rent']);
    expect(targets({ participantId: 1 })).toEqual(['participant:Sumiati']);
    expect(targets({ author: 'budi' })).toEqual(['segment:w01:2.2', 'participant:Sumiati']);
    expect(targets({ ids: [ids.code, ids.project] })).toEqual(['project', 'code:barrier/economic']);
    expect(listMemoAuthors(db)).toEqual(['budi', 'rina']);
  });

  it('follow a renamed source', () => {
    const { db } = memos();
    renameSource(db, 'w01', 'w01-sumiati');
    expect(listMemos(db, { kind: 'source' }).concat(listMemos(db, { kind: 'segment' })).map((m) => m.target)).toEqual(['source:w01-sumiati', 'segment:w01-sumiati:2.2']);
  });

  it('edit text and target, keeping author and creation time', () => {
    const { db, seg, ids } = memos();
    editMemo(db, ids.segment, { text: 'Leaflet dari Bu Rahmawati' }, '2026-02-01T00:00:00.000Z');
    expect(findMemo(db, ids.segment)).toMatchObject({ text: 'Leaflet dari Bu Rahmawati', author: 'budi', createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
    editMemo(db, ids.segment, { place: { kind: 'segment', segmentId: seg('w01', '4.1').id } }, '2026-02-02T00:00:00.000Z');
    expect(findMemo(db, ids.segment)).toMatchObject({ target: 'segment:w01:4.1', text: 'Leaflet dari Bu Rahmawati' });
    editMemo(db, ids.segment, { place: { kind: 'project' } }, '2026-02-03T00:00:00.000Z');
    expect(findMemo(db, ids.segment)).toMatchObject({ target: 'project', source: null, segment: null });
  });

  it('remove by id, counting what went', () => {
    const { db, ids } = memos();
    expect(removeMemos(db, [ids.code, ids.participant, 999])).toBe(2);
    expect(findMemo(db, ids.code)).toBeUndefined();
    expect(listMemos(db)).toHaveLength(3);
  });

  it('are refused by the schema when the target column does not match the kind', () => {
    const { db } = memos();
    expect(() => db.prepare("INSERT INTO memos (target, code, author, text, created_at, updated_at) VALUES ('source', 'x', 'a', 't', 'n', 'n')").run()).toThrow(/CHECK/);
  });

  it('go with the participant they are on', () => {
    const { db } = memos();
    db.prepare('DELETE FROM participants WHERE id = 1').run();
    expect(listMemos(db, { kind: 'participant' })).toEqual([]);
  });
});

describe('m005_memos', () => {
  it('adds memos to a project made before them, keeping what it holds', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 4));
    db.prepare("INSERT INTO audit (at, actor, command, arguments) VALUES ('2026-01-01T00:00:00.000Z', 'rina', 'init', '[]')").run();
    expect(migrate(db)).toBe(migrations.length - 4);
    expect(addMemo(db, { kind: 'project' }, 'rina', 'Catatan', 'now')).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('audit_at', 'memos_segment') ORDER BY name").all()).toEqual([{ name: 'audit_at' }, { name: 'memos_segment' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit').get()).toEqual({ n: 1 });
  });
});
