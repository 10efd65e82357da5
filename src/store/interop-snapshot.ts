/**
 * Reads what a REFI-QDA export needs from the project (core/interop/snapshot.ts): sources with their
 * text, the codings that count as evidence under the scope, participants, memos, and the codebook.
 */
import type { Codebook } from '../core/codebook/types.js';
import type { ProjectSnapshot, SnapshotCoding, SnapshotMemo, SnapshotParticipant, SnapshotSource } from '../core/interop/snapshot.js';
import type { MemoKind } from '../core/memo-target.js';
import type { SourceType } from '../core/transcript/types.js';
import { CODED_SEGMENTS, evidenceClauses, SEGMENT_END, SEGMENT_START, segmentJoin, type EvidenceScope } from './coded-segments.js';
import type { Db } from './open.js';

/** The project's UUID namespace for REFI-QDA GUIDs (drawn by m008_interop). */
export function readInteropNamespace(db: Db): string {
  return db.prepare<[], { namespace: string }>('SELECT namespace FROM interop WHERE only = 1').get()!.namespace;
}

/** Everything an export of the project writes; codings as the evidence rules count them under `scope`. */
export function readProjectSnapshot(db: Db, name: string, codebook: Codebook | null, scope: EvidenceScope): ProjectSnapshot {
  const times = db.prepare<[], { first: string | null; last: string | null }>('SELECT MIN(at) AS first, MAX(at) AS last FROM audit').get()!;
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
    codings: readCodings(db, scope),
    participants: readParticipants(db),
    memos: readMemos(db),
  };
}

function readSources(db: Db): SnapshotSource[] {
  return db
    .prepare<[], { id: number; name: string; type: SourceType; text: string; language: string | null; date: string | null; site: string | null; attributes: string; added_at: string }>(
      'SELECT id, name, type, text, language, date, site, attributes, added_at FROM sources ORDER BY name',
    )
    .all()
    .map((r) => ({ id: r.id, name: r.name, type: r.type, text: r.text, language: r.language, date: r.date, site: r.site, attributes: JSON.parse(r.attributes) as Record<string, string>, addedAt: r.added_at }));
}

function readCodings(db: Db, scope: EvidenceScope): SnapshotCoding[] {
  const { clauses, params } = evidenceClauses(scope);
  return db
    .prepare<unknown[], SnapshotCoding>(
      `SELECT s.id AS sourceId, ${SEGMENT_START} AS start, ${SEGMENT_END} AS end, c.code, c.coder, c.origin, c.created_at AS createdAt, c.memo
        ${CODED_SEGMENTS}
        WHERE ${clauses.join(' AND ')}
        ORDER BY s.id, 2, 3, c.code, c.coder`,
    )
    .all(...params);
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
