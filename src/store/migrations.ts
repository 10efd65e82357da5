import type Database from 'better-sqlite3';

/** One schema step. Shipped migrations are never edited: add a new one instead. */
export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

const m001_initial: Migration = {
  name: 'm001_initial',
  up(db) {
    db.exec(`
      CREATE TABLE participants (
        id          INTEGER PRIMARY KEY,
        pseudonym   TEXT NOT NULL UNIQUE COLLATE NOCASE,
        grp         TEXT,
        attributes  TEXT NOT NULL DEFAULT '{}',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      );

      CREATE TABLE sources (
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
        added_at    TEXT NOT NULL
      );
      CREATE INDEX sources_sha256 ON sources (sha256);

      -- A segment is a turn (sentence = 0) or a sentence of a turn (sentence >= 1). Its text is not
      -- stored twice: it is the slice [start, end) of the source text, in code points.
      CREATE TABLE segments (
        id              INTEGER PRIMARY KEY,
        source_id       INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        turn            INTEGER NOT NULL,
        sentence        INTEGER NOT NULL,
        parent_id       INTEGER REFERENCES segments (id) ON DELETE CASCADE,
        speaker         TEXT,
        participant_id  INTEGER REFERENCES participants (id) ON DELETE SET NULL,
        role            TEXT CHECK (role IN ('participant', 'interviewer')),
        start           INTEGER NOT NULL,
        end             INTEGER NOT NULL,
        start_ms        INTEGER,
        end_ms          INTEGER,
        UNIQUE (source_id, turn, sentence)
      );
      CREATE INDEX segments_participant ON segments (participant_id);
      CREATE INDEX segments_parent ON segments (parent_id);

      CREATE TABLE audit (
        id         INTEGER PRIMARY KEY,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        command    TEXT NOT NULL,
        arguments  TEXT NOT NULL,
        counts     TEXT NOT NULL DEFAULT '{}'
      );
    `);
  },
};

/** Every migration, in the order they are applied; the schema version is the list's length. */
export const migrations: readonly Migration[] = [m001_initial];
