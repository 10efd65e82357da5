/**
 * Reads what a REFI-QDA export needs from the project (core/interop/snapshot.ts): the outline (sources,
 * participants, memos, the codebook), then each source's text and the codings that count as evidence under
 * the scope, one source at a time.
 */
import type { Codebook } from '../core/codebook/types.js';
import type { ProjectOutline, SnapshotCoding, SnapshotMemo, SnapshotParticipant, SnapshotSourceInfo } from '../core/interop/snapshot.js';
import type { MemoKind } from '../core/memo-target.js';
import type { SourceType } from '../core/transcript/types.js';
import { CODED_SEGMENTS, evidenceClauses, SEGMENT_END, SEGMENT_START, segmentJoin, type EvidenceScope } from './coded-segments.js';
import type { Db } from './open.js';

/** The project's UUID namespace for REFI-QDA GUIDs (drawn by m008_interop). */
export function readInteropNamespace(db: Db): string {
  return db.prepare<[], { namespace: string }>('SELECT namespace FROM interop WHERE only = 1').get()!.namespace;
}

/**
 * What an export of the project writes but the sources' texts and codings (readSourceText and
 * readSourceCodings give those one source at a time); the codes and coders of the codings that count
 * under `scope`, as the evidence rules count them.
 */
export function readProjectOutline(db: Db, name: string, codebook: Codebook | null, scope: EvidenceScope): ProjectOutline {
  const times = db.prepare<[], { first: string | null; last: string | null }>('SELECT MIN(at) AS first, MAX(at) AS last FROM audit').get()!;
  const { clauses, params } = evidenceClauses(scope);
  const used = db.prepare<unknown[], { code: string; coder: string }>(`SELECT DISTINCT c.code, c.coder ${CODED_SEGMENTS} WHERE ${clauses.join(' AND ')}`).all(...params);
  return {
    name,
    namespace: readInteropNamespace(db),
    createdAt: times.first,
    modifiedAt: times.last,
    codebook: codebook && {
      name: codebook.name,
      version: codebook.version,
      codes: codebook.codes.map((c) => ({ id: c.id, parent: c.parent, label: c.label, definition: c.definition, ...(c.color ? { color: c.color } : {}) })),
    },
    sources: readSources(db),
    codedCodes: [...new Set(used.map((u) => u.code))],
    coders: [...new Set(used.map((u) => u.coder))],
    participants: readParticipants(db),
    memos: readMemos(db),
  };
}

/** Reads sources' texts by id, one at a time. */
export function sourceTextReader(db: Db): (sourceId: number) => string {
  const statement = db.prepare<[number], { text: string }>('SELECT text FROM sources WHERE id = ?');
  return (sourceId) => statement.get(sourceId)!.text;
}

/** Reads one source's codings that count under `scope`, by its segments' id range, in the order of the units they code. */
export function sourceCodingsReader(db: Db, scope: EvidenceScope): (sourceId: number) => SnapshotCoding[] {
  const { clauses, params } = evidenceClauses(scope);
  const statement = db.prepare<unknown[], SnapshotCoding>(
    `SELECT s.id AS sourceId, ${SEGMENT_START} AS start, ${SEGMENT_END} AS end, c.code, c.coder, c.origin, c.created_at AS createdAt, c.memo
       FROM sources s CROSS JOIN codings c ON c.segment_id BETWEEN s.first_segment AND s.last_segment
       ${segmentJoin('c.segment_id')}
      WHERE s.id = ? AND t.source_id = s.id AND ${clauses.join(' AND ')}
      ORDER BY 2, 3, c.code, c.coder`,
  );
  return (sourceId) => statement.all(sourceId, ...params);
}

function readSources(db: Db): SnapshotSourceInfo[] {
  return db
    .prepare<[], { id: number; name: string; type: SourceType; language: string | null; date: string | null; site: string | null; attributes: string; added_at: string }>(
      'SELECT id, name, type, language, date, site, attributes, added_at FROM sources ORDER BY name',
    )
    .all()
    .map((r) => ({ id: r.id, name: r.name, type: r.type, language: r.language, date: r.date, site: r.site, attributes: JSON.parse(r.attributes) as Record<string, string>, addedAt: r.added_at }));
}

function readParticipants(db: Db): SnapshotParticipant[] {
  const spoken = new Map<number, number[]>();
  for (const r of db
    .prepare<[], { participant: number; source: number }>(
      // One seek per participant for their turns (turns_participant).
      `SELECT DISTINCT p.id AS participant, g.source_id AS source
         FROM participants p CROSS JOIN turns g ON g.participant_id = p.id
        ORDER BY p.id, g.source_id`,
    )
    .iterate()) {
    const list = spoken.get(r.participant);
    if (list) list.push(r.source);
    else spoken.set(r.participant, [r.source]);
  }
  return db
    .prepare<[], { id: number; pseudonym: string; grp: string | null; attributes: string }>('SELECT id, pseudonym, grp, attributes FROM participants ORDER BY pseudonym COLLATE NOCASE')
    .all()
    .map((r) => ({ id: r.id, pseudonym: r.pseudonym, group: r.grp, attributes: JSON.parse(r.attributes) as Record<string, string>, sourceIds: spoken.get(r.id) ?? [] }));
}

function readMemos(db: Db): SnapshotMemo[] {
  const rows = db
    .prepare<[], { id: number; kind: MemoKind; source_id: number | null; segment_source: number | null; start: number | null; end: number | null; code: string | null; participant_id: number | null; author: string; text: string; created_at: string; updated_at: string }>(
      `SELECT m.id, m.target AS kind, m.source_id, t.source_id AS segment_source, ${SEGMENT_START} AS start, ${SEGMENT_END} AS end, m.code, m.participant_id,
              m.author, m.text, m.created_at, m.updated_at
         FROM memos m ${segmentJoin('m.segment_id', 'LEFT JOIN')}
        ORDER BY m.id`,
    )
    .all();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ...(r.source_id !== null ? { sourceId: r.source_id } : {}),
    ...(r.segment_source !== null ? { span: { sourceId: r.segment_source, start: r.start!, end: r.end! } } : {}),
    ...(r.code !== null ? { code: r.code } : {}),
    ...(r.participant_id !== null ? { participantId: r.participant_id } : {}),
    author: r.author,
    text: r.text,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
