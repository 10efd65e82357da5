import type { Db } from './open.js';

/**
 * The first telaah (474a311) shipped m001_initial with a layout the next commit changed in place: sources
 * without turns or a segment id range, segments without AUTOINCREMENT, with a source_id foreign key, a
 * UNIQUE (source_id, turn, sentence) and speaker, role and media times copied onto every sentence. A
 * project written then says schema 1 like any other, but m006 indexes sources.first_segment and every
 * reader finds a source's segments by that range. This rebuilds such a project into the layout m001 has
 * now, keeping every row, so the later migrations and readers see what they expect. Schema 1 had no
 * codings, memos or review decisions, so nothing else points at a segment id and they may be renumbered.
 */
export function repairEarlyLayout(db: Db): void {
  if (!hasEarlyLayout(db)) return;
  db.exec(`
    CREATE TABLE segments_now (
      id              INTEGER PRIMARY KEY AUTOINCREMENT,
      source_id       INTEGER NOT NULL,
      turn            INTEGER NOT NULL,
      sentence        INTEGER NOT NULL,
      parent_id       INTEGER,
      speaker         TEXT,
      participant_id  INTEGER REFERENCES participants (id) ON DELETE SET NULL,
      role            TEXT CHECK (role IN ('participant', 'interviewer')),
      start           INTEGER NOT NULL,
      end             INTEGER NOT NULL,
      start_ms        INTEGER,
      end_ms          INTEGER
    );
    -- New ids in the old order taken source by source, so each source's segments are contiguous; each
    -- turn keeps its sentences right after it, as ingest writes them.
    CREATE TEMP TABLE segment_ids AS
      SELECT id AS old, ROW_NUMBER() OVER (ORDER BY source_id, turn, sentence, id) AS new FROM segments;
    CREATE UNIQUE INDEX temp.segment_ids_old ON segment_ids (old);
    INSERT INTO segments_now (id, source_id, turn, sentence, parent_id, speaker, participant_id, role, start, end, start_ms, end_ms)
      SELECT n.new, s.source_id, s.turn, s.sentence, p.new,
             CASE WHEN s.sentence = 0 THEN s.speaker END, s.participant_id,
             CASE WHEN s.sentence = 0 THEN s.role END, s.start, s.end,
             CASE WHEN s.sentence = 0 THEN s.start_ms END, CASE WHEN s.sentence = 0 THEN s.end_ms END
        FROM segments s JOIN segment_ids n ON n.old = s.id LEFT JOIN segment_ids p ON p.old = s.parent_id
       ORDER BY n.new;

    CREATE TABLE sources_now (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL UNIQUE,
      type        TEXT NOT NULL CHECK (type IN ('interview', 'fgd', 'observation', 'document')),
      file        TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      encoding    TEXT NOT NULL,
      text        TEXT NOT NULL,
      language    TEXT,
      date        TEXT,
      site        TEXT,
      attributes  TEXT NOT NULL DEFAULT '{}',
      words       INTEGER NOT NULL,
      turns       INTEGER NOT NULL,
      first_segment INTEGER NOT NULL,
      last_segment  INTEGER NOT NULL,
      added_at    TEXT NOT NULL
    );
    -- A source without segments gets an empty range after the last id, as ingest gives it.
    INSERT INTO sources_now (id, name, type, file, sha256, encoding, text, language, date, site, attributes, words, turns, first_segment, last_segment, added_at)
      SELECT o.id, o.name, o.type, o.file, o.sha256, o.encoding, o.text, o.language, o.date, o.site, o.attributes, o.words,
             (SELECT COUNT(*) FROM segments_now g WHERE g.source_id = o.id AND g.sentence = 0),
             COALESCE((SELECT MIN(id) FROM segments_now g WHERE g.source_id = o.id), (SELECT COALESCE(MAX(id), 0) + 1 FROM segments_now)),
             COALESCE((SELECT MAX(id) FROM segments_now g WHERE g.source_id = o.id), (SELECT COALESCE(MAX(id), 0) FROM segments_now)),
             o.added_at
        FROM sources o;

    -- The child table first: dropping sources while the old segments still reference it would cascade.
    DROP TABLE segments;
    DROP TABLE sources;
    DROP TABLE temp.segment_ids;
    ALTER TABLE segments_now RENAME TO segments;
    ALTER TABLE sources_now RENAME TO sources;
    CREATE INDEX sources_sha256 ON sources (sha256);
    CREATE INDEX segments_participant_turns ON segments (participant_id) WHERE sentence = 0;
  `);
}

/** Schema 1 as the first commit wrote it: sources without a segment id range. */
function hasEarlyLayout(db: Db): boolean {
  if ((db.pragma('user_version', { simple: true }) as number) < 1) return false;
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('sources')").all();
  return columns.length > 0 && !columns.some((c) => c.name === 'first_segment');
}
