import { CodePointSlicer } from '../../src/core/text/code-point-slicer.js';
import { openStore, type Db } from '../../src/store/open.js';

/** One stored source as content (no ids, no timestamps): what two runs that did the same work share. */
export interface SourceState {
  name: string;
  /** type, file, sha256, text, counts and every segment, as one JSON string. */
  content: string;
  /** Its auto codings (turn.sentence code start-end), sorted. */
  auto: string[];
}

/**
 * Opens the project as telaah does (recovering a WAL a killed process left) and checks what the store
 * promises whatever moment a process died: a sound database, no orphan rows, and every source whole —
 * its segments fill its id range and nothing else does, each segment is a slice of its text inside its
 * turn. Returns the sources as content, to compare with an uninterrupted run. Throws on a broken promise.
 */
export function readProjectState(database: string): Map<string, SourceState> {
  const db = openStore(database);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) throw new Error(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 5))}`);
    return readSources(db);
  } finally {
    db.close();
  }
}

interface SourceRow {
  id: number;
  name: string;
  type: string;
  file: string;
  sha256: string;
  text: string;
  words: number;
  turns: number;
  first: number;
  last: number;
}

interface SegmentRow {
  id: number;
  source_id: number;
  turn: number;
  sentence: number;
  parent_id: number | null;
  speaker: string | null;
  participant: string | null;
  role: string | null;
  start: number;
  end: number;
  start_ms: number | null;
  end_ms: number | null;
}

function readSources(db: Db): Map<string, SourceState> {
  const sources = db
    .prepare<[], SourceRow>('SELECT id, name, type, file, sha256, text, words, turns, first_segment AS first, last_segment AS last FROM sources ORDER BY id')
    .all();
  const segments = db.prepare<[number, number], SegmentRow>(
    `SELECT s.id, s.source_id, s.turn, s.sentence, s.parent_id, s.speaker, p.pseudonym AS participant, s.role, s.start, s.end, s.start_ms, s.end_ms
       FROM segments s LEFT JOIN participants p ON p.id = s.participant_id WHERE s.id BETWEEN ? AND ? ORDER BY s.id`,
  );
  const auto = db.prepare<[number, number], { segment_id: number; code: string; start: number; end: number }>(
    "SELECT segment_id, code, start, end FROM codings WHERE origin = 'auto' AND segment_id BETWEEN ? AND ?",
  );
  const states = new Map<string, SourceState>();
  let inRanges = 0;
  for (const source of sources) {
    const rows = segments.all(source.first, source.last);
    inRanges += source.last - source.first + 1;
    const problem = sourceProblem(source, rows);
    if (problem) throw new Error(`source ${source.name} is partial: ${problem}`);
    const address = new Map(rows.map((r) => [r.id, r.sentence === 0 ? `${r.turn}` : `${r.turn}.${r.sentence}`]));
    const shape = rows.map((r) => [address.get(r.id), r.parent_id === null ? null : address.get(r.parent_id), r.speaker, r.participant, r.role, r.start, r.end, r.start_ms, r.end_ms]);
    const { id: _id, first: _first, last: _last, ...kept } = source;
    states.set(source.name, {
      name: source.name,
      content: JSON.stringify({ ...kept, shape }),
      auto: auto
        .all(source.first, source.last)
        .map((c) => `${address.get(c.segment_id)} ${c.code} ${c.start}-${c.end}`)
        .sort(),
    });
  }
  const total = (db.prepare('SELECT COUNT(*) AS n FROM segments').get() as { n: number }).n;
  if (total !== inRanges) throw new Error(`${total - inRanges} segments lie outside every source's range`);
  const strays = (db.prepare('SELECT COUNT(*) AS n FROM codings WHERE segment_id NOT IN (SELECT id FROM segments)').get() as { n: number }).n;
  if (strays > 0) throw new Error(`${strays} codings point at no segment`);
  return states;
}

/** Why a source's stored segments are not the whole source, if they are not. */
function sourceProblem(source: SourceRow, rows: SegmentRow[]): string | undefined {
  if (rows.length !== source.last - source.first + 1) return `${rows.length} segments in the id range ${source.first}..${source.last}`;
  if (rows.some((r) => r.source_id !== source.id)) return 'another source has segments in its range';
  const turns = rows.filter((r) => r.sentence === 0);
  if (turns.length !== source.turns) return `${turns.length} turns stored, ${source.turns} recorded`;
  const slicer = new CodePointSlicer(source.text);
  const length = [...source.text].length;
  const byId = new Map(rows.map((r) => [r.id, r]));
  let previousEnd = 0;
  for (const row of rows) {
    if (row.start < 0 || row.end < row.start || row.end > length) return `segment ${row.id} [${row.start}, ${row.end}) is outside the text`;
    if (row.sentence === 0) {
      if (row.start < previousEnd) return `turn ${row.turn} overlaps the turn before it`;
      previousEnd = row.end;
      if (slicer.slice(row.start, row.end).trim() === '') return `turn ${row.turn} is empty`;
      continue;
    }
    const turn = row.parent_id === null ? undefined : byId.get(row.parent_id);
    if (!turn || turn.sentence !== 0 || turn.turn !== row.turn) return `sentence ${row.turn}.${row.sentence} has no turn`;
    if (row.start < turn.start || row.end > turn.end) return `sentence ${row.turn}.${row.sentence} lies outside its turn`;
  }
  return undefined;
}
