import type { SourceInfo, SourceSummary, Turn } from '../core/model.js';
import type { BuiltSource } from '../core/transcript/build-source.js';
import type { SourceType } from '../core/transcript/types.js';
import { BatchInsert } from './batch-insert.js';
import type { Db } from './open.js';

/** A stored source with its canonical text and turns. */
export interface StoredSource extends SourceInfo {
  id: number;
  text: string;
  addedAt: string;
  turns: Turn[];
}

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

interface SegmentRow {
  id: number;
  turn: number;
  sentence: number;
  speaker: string | null;
  pseudonym: string | null;
  role: 'participant' | 'interviewer' | null;
  start: number;
  end: number;
  start_ms: number | null;
  end_ms: number | null;
}


/**
 * Writes sources for one ingest run. Files are grouped into larger transactions (`begin` … `commit`) so
 * that commits do not dominate, and each file is written inside its own savepoint: a file either lands
 * whole or not at all, as if it were its own transaction.
 */
export class SourceWriter {
  private readonly insertSource;
  private readonly turns: BatchInsert;
  private readonly sentences: BatchInsert;
  private readonly rangeByName;
  private readonly deleteSegments;
  private readonly deleteSource;
  private readonly writeSource;
  private readonly byName;
  private readonly bySha;
  private readonly maxSegmentId;
  private open = false;

  constructor(private readonly db: Db) {
    this.insertSource = db.prepare(
      `INSERT INTO sources (name, type, file, sha256, encoding, text, language, date, site, attributes, words, turns, first_segment, last_segment, added_at)
       VALUES (@name, @type, @file, @sha256, @encoding, @text, @language, @date, @site, @attributes, @words, @turns, @firstSegment, @lastSegment, @addedAt)`,
    );
    // Turns and sentences go in as two row shapes: a sentence row binds 8 values instead of 12.
    this.turns = new BatchInsert(db, 'segments', ['id', 'source_id', 'turn', 'sentence', 'speaker', 'participant_id', 'role', 'start', 'end', 'start_ms', 'end_ms']);
    this.sentences = new BatchInsert(db, 'segments', ['id', 'source_id', 'turn', 'sentence', 'parent_id', 'participant_id', 'start', 'end']);
    this.rangeByName = db.prepare<[string], { id: number; first_segment: number; last_segment: number }>(
      'SELECT id, first_segment, last_segment FROM sources WHERE name = ?',
    );
    this.deleteSegments = db.prepare('DELETE FROM segments WHERE id BETWEEN ? AND ?');
    this.deleteSource = db.prepare('DELETE FROM sources WHERE id = ?');
    this.writeSource = db.transaction((info: SourceInfo, built: BuiltSource, participantIds: ReadonlyMap<string, number>, addedAt: string, replace: boolean) => {
      if (replace) this.remove(info.name);
      const firstSegment = this.maxSegmentId.get()!.id + 1;
      const segments = built.turns.reduce((n, t) => n + 1 + t.sentences.length, 0);
      const sourceId = Number(
        this.insertSource.run({
          ...info,
          attributes: JSON.stringify(info.attributes),
          text: built.text,
          words: built.words,
          turns: built.turns.length,
          firstSegment,
          lastSegment: firstSegment + segments - 1,
          addedAt,
        }).lastInsertRowid,
      );
      this.insertSegments(sourceId, firstSegment, built, participantIds);
      return sourceId;
    });
    this.byName = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM sources WHERE name = ?');
    this.bySha = db.prepare<[string], { name: string }>('SELECT name FROM sources WHERE sha256 = ? LIMIT 1');
    this.maxSegmentId = db.prepare<[], { id: number }>("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'segments'), 0) AS id");
  }

  /** The stored hash of the source with this name, if any. */
  shaOf(name: string): string | undefined {
    return this.byName.get(name)?.sha256;
  }

  /** The name of a source whose original bytes had this hash, if any. */
  nameWithSha(sha256: string): string | undefined {
    return this.bySha.get(sha256)?.name;
  }

  /** Starts a group of files (no-op if one is open). */
  begin(): void {
    if (this.open) return;
    this.db.exec('BEGIN');
    this.open = true;
  }

  /** Makes every file written since `begin` durable. */
  commit(): void {
    if (!this.open) return;
    this.db.exec('COMMIT');
    this.open = false;
  }

  /**
   * Writes a source and all its segments, replacing a source of the same name when `replace` is set.
   * Participant ids come from `participantIds` (pseudonym → id). Returns the new source id.
   */
  write(info: SourceInfo, built: BuiltSource, participantIds: ReadonlyMap<string, number>, addedAt: string, replace: boolean): number {
    // Inside an open group, better-sqlite3 runs the transaction function as a savepoint.
    return this.writeSource(info, built, participantIds, addedAt, replace);
  }

  /** Deletes a source and its segments. */
  remove(name: string): void {
    const range = this.rangeByName.get(name);
    if (!range) return;
    this.deleteSegments.run(range.first_segment, range.last_segment);
    this.deleteSource.run(range.id);
  }

  private insertSegments(sourceId: number, firstId: number, built: BuiltSource, participantIds: ReadonlyMap<string, number>): void {
    // Ids are assigned here, contiguous per source, rather than read back after each insert: the rows go
    // in many at a time, and the range on the source row finds them again without an index.
    let nextId = firstId;
    for (const turn of built.turns) {
      const participantId = turn.participant === null ? null : (participantIds.get(turn.participant) ?? null);
      const turnId = nextId++;
      this.turns.add(turnId, sourceId, turn.index, 0, turn.speaker, participantId, turn.role, turn.start, turn.end, turn.startMs, turn.endMs);
      for (const s of turn.sentences) this.sentences.add(nextId++, sourceId, turn.index, s.index, turnId, participantId, s.start, s.end);
    }
    this.turns.flush();
    this.sentences.flush();
  }
}

/** One summary row per source, in name order. */
export function listSourceSummaries(db: Db, type?: SourceType): SourceSummary[] {
  const rows = db
    .prepare<unknown[], SourceSummary>(
      `SELECT s.name, s.type, s.file, s.sha256, s.date, s.site, s.words, s.turns,
              s.last_segment - s.first_segment + 1 AS segments
         FROM sources s
        ${type ? 'WHERE s.type = ?' : ''}
        ORDER BY s.name`,
    )
    .all(...(type ? [type] : []));
  return rows.map((r) => ({
    name: r.name,
    type: r.type,
    file: r.file,
    sha256: r.sha256,
    date: r.date,
    site: r.site,
    turns: r.turns,
    segments: r.segments,
    words: r.words,
  }));
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
  const segments = db
    .prepare<[number, number], SegmentRow>(
      `SELECT g.id, g.turn, g.sentence, g.speaker, p.pseudonym, g.role, g.start, g.end, g.start_ms, g.end_ms
         FROM segments g LEFT JOIN participants p ON p.id = g.participant_id
        WHERE g.id BETWEEN ? AND ? ORDER BY g.id`,
    )
    .all(row.first_segment, row.last_segment);
  const turns: Turn[] = [];
  for (const g of segments) {
    if (g.sentence === 0) {
      turns.push({
        index: g.turn,
        speaker: g.speaker,
        role: g.role,
        participant: g.pseudonym,
        start: g.start,
        end: g.end,
        startMs: g.start_ms,
        endMs: g.end_ms,
        sentences: [],
      });
    } else {
      turns[turns.length - 1]?.sentences.push({ index: g.sentence, start: g.start, end: g.end });
    }
  }
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
