import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migrations.js';

/** The tables whose segment_id referenced segments (id) ON DELETE CASCADE until m011. */
const SEGMENT_CHILDREN = ['codings', 'review_decisions', 'memos'] as const;

/**
 * m011_sentence_store: turns and sentences in tables of their own, `segments` a view over them.
 *
 * Ingest wrote a full segments row per sentence (12 columns, 3.6 M of the bench project's 4.4 M rows),
 * and writing them was ingest's bottleneck. A sentence now holds only what is its own: its id, its turn
 * and its offsets; source, turn number and participant come from the turn. Ids do not change (a turn's
 * sentences keep turn_id + 1 … turn_id + k, sentence number = id - turn_id), so every coding, decision
 * and memo keeps its segment_id, and the view `segments` gives today's columns to every reader.
 *
 * A view cannot be the parent of a foreign key, so codings, review_decisions and memos are rebuilt
 * without theirs (SQLite's twelve-step table rebuild, inside this migration's transaction) and the
 * cascade is the store's: segmentRangeDeleter (segment-rows.ts) deletes a range's codings, decisions and
 * memos with its turns and sentences, and doctor looks for orphans (health.ts).
 *
 * Choices, measured on this 2-core machine under a load average of 7-12 (CPU = user + sys seconds,
 * /usr/bin/time; three runs each):
 * - Ingest of the whole bench corpus (274 MB, 30,610 files, 4.4 M segments): before (f8cb6be, segments
 *   with m010's two indexes) 27.1 / 28.4 / 27.6 s CPU, 54 / 66 / 59 s wall, 466 MB file; after
 *   21.0 / 20.4 / 21.2 s CPU, 46 / 44 / 39 s wall, 323 MB file (-25% CPU, -31% size; same rows in the view).
 * - sentences is a rowid table keyed by its id. Writing 0.81 M turns and 3.24 M sentences alone:
 *   rowid 2.59-2.68 s CPU, WITHOUT ROWID 2.48-2.62 s (within noise) in a 6% larger file; a rowid table
 *   also keeps the plans SQLite gives integer primary keys (rowid ranges, MERGE of ordered halves).
 * - No index on sentences (turn_id): it costs +18% CPU there (3.06-3.11 s) and 45% more bytes. A turn's
 *   sentences are the ids after it up to the next turn (afterTurnSql in segment-rows.ts): one seek on turns.
 * - Rows per INSERT: 128 sentences / 64 turns is within noise of 32 / 32 (2.50-2.67 s against 2.59-2.68);
 *   what counted was BatchInsert's flush of a source's last rows in 2^k-row statements instead of one
 *   statement per row (3.3-3.8 s before at 32 rows).
 * - Cascade: deleting 500 sources (106 k segments, 24 k codings) of the migrated bench project took
 *   298-336 ms of CPU with range deletes (segmentRangeDeleter), 386-395 ms with AFTER DELETE triggers on
 *   turns and sentences, 587-599 ms with the old foreign keys on segments. Range deletes it is.
 * - This migration on the bench project (4.4 M segments, 1.08 M codings, schema 10 → 11, `telaah
 *   migrate`, its 900 MB backup copy included): 7.0-8.3 s CPU, 18-35 s wall, 110 MB peak RSS. Segments
 *   and its two indexes (233 MB) become turns, sentences and turns_participant (100 MB); the pages freed
 *   stay in the file (1.16 GB, 800 MB in use) for later writes until a VACUUM.
 * - ids are never reused (the search index's staleness relies on it): turns is AUTOINCREMENT and its
 *   sqlite_sequence row holds the high-water mark of both tables (SourceWriter raises it to the last
 *   sentence id of each source it writes); this migration carries over the mark segments had.
 */
