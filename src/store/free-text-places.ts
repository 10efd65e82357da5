/**
 * Every place in the store that holds free text — written by a person or carried in from a file — and so
 * may hold a real name. Pseudonymization at ingest, `anonymity check` and withdrawal all work from this
 * one list; free-text-places.test.ts fails when a migration adds a text column that is in neither list.
 */
import { formatSegment } from '../core/segment-address.js';
import { segmentJoin } from './coded-segments.js';
import { listMemos } from './memos.js';
import type { Db } from './open.js';

export type FreeTextPlaceId =
  | 'sources.text'
  | 'sources.name'
  | 'sources.file'
  | 'sources.site'
  | 'sources.attributes.keys'
  | 'sources.attributes.values'
  | 'segments.speaker'
  | 'participants.pseudonym'
  | 'participants.group'
  | 'participants.attributes.keys'
  | 'participants.attributes.values'
  | 'audit.arguments'
  | 'codings.memo'
  | 'memos.text'
  | 'codebooks.file'
  | 'codebooks.yaml'
  | 'search_index.words'
  | 'withdrawals.pseudonym';

/** One free-text place: the column holding it and how names are written there. */
export interface FreeTextPlace {
  id: FreeTextPlaceId;
  table: string;
  column: string;
  /**
   * Names here are identifiers (file names, paths, speaker labels, keys), so a lower-case "siti" is Siti;
   * elsewhere a lower-case word may be the common word ("bunga", "will").
   */
  anyCase: boolean;
}

const place = (id: FreeTextPlaceId, anyCase: boolean, columnName?: string): FreeTextPlace => {
  const [table, column] = id.split('.') as [string, string];
  return { id, table, column: columnName ?? column, anyCase };
};

/** Every free-text place, in the order `iterateFreeText` visits them. */
export const FREE_TEXT_PLACES: readonly FreeTextPlace[] = [
  place('sources.text', false),
  place('sources.name', true),
  place('sources.file', true),
  place('sources.site', false),
  place('sources.attributes.keys', true),
  place('sources.attributes.values', false),
  // Named as before m011 (anonymity-check reports it so); the column is on turns now.
  { ...place('segments.speaker', true), table: 'turns' },
  place('participants.pseudonym', true),
  place('participants.group', false, 'grp'),
  place('participants.attributes.keys', true),
  place('participants.attributes.values', false),
  place('audit.arguments', true),
  place('codings.memo', false),
  place('memos.text', false),
  place('codebooks.file', true),
  place('codebooks.yaml', false),
  // The search index (m006_search) holds every word of the sources, lower-cased: participants' words,
  // names among them. It is rebuilt from sources.text and loses a source's words when the source goes,
  // but withdrawal and the anonymity check must cover it as they cover the text itself.
  place('search_index.words', false),
  // Kept on purpose: ingest needs it to leave a withdrawn participant's turns out (m009_withdrawals).
  place('withdrawals.pseudonym', true),
];

/**
 * Text columns that hold no free text: ids, hashes, enumerations, times, the researcher's own names, and
 * copies of a free-text place (codes are read from codebooks.yaml).
 */
export const NOT_FREE_TEXT: readonly string[] = [
  'participants.created_at', 'participants.updated_at',
  'sources.type', 'sources.sha256', 'sources.encoding', 'sources.language', 'sources.date', 'sources.added_at',
  'turns.role',
  'audit.at', 'audit.actor', 'audit.command', 'audit.counts',
  'codebooks.name', 'codebooks.version', 'codebooks.sha256', 'codebooks.added_at',
  'codes.id', 'codes.parent', 'codes.label', 'codes.definition',
  'current_codebook.since',
  'codings.code', 'codings.coder', 'codings.origin', 'codings.created_at',
  'review_decisions.code', 'review_decisions.coder', 'review_decisions.decision', 'review_decisions.decided_at',
  'memos.target', 'memos.code', 'memos.author', 'memos.created_at', 'memos.updated_at',
  // The stems of search_index.words, word for word.
  'search_index.stems_id', 'search_index.stems_en',
  'search_sources.sha256',
  'interop.namespace',
  'withdrawals.withdrawn_at', 'withdrawals.counts',
];

/** One piece of free text: where it is, which row holds it (as a person would name the row), and the text. */
export interface FreeText {
  place: FreeTextPlace;
  /** The row, for messages: a source name, "participant Sumiati", "audit 3, ingest", … */
  row: string;
  text: string;
}

