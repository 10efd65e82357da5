// `node bench/sentence-layouts.js [corpus] [layout…]`: how fast each way of storing sentences can be written,
// apart from parsing. Every file of the corpus is parsed as ingest parses it (untimed), then its source row,
// turns and sentences are written (timed) in one of these layouts, in a fresh database per layout, with
// ingest's pragmas and commit rhythm. Prints JSON: per layout, write seconds, MB/s of corpus, rows, file size.
//   rows    – schema 10: a full `segments` row per turn and per sentence, with m010's two indexes
//   lean    – schema 11: turns as today, sentences in their own table (id, turn_id, start, end)
//   keyed   – sentences in a WITHOUT ROWID table keyed by (turn_id, sentence), holding only offsets
//   packed  – sentence bounds packed into the turn row as a blob of 32-bit integers
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { collectInputFiles } from '../dist/io/collect-files.js';
import { readSourceFile } from '../dist/io/read-source-file.js';
import { prepareSource } from '../dist/core/transcript/prepare-source.js';
import { buildSource } from '../dist/core/transcript/build-source.js';
import { compileSpeakerResolver } from '../dist/core/transcript/speakers.js';
import { BatchInsert } from '../dist/store/batch-insert.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = process.argv[2] ?? join(root, 'bench', 'out', 'corpus');
const chosen = process.argv.slice(3);
const out = join(root, 'bench', 'out');

const TURN_COLUMNS = 'source_id INTEGER NOT NULL, turn INTEGER NOT NULL, speaker TEXT, participant_id INTEGER, role TEXT, start INTEGER NOT NULL, end INTEGER NOT NULL, start_ms INTEGER, end_ms INTEGER';
const SOURCES = 'CREATE TABLE sources (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, text TEXT NOT NULL, first_segment INTEGER, last_segment INTEGER)';

const layouts = {
  rows: {
    schema: `${SOURCES};
      CREATE TABLE segments (id INTEGER PRIMARY KEY AUTOINCREMENT, source_id INTEGER NOT NULL, turn INTEGER NOT NULL, sentence INTEGER NOT NULL, parent_id INTEGER,
        speaker TEXT, participant_id INTEGER, role TEXT, start INTEGER NOT NULL, end INTEGER NOT NULL, start_ms INTEGER, end_ms INTEGER);
      CREATE INDEX segments_participant ON segments (participant_id, sentence) WHERE participant_id IS NOT NULL;
      CREATE INDEX segments_parent ON segments (parent_id) WHERE parent_id IS NOT NULL;`,
    writers(db) {
      const turns = new BatchInsert(db, 'segments', ['id', 'source_id', 'turn', 'sentence', 'speaker', 'participant_id', 'role', 'start', 'end', 'start_ms', 'end_ms']);
      const sentences = new BatchInsert(db, 'segments', ['id', 'source_id', 'turn', 'sentence', 'parent_id', 'participant_id', 'start', 'end']);
      return {
        turn(id, sourceId, t, participantId) {
          turns.add(id, sourceId, t.index, 0, t.speaker, participantId, t.role, t.start, t.end, t.startMs, t.endMs);
          for (const s of t.sentences) sentences.add(id + s.index, sourceId, t.index, s.index, id, participantId, s.start, s.end);
        },
        flush: () => (turns.flush(), sentences.flush()),
      };
    },
  },
  lean: {
    schema: `${SOURCES};
      CREATE TABLE turns (id INTEGER PRIMARY KEY, ${TURN_COLUMNS});
      CREATE INDEX turns_participant ON turns (participant_id) WHERE participant_id IS NOT NULL;
      CREATE TABLE sentences (id INTEGER PRIMARY KEY, turn_id INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL);`,
    writers(db) {
      const turns = new BatchInsert(db, 'turns', ['id', 'source_id', 'turn', 'speaker', 'participant_id', 'role', 'start', 'end', 'start_ms', 'end_ms']);
      const sentences = new BatchInsert(db, 'sentences', ['id', 'turn_id', 'start', 'end']);
      return {
        turn(id, sourceId, t, participantId) {
          turns.add(id, sourceId, t.index, t.speaker, participantId, t.role, t.start, t.end, t.startMs, t.endMs);
          for (const s of t.sentences) sentences.add(id + s.index, id, s.start, s.end);
        },
        flush: () => (turns.flush(), sentences.flush()),
      };
    },
  },
  keyed: {
    schema: `${SOURCES};
      CREATE TABLE turns (id INTEGER PRIMARY KEY, ${TURN_COLUMNS});
      CREATE INDEX turns_participant ON turns (participant_id) WHERE participant_id IS NOT NULL;
      CREATE TABLE sentences (turn_id INTEGER NOT NULL, sentence INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY (turn_id, sentence)) WITHOUT ROWID;`,
    writers(db) {
      const turns = new BatchInsert(db, 'turns', ['id', 'source_id', 'turn', 'speaker', 'participant_id', 'role', 'start', 'end', 'start_ms', 'end_ms']);
      const sentences = new BatchInsert(db, 'sentences', ['turn_id', 'sentence', 'start', 'end']);
      return {
        turn(id, sourceId, t, participantId) {
          turns.add(id, sourceId, t.index, t.speaker, participantId, t.role, t.start, t.end, t.startMs, t.endMs);
          for (const s of t.sentences) sentences.add(id, s.index, s.start, s.end);
        },
        flush: () => (turns.flush(), sentences.flush()),
      };
    },
  },
  packed: {
    schema: `${SOURCES};
      CREATE TABLE turns (id INTEGER PRIMARY KEY, ${TURN_COLUMNS}, sentence_bounds BLOB);
      CREATE INDEX turns_participant ON turns (participant_id) WHERE participant_id IS NOT NULL;`,
    writers(db) {
      const turns = new BatchInsert(db, 'turns', ['id', 'source_id', 'turn', 'speaker', 'participant_id', 'role', 'start', 'end', 'start_ms', 'end_ms', 'sentence_bounds']);
      return {
        turn(id, sourceId, t, participantId) {
          const bounds = new Int32Array(t.sentences.length * 2);
          t.sentences.forEach((s, i) => ((bounds[2 * i] = s.start), (bounds[2 * i + 1] = s.end)));
          turns.add(id, sourceId, t.index, t.speaker, participantId, t.role, t.start, t.end, t.startMs, t.endMs, Buffer.from(bounds.buffer));
        },
        flush: () => turns.flush(),
      };
    },
  },
};

