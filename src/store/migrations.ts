import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { m011_sentence_store } from './sentence-store-migration.js';

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
        turns       INTEGER NOT NULL,
        -- The source's segments occupy the id range [first_segment, last_segment]; see segments.
        first_segment INTEGER NOT NULL,
        last_segment  INTEGER NOT NULL,
        added_at    TEXT NOT NULL
      );
      CREATE INDEX sources_sha256 ON sources (sha256);

      -- A segment is a turn (sentence = 0) or a sentence of a turn (sentence >= 1). Its text is not
      -- stored twice: it is the slice [start, end) of the source text, in code points. Speaker, role and
      -- media times belong to the turn; a sentence row leaves them NULL and reads them via parent_id.
      -- Ingest writes millions of these rows and every index costs on each one, so a source's segments
      -- take a contiguous id range (recorded on the source) instead of an index on source_id, and the
      -- store deletes them by that range (hence no foreign key to sources: it would scan the table).
      -- AUTOINCREMENT: ids are never reused, so a coding can never point at a later source's segment.
      CREATE TABLE segments (
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
      CREATE INDEX segments_participant_turns ON segments (participant_id) WHERE sentence = 0;

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

const m002_coding: Migration = {
  name: 'm002_coding',
  up(db) {
    db.exec(`
      -- Every codebook version the project has used: the YAML as it was, so codings stay explainable.
      CREATE TABLE codebooks (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL,
        version   TEXT NOT NULL,
        file      TEXT NOT NULL,
        sha256    TEXT NOT NULL UNIQUE,
        yaml      TEXT NOT NULL,
        added_at  TEXT NOT NULL
      );

      CREATE TABLE codes (
        codebook_id  INTEGER NOT NULL REFERENCES codebooks (id) ON DELETE CASCADE,
        id           TEXT NOT NULL,
        parent       TEXT,
        label        TEXT NOT NULL,
        definition   TEXT NOT NULL,
        position     INTEGER NOT NULL,
        PRIMARY KEY (codebook_id, id)
      ) WITHOUT ROWID;

      -- start/end: the evidence, in code points of the source text (inside the segment).
      CREATE TABLE codings (
        id           INTEGER PRIMARY KEY,
        segment_id   INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
        code         TEXT NOT NULL,
        coder        TEXT NOT NULL,
        origin       TEXT NOT NULL CHECK (origin IN ('auto', 'manual', 'suggested', 'accepted', 'imported')),
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL,
        codebook_id  INTEGER REFERENCES codebooks (id),
        confidence   REAL,
        memo         TEXT,
        created_at   TEXT NOT NULL,
        UNIQUE (segment_id, code, coder)
      );
      CREATE INDEX codings_code ON codings (code);
    `);
  },
};

const m003_review: Migration = {
  name: 'm003_review',
  up(db) {
    db.exec(`
      -- What a reviewer decided about a proposed (auto or suggested) coding, so telaah review does not
      -- ask again: accepted (the reviewer's own 'accepted' coding holds the code), rejected, or, with
      -- code '', none (a unit without codings that the reviewer judged to need no code).
      CREATE TABLE review_decisions (
        segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
        code        TEXT NOT NULL,
        coder       TEXT NOT NULL,
        decision    TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'none')),
        decided_at  TEXT NOT NULL,
        PRIMARY KEY (segment_id, code, coder)
      ) WITHOUT ROWID;
      CREATE INDEX review_decisions_coder ON review_decisions (coder);
    `);
  },
};

const m004_current_codebook: Migration = {
  name: 'm004_current_codebook',
  up(db) {
    db.exec(`
      -- The project's current codebook: one of the stored versions, chosen by \`telaah codebook use\`.
      -- Commands read the codebook from here (its stored YAML), never from the file, so editing the file
      -- changes nothing until it is applied again. At most one row (only = 1).
      CREATE TABLE current_codebook (
        only         INTEGER PRIMARY KEY CHECK (only = 1),
        codebook_id  INTEGER NOT NULL REFERENCES codebooks (id),
        since        TEXT NOT NULL
      );
    `);
  },
};

const m005_memos: Migration = {
  name: 'm005_memos',
  up(db) {
    db.exec(`
      -- A researcher's memo on the project, a source, a segment, a code or a participant. Sources, segments
      -- and participants are held by id, so a memo follows \`sources rename\` and goes with \`sources
      -- remove\` (ingest --replace carries segment memos to the unchanged sentence, see human-work.ts);
      -- a code by its id, which \`code rename\`/\`code merge\` move. Exactly the target's column is set.
      -- AUTOINCREMENT: "memo 12" in the audit trail names one memo forever.
      CREATE TABLE memos (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        target          TEXT NOT NULL CHECK (target IN ('project', 'source', 'segment', 'code', 'participant')),
        source_id       INTEGER REFERENCES sources (id) ON DELETE CASCADE,
        segment_id      INTEGER REFERENCES segments (id) ON DELETE CASCADE,
        code            TEXT,
        participant_id  INTEGER REFERENCES participants (id) ON DELETE CASCADE,
        author          TEXT NOT NULL,
        text            TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        CHECK ((source_id IS NOT NULL) = (target = 'source') AND (segment_id IS NOT NULL) = (target = 'segment')
           AND (code IS NOT NULL) = (target = 'code') AND (participant_id IS NOT NULL) = (target = 'participant'))
      );
      -- Deleting segments or a source looks up their memos: without these, each deleted row would scan.
      CREATE INDEX memos_source ON memos (source_id);
      CREATE INDEX memos_segment ON memos (segment_id);
      CREATE INDEX memos_code ON memos (code);
      CREATE INDEX memos_participant ON memos (participant_id);

      -- \`telaah log --since\` over a long history.
      CREATE INDEX audit_at ON audit (at);
    `);
  },
};

const m006_search: Migration = {
  name: 'm006_search',
  up(db) {
    // IF NOT EXISTS: a project whose schema version was set back (as tests do to stand for an older
    // project) runs this again over its own tables.
    db.exec(`
      -- The word index of \`telaah search\`: one row per sentence, and per turn that has no sentences, with
      -- rowid = the segment's id. Per word, \`words\` holds its surface form folded (lower case, no
      -- diacritics), \`stems_id\` and \`stems_en\` its Indonesian and English stems (search-keys.ts). The keys
      -- are computed in JS, with the auto-coder's tokenizer and stemmers, and written one per word separated
      -- by spaces; the ascii tokenizer keeps in a token, besides letters and digits, every character a key
      -- holds (' - . , and all non-ASCII), so FTS5 positions are telaah's words and a phrase is adjacent words.
      -- Contentless (content=''): the text is already stored once, in sources.text, and a segment's text is
      -- a code-point slice of it, so an external-content table would need a view that slices every row it
      -- reads, and the stems cannot come from SQL at all. Only the index is kept; the text shown comes from
      -- the sources. contentless_delete=1 lets a source's rows be deleted by rowid when it goes.
      CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
        words, stems_id, stems_en,
        content = '', contentless_delete = 1,
        tokenize = "ascii tokenchars '-''.,'"
      );

      -- Which sources the index holds, as they were when indexed: a source replaced by ingest --replace gets
      -- new segments (ids are never reused), so a row whose first_segment or sha256 differs is stale.
      -- units: the index rows the source has.
      CREATE TABLE IF NOT EXISTS search_sources (
        source_id      INTEGER PRIMARY KEY,
        sha256         TEXT NOT NULL,
        first_segment  INTEGER NOT NULL,
        last_segment   INTEGER NOT NULL,
        units          INTEGER NOT NULL
      );

      -- Each source's segment range and identity without reading its row: a row holds the source's text
      -- before these columns, so reading them from the table reads every text (200 MB in a big project).
      CREATE INDEX IF NOT EXISTS sources_segment_ranges ON sources (first_segment, last_segment, sha256, name, type);

      -- A source that goes (sources remove, ingest --replace, any later deletion) takes its index rows with
      -- it in the same transaction, so no word of it stays searchable or stored in the index. (The bounds
      -- are integer columns here: FTS5 ignores a rowid bound bound as a REAL, as JS numbers are, and then
      -- scans the whole index.)
      CREATE TRIGGER IF NOT EXISTS sources_forget_search AFTER DELETE ON sources BEGIN
        DELETE FROM search_sources WHERE source_id = old.id;
      END;
      CREATE TRIGGER IF NOT EXISTS search_sources_forget AFTER DELETE ON search_sources BEGIN
        DELETE FROM search_index WHERE rowid BETWEEN old.first_segment AND old.last_segment;
      END;
    `);
  },
};

const m007_source_overview: Migration = {
  name: 'm007_source_overview',
  up(db) {
    db.exec(`
      -- Each source's type, turns and words without reading its row (which holds the text before them):
      -- \`telaah stats\` and the report's overview read these for every source. type comes last: led by
      -- type, the index would tempt the planner into \`WHERE type = ?\` lookups that go on to the rows.
      CREATE INDEX IF NOT EXISTS sources_overview ON sources (turns, words, type);
    `);
  },
};

const m008_interop: Migration = {
  name: 'm008_interop',
  up(db) {
    // IF NOT EXISTS / OR IGNORE: a project whose schema version was set back keeps its namespace.
    db.exec(`
      -- The project's own UUID namespace for REFI-QDA exports: every GUID of an export (code, source,
      -- coding, memo, …) is a UUID v5 of this namespace and the thing's stable id, so exporting the same
      -- project again gives the same GUIDs, and two projects never share one. Drawn once, at random, when
      -- the project first reaches this schema; a copy of the project (a backup) keeps it. At most one row.
      CREATE TABLE IF NOT EXISTS interop (
        only       INTEGER PRIMARY KEY CHECK (only = 1),
        namespace  TEXT NOT NULL
      );
    `);
    db.prepare('INSERT OR IGNORE INTO interop (only, namespace) VALUES (1, ?)').run(randomUUID());
  },
};

const m009_withdrawals: Migration = {
  name: 'm009_withdrawals',
  up(db) {
    db.exec(`
      -- Participants who withdrew (\`telaah withdraw\`): their pseudonym, when, and how much went (counts as
      -- JSON, like audit.counts), never their words. Ingest reads the pseudonyms to leave their turns out
      -- when a file of theirs is read again (unless --include-withdrawn). A pseudonym may come back: a
      -- participant imported again and withdrawn again has a second row.
      CREATE TABLE IF NOT EXISTS withdrawals (
        id            INTEGER PRIMARY KEY,
        pseudonym     TEXT NOT NULL COLLATE NOCASE,
        withdrawn_at  TEXT NOT NULL,
        counts        TEXT NOT NULL DEFAULT '{}'
      );
    `);
  },
};

const m010_segment_indexes: Migration = {
  name: 'm010_segment_indexes',
  up(db) {
    // Only a project whose schema version was set back past m011 (as tests do) meets segments as a view;
    // m011's own index serves it there. (The one change to this migration after it shipped: a no-op for
    // every project upgraded in order.)
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = 'segments'").get() !== undefined) return;
    // On the bench project (200 MB corpus, 4.4 M segments, 3.2 M with a participant) the two CREATE INDEX
    // take 1.1 s and 0.7 s of CPU with the file cached (3 s and 1.5 s cold, on the busy 2-core machine)
    // and add ~75 MB to a 920 MB file: under a second per million segments, growing as n log n; nothing
    // else is rewritten. `telaah migrate` there took 4.8 s wall in all, its backup copy included.
    db.exec(`
      -- Who speaks where, for every segment of theirs. Deleting a participant (withdraw) sets
      -- segments.participant_id to NULL on their turns AND sentences (sentences carry it too): the partial
      -- index on turns could not serve that, so SQLite scanned every segment (0.7 s of CPU per participant
      -- on 4.4 M segments). Led by participant_id, this one serves the foreign key; with sentence next it
      -- still finds a participant's turns (participant_id = ? AND sentence = 0) without reading sentences.
      -- Segments of no participant (interviewers, unmatched speakers, notes) are left out: every lookup
      -- names a participant, which SQLite knows implies NOT NULL, so they would only cost ingest.
      CREATE INDEX IF NOT EXISTS segments_participant ON segments (participant_id, sentence) WHERE participant_id IS NOT NULL;
      DROP INDEX IF EXISTS segments_participant_turns;

      -- A turn's sentences by their turn (turns, parent_id NULL, are left out). Ingest writes sentences in
      -- id order, so parent_id only grows and each insert appends to this index.
      CREATE INDEX IF NOT EXISTS segments_parent ON segments (parent_id) WHERE parent_id IS NOT NULL;
    `);
  },
};

/** Every migration, in the order they are applied; the schema version is the list's length. */
export const migrations: readonly Migration[] = [
  m001_initial,
  m002_coding,
  m003_review,
  m004_current_codebook,
  m005_memos,
  m006_search,
  m007_source_overview,
  m008_interop,
  m009_withdrawals,
  m010_segment_indexes,
  m011_sentence_store,
];