const PLACE = new Map(FREE_TEXT_PLACES.map((p) => [p.id, p]));

/** Every piece of free text in the project, table by table (one query each), row by row. */
export function* iterateFreeText(db: Db): Generator<FreeText> {
  const at = (id: FreeTextPlaceId, row: string, text: string | null): FreeText[] => (text === null || text === '' ? [] : [{ place: PLACE.get(id)!, row, text }]);
  for (const s of db
    .prepare<[], { name: string; file: string; site: string | null; attributes: string; text: string }>('SELECT name, file, site, attributes, text FROM sources ORDER BY name')
    .iterate()) {
    const attributes = JSON.parse(s.attributes) as Record<string, string>;
    yield* at('sources.text', s.name, s.text);
    yield* at('sources.name', s.name, s.name);
    yield* at('sources.file', s.name, s.file);
    yield* at('sources.site', s.name, s.site);
    yield* at('sources.attributes.keys', s.name, Object.keys(attributes).join('\n'));
    yield* at('sources.attributes.values', s.name, Object.values(attributes).map(String).join('\n'));
  }
  for (const g of db
    .prepare<[], { source: string; speaker: string }>(
      `SELECT DISTINCT s.name AS source, g.speaker FROM turns g JOIN sources s ON s.id = g.source_id
        WHERE g.speaker IS NOT NULL ORDER BY s.name, g.speaker`,
    )
    .iterate()) {
    yield* at('segments.speaker', g.source, g.speaker);
  }
  for (const p of db
    .prepare<[], { pseudonym: string; grp: string | null; attributes: string }>('SELECT pseudonym, grp, attributes FROM participants ORDER BY pseudonym COLLATE NOCASE')
    .iterate()) {
    const row = `participant ${p.pseudonym}`;
    const attributes = JSON.parse(p.attributes) as Record<string, string>;
    yield* at('participants.pseudonym', row, p.pseudonym);
    yield* at('participants.group', row, p.grp);
    yield* at('participants.attributes.keys', row, Object.keys(attributes).join('\n'));
    yield* at('participants.attributes.values', row, Object.values(attributes).map(String).join('\n'));
  }
  for (const a of db.prepare<[], { id: number; command: string; arguments: string }>('SELECT id, command, arguments FROM audit ORDER BY id').iterate()) {
    yield* at('audit.arguments', `audit ${a.id}, ${a.command}`, (JSON.parse(a.arguments) as unknown[]).map(String).join('\n'));
  }
  for (const c of db
    .prepare<[], { source: string; turn: number; sentence: number; code: string; coder: string; memo: string }>(
      `SELECT s.name AS source, t.turn, c.segment_id - t.id AS sentence, c.code, c.coder, c.memo
         FROM codings c ${segmentJoin('c.segment_id')} JOIN sources s ON s.id = t.source_id
        WHERE c.memo IS NOT NULL AND c.memo <> '' ORDER BY s.name, c.segment_id, c.code, c.coder`,
    )
    .iterate()) {
    yield* at('codings.memo', `${c.source} ${formatSegment(c.turn, c.sentence)}, code ${c.code} by ${c.coder}`, c.memo);
  }
  for (const m of listMemos(db)) yield* at('memos.text', `memo ${m.id} on ${m.target} by ${m.author}`, m.text);
  for (const b of db.prepare<[], { name: string; version: string; file: string; yaml: string }>('SELECT name, version, file, yaml FROM codebooks ORDER BY id').iterate()) {
    const row = `codebook ${b.name} ${b.version}`;
    yield* at('codebooks.file', row, b.file);
    yield* at('codebooks.yaml', row, b.yaml);
  }
  yield* at('search_index.words', 'search index', searchIndexWords(db));
  for (const w of db.prepare<[], { id: number; pseudonym: string }>('SELECT id, pseudonym FROM withdrawals ORDER BY id').iterate()) {
    yield* at('withdrawals.pseudonym', `withdrawal ${w.id}`, w.pseudonym);
  }
}

/** Every distinct word the search index holds (its vocabulary, read through a temporary fts5vocab table), one a line. */
function searchIndexWords(db: Db): string {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, 'search_index', 'col')");
  return db
    .prepare<[], string>("SELECT term FROM temp.search_vocabulary WHERE col = 'words' ORDER BY term")
    .pluck()
    .all()
    .join('\n');
}