export const m011_sentence_store: Migration = {
  name: 'm011_sentence_store',
  up(db) {
    // A project whose schema version was set back (as tests do to stand for an older project) has the
    // layout already; a table an earlier migration made again (m005's memos) loses its reference to segments.
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'segments'").get() !== undefined) {
      for (const table of SEGMENT_CHILDREN) rebuildWithoutSegmentReference(db, table);
      return;
    }
    db.exec(`
      -- One row per turn: the columns a turn row of segments had (sentence was 0, parent_id NULL).
      CREATE TABLE turns (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id       INTEGER NOT NULL,
        turn            INTEGER NOT NULL,
        speaker         TEXT,
        participant_id  INTEGER REFERENCES participants (id) ON DELETE SET NULL,
        role            TEXT CHECK (role IN ('participant', 'interviewer')),
        start           INTEGER NOT NULL,
        end             INTEGER NOT NULL,
        start_ms        INTEGER,
        end_ms          INTEGER
      );
      -- Who speaks where; serves the foreign key's SET NULL when withdraw deletes a participant (sentences
      -- no longer carry participant_id, so only turns are touched). Turns of no participant are left out.
      CREATE INDEX turns_participant ON turns (participant_id) WHERE participant_id IS NOT NULL;

      -- One row per sentence: its id (turn_id + its number), its turn, its offsets in the source text.
      CREATE TABLE sentences (
        id       INTEGER PRIMARY KEY,
        turn_id  INTEGER NOT NULL,
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL
      );

      INSERT INTO turns (id, source_id, turn, speaker, participant_id, role, start, end, start_ms, end_ms)
        SELECT id, source_id, turn, speaker, participant_id, role, start, end, start_ms, end_ms
          FROM segments WHERE sentence = 0 ORDER BY id;
      INSERT INTO sentences (id, turn_id, start, end)
        SELECT id, parent_id, start, end FROM segments WHERE sentence > 0 ORDER BY id;
    `);
    checkSentenceNumbers(db);
    // The high-water mark of segment ids, sentences included, so no id is ever given twice.
    db.exec(`
      UPDATE sqlite_sequence SET seq = max(seq, COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'segments'), 0))
       WHERE name = 'turns';
      INSERT INTO sqlite_sequence (name, seq)
        SELECT 'turns', seq FROM sqlite_sequence WHERE name = 'segments'
         AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'turns');
    `);
    for (const table of SEGMENT_CHILDREN) rebuildWithoutSegmentReference(db, table);
    db.exec(`
      DROP TABLE segments;
      DELETE FROM sqlite_sequence WHERE name = 'segments';

      -- Every segment as the segments table gave it: a turn (sentence 0, parent_id NULL) or a sentence,
      -- which reads source, turn number and participant from its turn (speaker, role and media times
      -- NULL, as before). Hot statements read turns and sentences directly (a join through this
      -- compound view materialises it); the view keeps every other reader as it was.
      CREATE VIEW segments (id, source_id, turn, sentence, parent_id, speaker, participant_id, role, start, end, start_ms, end_ms) AS
        SELECT id, source_id, turn, 0, NULL, speaker, participant_id, role, start, end, start_ms, end_ms FROM turns
        UNION ALL
        SELECT s.id, t.source_id, t.turn, s.id - s.turn_id, s.turn_id, NULL, t.participant_id, NULL, s.start, s.end, NULL, NULL
          FROM sentences s JOIN turns t ON t.id = s.turn_id;
    `);
  },
};

/** Sentence numbers are derived from ids from now on: every stored one must agree. */
function checkSentenceNumbers(db: Database.Database): void {
  const odd = db
    .prepare<[], { id: number }>('SELECT id FROM segments WHERE sentence > 0 AND (parent_id IS NULL OR sentence <> id - parent_id) LIMIT 1')
    .get();
  if (odd) throw new Error(`segment ${odd.id}: its sentence number is not its id minus its turn's; run \`telaah doctor\` on the old project`);
}

/**
 * SQLite's documented rebuild of a table (create the new form, copy, drop, rename, indexes again), here
 * to take out `REFERENCES segments (id) ON DELETE CASCADE`, which a view cannot be the parent of.
 */
function rebuildWithoutSegmentReference(db: Database.Database, table: string): void {
  const sql = db.prepare<[string], string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table);
  if (sql === undefined) throw new Error(`m011: table ${table} is missing`);
  const unreferenced = sql.replace(/\s+REFERENCES\s+"?segments"?\s*\(\s*"?id"?\s*\)(\s+ON\s+DELETE\s+CASCADE)?/i, '');
  if (unreferenced === sql) return;
  const rebuilt = `${table}_m011`;
  const created = unreferenced.replace(/^CREATE TABLE\s+("?)\w+\1/i, `CREATE TABLE ${rebuilt}`);
  const others = db
    .prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL")
    .all(table);
  const columns = db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(table).map((c) => `"${c}"`).join(', ');
  db.exec(created);
  db.exec(`INSERT INTO ${rebuilt} (${columns}) SELECT ${columns} FROM ${table}`);
  // memos is AUTOINCREMENT: its new table goes on from the old one's mark.
  db.prepare('DELETE FROM sqlite_sequence WHERE name = ?').run(rebuilt);
  db.prepare('INSERT INTO sqlite_sequence (name, seq) SELECT ?, seq FROM sqlite_sequence WHERE name = ?').run(rebuilt, table);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${rebuilt} RENAME TO ${table}`);
  for (const other of others) db.exec(other.sql);
}
