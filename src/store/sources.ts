import type { SourceInfo, SourceSummary, Turn } from '../core/model.js';
import type { BuiltSource } from '../core/transcript/build-source.js';
import { packSource, ROLES, TURN_FIELD, TURN_INTS, unpackTurns, type PackedSource } from '../core/transcript/packed-source.js';
import type { SourceType } from '../core/transcript/types.js';
import { layoutSegments } from '../core/transcript/reanchor.js';
import { BatchInsert } from './batch-insert.js';
import { highWaterMarkReader, segmentRangeDeleter } from './segment-rows.js';
import { readHumanWork, restoreHumanWork, type CarryReport } from './human-work.js';
import { renameInAudit } from './source-edits.js';
import type { Db } from './open.js';
import { TransactionGroup } from './transaction-group.js';

/** A stored source with its canonical text and turns. */
export interface StoredSource extends SourceInfo {
  id: number;
  text: string;
  addedAt: string;
  turns: Turn[];
}

/** Rows per INSERT statement (128 / 64 against 32 / 32: within noise; see m011_sentence_store). */
const TURN_BATCH = 64;
const SENTENCE_BATCH = 128;

interface SourceRow {
  id: number;
  name: string;
  type: SourceType;
  file: string;
  sha256: string;
  encoding: string;
  text: string;
  language: string | null;
  date: string | null;
  site: string | null;
  attributes: string;
  words: number;
  first_segment: number;
  last_segment: number;
  added_at: string;
}

interface TurnRow {
  id: number;
  turn: number;
  speaker: string | null;
  pseudonym: string | null;
  role: 'participant' | 'interviewer' | null;
  start: number;
  end: number;
  start_ms: number | null;
  end_ms: number | null;
}


/** A stored source as ingest finds it again: by the file it came from. */
export interface CatalogueEntry {
  name: string;
  file: string;
  sha256: string;
}

/**
 * Writes sources for one ingest run. Files are grouped into larger transactions (`begin` … `commit`) so
 * that commits do not dominate. A file is parsed whole before it is written, so only SQLite itself (a full
 * disk, an I/O error) can fail a new source's write: then the whole group is rolled back and the error
 * thrown, so every file still lands whole or not at all. A savepoint per file cost more than the file's
 * rows (its sub-journal copied the pages of every table's and index's right edge again, per file), and
 * without one the rows of consecutive sources share batches, written when the group commits.
 * A replaced source, whose human work moves along, is still written inside its own savepoint.
 */
