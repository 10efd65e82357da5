import { describe, expect, it } from 'vitest';
import { FREE_TEXT_PLACES, iterateFreeText, NOT_FREE_TEXT } from './free-text-places.js';
import { openStore, type Db } from './open.js';

/** Columns declared TEXT, and every column of a virtual table (an FTS5 table's columns have no type). */
function textColumns(db: Db): string[] {
  const tables = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  return tables.flatMap(({ name, sql }) =>
    db
      .prepare<[], { name: string; type: string }>(`PRAGMA table_info(${name})`)
      .all()
      .filter((c) => c.type.toUpperCase() === 'TEXT' || /^CREATE VIRTUAL TABLE/i.test(sql))
      .map((c) => `${name}.${c.name}`),
  );
}

/** One row in every table, each free-text place holding "Siti". */
function fillProject(db: Db): void {
  db.exec(`
    INSERT INTO participants (id, pseudonym, grp, attributes, created_at, updated_at)
      VALUES (1, 'Siti', 'Siti group', '{"siti_note": "Siti"}', 'now', 'now');
    INSERT INTO sources (id, name, type, file, sha256, encoding, text, language, date, site, attributes, words, turns, first_segment, last_segment, added_at)
      VALUES (1, 'w01-siti', 'interview', 'interviews/w01-siti.txt', 'x', 'utf-8', 'Siti: Halo.', 'id', NULL, 'Pasar Siti', '{"siti_umur": "Siti"}', 2, 1, 1, 2, 'now');
    INSERT INTO turns (id, source_id, turn, speaker, participant_id, role, start, end) VALUES (1, 1, 1, 'Siti', 1, 'participant', 0, 11);
    INSERT INTO sentences (id, turn_id, start, end) VALUES (2, 1, 6, 11);
    INSERT INTO audit (at, actor, command, arguments, counts) VALUES ('now', 'me', 'ingest', '["interviews/w01-siti.txt"]', '{}');
    INSERT INTO codebooks (id, name, version, file, sha256, yaml, added_at) VALUES (1, 'cb', '1', 'siti.yaml', 'y', 'example: Siti', 'now');
    INSERT INTO codes (codebook_id, id, parent, label, definition, position) VALUES (1, 'a', NULL, '"A"', 'd', 0);
    INSERT INTO codings (segment_id, code, coder, origin, start, end, codebook_id, memo, created_at) VALUES (2, 'a', 'me', 'manual', 6, 11, 1, 'asked Siti', 'now');
    INSERT INTO memos (target, segment_id, author, text, created_at, updated_at) VALUES ('segment', 2, 'me', 'Siti sounded tired', 'now', 'now');
    INSERT INTO search_index (rowid, words, stems_id, stems_en) VALUES (2, 'halo siti', 'halo siti', 'halo siti');
    INSERT INTO withdrawals (pseudonym, withdrawn_at, counts) VALUES ('Siti', 'now', '{}');
  `);
}

describe('free-text places', () => {
  it('classify every text column of the schema', () => {
    const db = openStore(':memory:', { create: true });
    const columns = textColumns(db);
    const places = new Set(FREE_TEXT_PLACES.map((p) => `${p.table}.${p.column}`));
    const unclassified = columns.filter((c) => !places.has(c) && !NOT_FREE_TEXT.includes(c));
    // A new text column must be added to FREE_TEXT_PLACES (and iterateFreeText) or to NOT_FREE_TEXT.
    expect(unclassified).toEqual([]);
    expect([...places, ...NOT_FREE_TEXT].filter((c) => !columns.includes(c))).toEqual([]);
  });

  it('iterateFreeText visits every place, naming the row', () => {
    const db = openStore(':memory:', { create: true });
    fillProject(db);
    const seen = [...iterateFreeText(db)];
    expect(seen.map((t) => t.place.id).sort()).toEqual(FREE_TEXT_PLACES.map((p) => p.id).sort());
    for (const t of seen) expect(t.text, t.place.id).toMatch(/siti/i);
    expect(seen.map((t) => `${t.place.id} | ${t.row}`)).toEqual([
      'sources.text | w01-siti',
      'sources.name | w01-siti',
      'sources.file | w01-siti',
      'sources.site | w01-siti',
      'sources.attributes.keys | w01-siti',
      'sources.attributes.values | w01-siti',
      'segments.speaker | w01-siti',
      'participants.pseudonym | participant Siti',
      'participants.group | participant Siti',
      'participants.attributes.keys | participant Siti',
      'participants.attributes.values | participant Siti',
      'audit.arguments | audit 1, ingest',
      'codings.memo | w01-siti 1.1, code a by me',
      'memos.text | memo 1 on segment:w01-siti:1.1 by me',
      'codebooks.file | codebook cb 1',
      'codebooks.yaml | codebook cb 1',
      'search_index.words | search index',
      'withdrawals.pseudonym | withdrawal 1',
    ]);
  });

  it('treat file names, paths, labels and keys as names in any case', () => {
    expect(FREE_TEXT_PLACES.filter((p) => p.anyCase).map((p) => p.id)).toEqual([
      'sources.name',
      'sources.file',
      'sources.attributes.keys',
      'segments.speaker',
      'participants.pseudonym',
      'participants.attributes.keys',
      'audit.arguments',
      'codebooks.file',
      'withdrawals.pseudonym',
    ]);
  });
});