const files = collectInputFiles([corpus], process.cwd());
const bytes = files.reduce((n, f) => n + statSync(f.path).size, 0);
const resolveSpeaker = compileSpeakerResolver({ interviewerLabels: ['Pewawancara', 'Interviewer', 'P', 'I'], speakerMap: new Map(), pseudonyms: [] });
// Participant ids stand in for the real ones: every fourth speaker label is someone, as in the corpus.
const participantIds = new Map();

const results = {};
for (const name of chosen.length ? chosen : Object.keys(layouts)) results[name] = await measure(name, layouts[name]);
process.stdout.write(`${JSON.stringify({ corpus: { files: files.length, megabytes: round(bytes / 2 ** 20) }, layouts: results }, null, 2)}\n`);

async function measure(name, layout) {
  const path = join(out, `layout-${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(layout.schema);
  const insertSource = db.prepare('INSERT INTO sources (id, name, text, first_segment, last_segment) VALUES (?, ?, ?, ?, ?)');
  const writer = layout.writers(db);
  let writeNs = 0n;
  // CPU time too: on a shared machine wall time says more about the neighbours than the layout.
  let writeCpuUs = 0;
  let opened = process.hrtime.bigint();
  let nextId = 1;
  let turns = 0;
  let sentences = 0;
  db.exec('BEGIN IMMEDIATE');
  for (const [index, file] of files.entries()) {
    const built = await parse(file);
    if (built === undefined || built.turns.length === 0) continue;
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    const first = nextId;
    const count = built.turns.reduce((n, t) => n + 1 + t.sentences.length, 0);
    insertSource.run(index + 1, file.display, built.text, first, first + count - 1);
    for (const t of built.turns) {
      const participantId = t.speaker === null ? null : participantIdOf(t.speaker);
      writer.turn(nextId, index + 1, t, participantId);
      nextId += 1 + t.sentences.length;
      turns += 1;
      sentences += t.sentences.length;
    }
    writer.flush();
    const now = process.hrtime.bigint();
    // Ingest commits every 250 ms of open transaction; the same rhythm here, counted as writing.
    if (now - opened > 250_000_000n) {
      db.exec('COMMIT');
      db.exec('BEGIN IMMEDIATE');
      opened = process.hrtime.bigint();
    }
    writeNs += process.hrtime.bigint() - started;
    writeCpuUs += cpuSince(cpuStarted);
  }
  const started = process.hrtime.bigint();
  const cpuStarted = process.cpuUsage();
  db.exec('COMMIT');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  writeNs += process.hrtime.bigint() - started;
  writeCpuUs += cpuSince(cpuStarted);
  const seconds = Number(writeNs) / 1e9;
  const cpuSeconds = writeCpuUs / 1e6;
  return {
    writeSeconds: round(seconds),
    megabytesPerSecond: round(bytes / 2 ** 20 / seconds),
    writeCpuSeconds: round(cpuSeconds),
    megabytesPerCpuSecond: round(bytes / 2 ** 20 / cpuSeconds),
    turns,
    sentences,
    fileMb: round(statSync(path).size / 2 ** 20),
  };
}

/** A file laid out as ingest lays it out, or undefined for one ingest would refuse (they fail there too). */
async function parse(file) {
  try {
    const read = await readSourceFile(file, readFileSync(file.path), { strict: false, knownSpeakers: [], columns: {} });
    return read.type === undefined ? undefined : buildSource(prepareSource(read.draft, { resolveSpeaker }).turns);
  } catch {
    return undefined;
  }
}

function cpuSince(start) {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function participantIdOf(speaker) {
  let id = participantIds.get(speaker);
  if (id === undefined) participantIds.set(speaker, (id = participantIds.size % 4 === 0 ? participantIds.size + 1 : null));
  return id;
}

function round(x) {
  return Math.round(x * 100) / 100;
}