export class SourceWriter extends TransactionGroup {
  private readonly insertSource;
  private readonly turns: BatchInsert;
  private readonly sentences: BatchInsert;
  private readonly rangeByName;
  private readonly deleteSegments;
  private readonly deleteSource;
  private readonly writeSource;
  /** Names of the stored sources by the hash of their file, in id order (as the SQL lookup it replaced gave the first). */
  private readonly bySha = new Map<string, Set<string>>();
  private readonly raiseHighWaterMark;
  private readonly highWaterMark: () => number;
  /** Every source by stored file and by name, read once: ingest asks for each file, and there is no index on `file`. */
  private readonly byFile = new Map<string, CatalogueEntry>();
  private readonly entries = new Map<string, CatalogueEntry>();
  /** The last segment id given to a source whose rows still wait in the batches (see flushRows). */
  private pendingMark: number | undefined;
  constructor(db: Db) {
    super(db);
    // SQLite's statement journals (a multi-row INSERT may abort halfway: a foreign key) and a replaced
    // source's savepoint journal stay in memory: as temp files they were most of ingest's writes.
    db.pragma('temp_store = MEMORY');
    this.insertSource = db.prepare(
      `INSERT INTO sources (name, type, file, sha256, encoding, text, language, date, site, attributes, words, turns, first_segment, last_segment, added_at)
       VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // Turns and sentences go to their own tables (m011): a sentence row is its id, its turn and offsets.
    this.turns = new BatchInsert(db, 'turns', ['id', 'source_id', 'turn', 'speaker', 'participant_id', 'role', 'start', 'end', 'start_ms', 'end_ms'], TURN_BATCH);
    this.sentences = new BatchInsert(db, 'sentences', ['id', 'turn_id', 'start', 'end'], SENTENCE_BATCH);
    this.rangeByName = db.prepare<[string], { id: number; first_segment: number; last_segment: number }>(
      'SELECT id, first_segment, last_segment FROM sources WHERE name = ?',
    );
    this.deleteSegments = segmentRangeDeleter(db);
    // Prepared once: preparing it per source cost 0.7 s of the 200 MB bench ingest's storing thread.
    this.highWaterMark = highWaterMarkReader(db);
    this.raiseHighWaterMark = db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'turns' AND seq < ?");
    this.deleteSource = db.prepare('DELETE FROM sources WHERE id = ?');
    this.writeSource = db.transaction(
      (info: SourceInfo, built: PackedSource, participantIds: ReadonlyMap<string, number>, addedAt: string, replacing: string | undefined, utf8Text?: Buffer): { sourceId: number; carried?: CarryReport } => {
        const old = replacing === undefined ? undefined : this.rangeByName.get(replacing);
        // Human work is read before the old segments go (their codings, decisions and memos are deleted
        // with them) and written back after the new ones are in, all inside this file's savepoint.
        const work = old ? readHumanWork(db, old) : undefined;
        if (old) this.deleteRange(old);
        // Ingest renames a source only to take a real name out of it: the audit trail must not keep it.
        if (old && replacing !== info.name) renameInAudit(db, replacing!, info.name);
        const { sourceId, firstSegment } = this.insertNew(info, built, participantIds, addedAt, utf8Text);
        this.writeRows();
        if (!work) return { sourceId };
        return { sourceId, carried: restoreHumanWork(db, work, { text: built.text, segments: layoutSegments(unpackTurns(built)) }, firstSegment, sourceId) };
      },
    );
    for (const entry of db.prepare<[], CatalogueEntry>('SELECT name, file, sha256 FROM sources ORDER BY id').iterate()) this.remember(entry);
  }

  /** The name of a source whose original bytes had this hash, if any. */
  nameWithSha(sha256: string): string | undefined {
    const names = this.bySha.get(sha256);
    return names === undefined ? undefined : names.values().next().value;
  }

  /** The source stored from the first of these file paths that has one. */
  findByFile(paths: readonly string[]): CatalogueEntry | undefined {
    for (const path of paths) {
      const entry = this.byFile.get(path);
      if (entry) return entry;
    }
    return undefined;
  }

  /** Every source of the project as it stands. */
  catalogue(): Iterable<CatalogueEntry> {
    return this.entries.values();
  }

  /** The source with this name, if any. */
  findByName(name: string): CatalogueEntry | undefined {
    return this.entries.get(name);
  }

  /**
   * Writes a source and all its segments, replacing a source of the same name when `replace` is set
   * (see `replace`). Participant ids come from `participantIds` (pseudonym → id). A new source's text may
   * come as `utf8Text`, its UTF-8 bytes, stored as they are (built.text is not read then). Returns the new source id.
   */
  write(info: SourceInfo, built: BuiltSource | PackedSource, participantIds: ReadonlyMap<string, number>, addedAt: string, replace: boolean, utf8Text?: Buffer): number {
    if (replace && this.entries.has(info.name)) return this.replace(info.name, info, utf8Text ? { ...packed(built), text: utf8Text.toString('utf8') } : built, participantIds, addedAt).sourceId;
    const sourceId = this.grouped
      ? this.orRollBack(() => this.insertNew(info, packed(built), participantIds, addedAt, utf8Text).sourceId)
      : this.writeSource.immediate(info, packed(built), participantIds, addedAt, undefined, utf8Text).sourceId;
    this.remember(info);
    return sourceId;
  }

  /**
   * Replaces the source named `oldName` (the new one may be named differently). Human codings and
   * review decisions move to the new segments whose text is unchanged; the report says what moved and
   * what could not. A failure leaves the old source and its codings as they were.
   */
  replace(oldName: string, info: SourceInfo, built: BuiltSource | PackedSource, participantIds: ReadonlyMap<string, number>, addedAt: string): { sourceId: number; carried: CarryReport } {
    // Rows still waiting go in before the savepoint: its rollback must not take them along.
    this.flushRows();
    // Inside an open group, better-sqlite3 runs the transaction function as a savepoint.
    const { sourceId, carried } = this.writeSource.immediate(info, packed(built), participantIds, addedAt, oldName);
    this.forget(oldName);
    this.remember(info);
    return { sourceId, carried: carried ?? { keptCodings: 0, keptDecisions: 0, keptMemos: 0, notKept: [], removedProposals: 0 } };
  }

  /** A stored source with its text and turns (rows still waiting in the batches written first). */
  load(name: string): StoredSource | undefined {
    this.flushRows();
    return loadSource(this.db, name);
  }

  /** Writes the rows waiting in the batches, then commits the group. */
  override commit(): void {
    this.flushRows();
    super.commit();
  }

  /** Abandons the open group and the rows waiting in the batches. */
  override rollback(): void {
    this.turns.clear();
    this.sentences.clear();
    this.pendingMark = undefined;
    super.rollback();
  }

  /**
   * Inserts a source row and queues its segments' rows; its ids follow the last ones given. The text is
   * bound as UTF-8 bytes when given so (the column's type is TEXT all the same: see the CAST).
   */
  private insertNew(info: SourceInfo, built: PackedSource, participantIds: ReadonlyMap<string, number>, addedAt: string, utf8Text?: Buffer): { sourceId: number; firstSegment: number } {
    const firstSegment = (this.pendingMark ?? this.highWaterMark()) + 1;
    const lastSegment = firstSegment + built.segmentCount - 1;
    // Bound by position: named parameters and the object they need cost ~10 µs a source more (30 k sources: 0.3 s).
    const sourceId = Number(
      this.insertSource.run(
        info.name,
        info.type,
        info.file,
        info.sha256,
        info.encoding,
        utf8Text ?? built.text,
        info.language,
        info.date,
        info.site,
        JSON.stringify(info.attributes),
        built.words,
        built.turnCount,
        firstSegment,
        lastSegment,
        addedAt,
      ).lastInsertRowid,
    );
    this.insertSegments(sourceId, firstSegment, built, participantIds);
    this.pendingMark = lastSegment;
    return { sourceId, firstSegment };
  }

  /**
   * Writes the queued turn and sentence rows. turns' AUTOINCREMENT mark covers its own ids; the last
   * sentence id given must not be given again, so the mark is raised to it.
   */
  private writeRows(): void {
    if (this.pendingMark === undefined) return;
    this.turns.flush();
    this.sentences.flush();
    this.raiseHighWaterMark.run(this.pendingMark, this.pendingMark);
    this.pendingMark = undefined;
  }

  /** writeRows outside a savepoint: inside an open group, a failure takes the group with it. */
  private flushRows(): void {
    if (this.grouped) this.orRollBack(() => this.writeRows());
    else this.writeRows();
  }

  /** Runs a write inside the open group; if SQLite fails it, the whole group goes (see the class comment). */
  private orRollBack<T>(write: () => T): T {
    try {
      return write();
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  private deleteRange(range: { id: number; first_segment: number; last_segment: number }): void {
    this.deleteSegments(range.first_segment, range.last_segment);
    this.deleteSource.run(range.id);
  }

  private remember(entry: CatalogueEntry): void {
    const kept = { name: entry.name, file: entry.file, sha256: entry.sha256 };
    this.entries.set(kept.name, kept);
    const twins = this.bySha.get(kept.sha256);
    if (twins) twins.add(kept.name);
    else this.bySha.set(kept.sha256, new Set([kept.name]));
    if (!this.byFile.has(kept.file)) this.byFile.set(kept.file, kept);
  }

  private forget(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    const twins = this.bySha.get(entry.sha256);
    twins?.delete(name);
    if (twins?.size === 0) this.bySha.delete(entry.sha256);
    if (this.byFile.get(entry.file) !== entry) return;
    this.byFile.delete(entry.file);
    for (const other of this.entries.values()) {
      if (other.file === entry.file) return void this.byFile.set(other.file, other);
    }
  }

  private insertSegments(sourceId: number, firstId: number, built: PackedSource, participantIds: ReadonlyMap<string, number>): void {
    // Ids are assigned here, contiguous per source, rather than read back after each insert: the rows go
    // in many at a time, and the range on the source row finds them again without an index.
    // Rows are bound straight from the packed arrays (see packed-source.ts): no object per segment.
    const { turnInts, turnMs, sentenceBounds, strings } = built;
    const idOf = strings.map((name) => participantIds.get(name) ?? null);
    let nextId = firstId;
    let s = 0;
    for (let o = 0, t = 0; t < built.turnCount; o += TURN_INTS, t += 1) {
      const participant = turnInts[o + TURN_FIELD.participant]!;
      const participantId = participant < 0 ? null : idOf[participant]!;
      const speaker = turnInts[o + TURN_FIELD.speaker]!;
      const index = turnInts[o + TURN_FIELD.index]!;
      const startMs = turnMs[2 * t]!;
      const endMs = turnMs[2 * t + 1]!;
      const turnId = nextId++;
      this.turns.add(turnId, sourceId, index, speaker < 0 ? null : strings[speaker], participantId, ROLES[turnInts[o + TURN_FIELD.role]!], turnInts[o + TURN_FIELD.start], turnInts[o + TURN_FIELD.end], Number.isNaN(startMs) ? null : startMs, Number.isNaN(endMs) ? null : endMs);
      // A sentence's number is its id minus its turn's (m011): the k-th sentence of a turn is turnId + k.
      for (let k = 1, n = turnInts[o + TURN_FIELD.sentences]!; k <= n; k += 1, s += 2) this.sentences.add(nextId++, turnId, sentenceBounds[s], sentenceBounds[s + 1]);
    }
  }
}

/** A source as the writer binds it: packed once, whichever form it came in. */
function packed(built: BuiltSource | PackedSource): PackedSource {
  return 'turnInts' in built ? built : packSource(built);
}

/** One summary row per source, in name order. */
export function listSourceSummaries(db: Db, type?: SourceType): SourceSummary[] {
  return [...iterateSourceSummaries(db, type)];
}

/** listSourceSummaries one row at a time, for listings that write each as it comes. */
export function* iterateSourceSummaries(db: Db, type?: SourceType): Generator<SourceSummary> {
  const rows = db
    .prepare<unknown[], SourceSummary>(
      `SELECT s.name, s.type, s.file, s.sha256, s.date, s.site, s.words, s.turns,
              s.last_segment - s.first_segment + 1 AS segments
         FROM sources s
        ${type ? 'WHERE s.type = ?' : ''}
        ORDER BY s.name`,
    )
    .iterate(...(type ? [type] : []));
  for (const r of rows) {
    yield {
      name: r.name,
      type: r.type,
      file: r.file,
      sha256: r.sha256,
      date: r.date,
      site: r.site,
      turns: r.turns,
      segments: r.segments,
      words: r.words,
    };
  }
}

/** Every source name, for suggestions when a name is not found. */
export function listSourceNames(db: Db): string[] {
  return db
    .prepare<[], { name: string }>('SELECT name FROM sources ORDER BY name')
    .all()
    .map((r) => r.name);
}

/** A source with its text and turns (sentences nested), or undefined. */
export function loadSource(db: Db, name: string): StoredSource | undefined {
  const row = db.prepare<[string], SourceRow>('SELECT * FROM sources WHERE name = ?').get(name);
  if (!row) return undefined;
  const turns: Turn[] = [];
  const turnRows = db
    .prepare<[number, number], TurnRow>(
      `SELECT t.id, t.turn, t.speaker, p.pseudonym, t.role, t.start, t.end, t.start_ms, t.end_ms
         FROM turns t LEFT JOIN participants p ON p.id = t.participant_id
        WHERE t.id BETWEEN ? AND ? ORDER BY t.id`,
    )
    .iterate(row.first_segment, row.last_segment);
  const positionOf = new Map<number, number>();
  for (const t of turnRows) {
    positionOf.set(t.id, turns.length);
    turns.push({ index: t.turn, speaker: t.speaker, role: t.role, participant: t.pseudonym, start: t.start, end: t.end, startMs: t.start_ms, endMs: t.end_ms, sentences: [] });
  }
  const sentenceRows = db
    .prepare<[number, number], { id: number; turn_id: number; start: number; end: number }>('SELECT id, turn_id, start, end FROM sentences WHERE id BETWEEN ? AND ? ORDER BY id')
    .iterate(row.first_segment, row.last_segment);
  for (const s of sentenceRows) turns[positionOf.get(s.turn_id) ?? -1]?.sentences.push({ index: s.id - s.turn_id, start: s.start, end: s.end });
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    file: row.file,
    sha256: row.sha256,
    encoding: row.encoding,
    language: row.language,
    date: row.date,
    site: row.site,
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    text: row.text,
    addedAt: row.added_at,
    turns,
  };
}

/** Every source's name, file and text, one at a time (for scans such as the anonymity check). */
export function* iterateSourceTexts(db: Db): Generator<{ name: string; file: string; text: string; attributes: string }> {
  yield* db
    .prepare<[], { name: string; file: string; text: string; attributes: string }>(
      'SELECT name, file, text, attributes FROM sources ORDER BY name',
    )
    .iterate();
}

/** How many sources the project holds. */
export function countSources(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n;
}
