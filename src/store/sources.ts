import type { SourceInfo, SourceSummary, Turn } from '../core/model.js';
import type { BuiltSource } from '../core/transcript/build-source.js';
import type { SourceType } from '../core/transcript/types.js';
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

/** Prepared statements for writing sources, made once per ingest run. */
export class SourceWriter {
  private readonly insertSource;
  private readonly insertSegment;
  private readonly deleteByName;
  private readonly byName;
  private readonly bySha;

  constructor(private readonly db: Db) {
    this.insertSource = db.prepare(
      `INSERT INTO sources (name, type, file, sha256, encoding, text, language, date, site, attributes, words, added_at)
       VALUES (@name, @type, @file, @sha256, @encoding, @text, @language, @date, @site, @attributes, @words, @addedAt)`,
    );
    this.insertSegment = db.prepare(
      `INSERT INTO segments (source_id, turn, sentence, parent_id, speaker, participant_id, role, start, end, start_ms, end_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.deleteByName = db.prepare('DELETE FROM sources WHERE name = ?');
    this.byName = db.prepare<[string], { sha256: string }>('SELECT sha256 FROM sources WHERE name = ?');
    this.bySha = db.prepare<[string], { name: string }>('SELECT name FROM sources WHERE sha256 = ? LIMIT 1');
  }

  /** The stored hash of the source with this name, if any. */
  shaOf(name: string): string | undefined {
    return this.byName.get(name)?.sha256;
  }

  /** The name of a source whose original bytes had this hash, if any. */
  nameWithSha(sha256: string): string | undefined {
    return this.bySha.get(sha256)?.name;
  }

  /**
   * Writes a source and all its segments in one transaction, replacing a source of the same name when
   * `replace` is set. Participant ids come from `participantIds` (pseudonym → id).
   */
  write(info: SourceInfo, built: BuiltSource, participantIds: ReadonlyMap<string, number>, addedAt: string, replace: boolean): number {
    return this.db.transaction(() => {
      if (replace) this.deleteByName.run(info.name);
      const sourceId = Number(
        this.insertSource.run({
          ...info,
          attributes: JSON.stringify(info.attributes),
          text: built.text,
          words: built.words,
          addedAt,
        }).lastInsertRowid,
      );
      for (const turn of built.turns) {
        const participantId = turn.participant === null ? null : (participantIds.get(turn.participant) ?? null);
        const turnId = Number(
          this.insertSegment.run(
            sourceId,
            turn.index,
            0,
            null,
            turn.speaker,
            participantId,
            turn.role,
            turn.start,
            turn.end,
            turn.startMs,
            turn.endMs,
          ).lastInsertRowid,
        );
        for (const sentence of turn.sentences) {
          this.insertSegment.run(
            sourceId,
            turn.index,
            sentence.index,
            turnId,
            turn.speaker,
            participantId,
            turn.role,
            sentence.start,
            sentence.end,
            turn.startMs,
            turn.endMs,
          );
        }
      }
      return sourceId;
    })();
  }
}

/** One summary row per source, in name order. */
export function listSourceSummaries(db: Db, type?: SourceType): SourceSummary[] {
  const rows = db
    .prepare<unknown[], SourceSummary>(
      `SELECT s.name, s.type, s.file, s.sha256, s.date, s.site, s.words,
              (SELECT COUNT(*) FROM segments g WHERE g.source_id = s.id AND g.sentence = 0) AS turns,
              (SELECT COUNT(*) FROM segments g WHERE g.source_id = s.id) AS segments
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
    .prepare<[number], SegmentRow>(
      `SELECT g.id, g.turn, g.sentence, g.speaker, p.pseudonym, g.role, g.start, g.end, g.start_ms, g.end_ms
         FROM segments g LEFT JOIN participants p ON p.id = g.participant_id
        WHERE g.source_id = ? ORDER BY g.turn, g.sentence`,
    )
    .all(row.id);
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
