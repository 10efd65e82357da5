/**
 * What a REFI-QDA export takes from a project, as plain data: the store reads it (store/interop-snapshot.ts),
 * src/interop turns it into QDA-XML. Offsets are code points of the source's canonical text.
 */
import type { MemoKind } from '../memo-target.js';
import type { SourceType } from '../transcript/types.js';

export interface SnapshotCode {
  id: string;
  parent: string | null;
  /** The label in each language the codebook gives. */
  label: Partial<Record<string, string>>;
  definition: string;
  color?: string;
}

export interface SnapshotSource {
  id: number;
  name: string;
  type: SourceType;
  text: string;
  language: string | null;
  date: string | null;
  site: string | null;
  attributes: Record<string, string>;
  addedAt: string;
}

/** A coding that counts as evidence, on the unit (sentence or turn) it codes. */
export interface SnapshotCoding {
  sourceId: number;
  /** The unit coded, in code points. */
  start: number;
  end: number;
  code: string;
  coder: string;
  origin: string;
  createdAt: string;
  /** The coding's own note (`code add --memo`). */
  memo: string | null;
}

export interface SnapshotParticipant {
  id: number;
  pseudonym: string;
  group: string | null;
  attributes: Record<string, string>;
  /** The sources in which the participant speaks. */
  sourceIds: number[];
}

export interface SnapshotMemo {
  id: number;
  kind: MemoKind;
  /** The source of a source memo. */
  sourceId?: number;
  /** The segment of a segment memo, as a span of its source. */
  span?: { sourceId: number; start: number; end: number };
  code?: string;
  participantId?: number;
  author: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectSnapshot {
  name: string;
  /** The project's UUID namespace (m008_interop). */
  namespace: string;
  /** When the project was made and last changed (the audit trail), if known. */
  createdAt: string | null;
  modifiedAt: string | null;
  codebook: { name: string; version: string; codes: SnapshotCode[] } | null;
  sources: SnapshotSource[];
  codings: SnapshotCoding[];
  participants: SnapshotParticipant[];
  memos: SnapshotMemo[];
}

/** A source without its text: an export lists every source first and reads each text when it comes to it. */
export type SnapshotSourceInfo = Omit<SnapshotSource, 'text'>;

/**
 * A snapshot without the sources' texts and the codings, which a large project cannot hold at once: an
 * export reads those one source at a time. The codes and coders of the codings that count are here, since
 * the code tree and the users come before the sources in project.qde.
 */
export interface ProjectOutline extends Omit<ProjectSnapshot, 'sources' | 'codings'> {
  sources: SnapshotSourceInfo[];
  codedCodes: string[];
  coders: string[];
}
