/**
 * What a REFI-QDA import writes into a project, worked out and checked before anything is written
 * (src/interop/plan-import.ts makes it; store/interop-import.ts writes it in one transaction).
 */
import type { Participant, SourceInfo } from '../model.js';
import type { BuiltSource } from '../transcript/build-source.js';

export interface PlannedSource {
  info: SourceInfo;
  built: BuiltSource;
}

/** A coding on a unit of a planned source: turn T (sentence 0) or sentence T.S; start/end its evidence. */
export interface PlannedCoding {
  source: number;
  turn: number;
  sentence: number;
  start: number;
  end: number;
  code: string;
  coder: string;
  createdAt: string | null;
  memo: string | null;
}

/** What a planned memo is about (sources by their index in the plan, participants by pseudonym). */
export type PlannedMemoPlace =
  | { kind: 'project' }
  | { kind: 'source'; source: number }
  | { kind: 'segment'; source: number; turn: number; sentence: number }
  | { kind: 'code'; code: string }
  | { kind: 'participant'; pseudonym: string };

export interface PlannedMemo {
  place: PlannedMemoPlace;
  author: string;
  text: string;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface ImportPlan {
  /** The project's name in the file. */
  name: string;
  /** The program that wrote the file (Project/@origin), if it says. */
  origin: string | null;
  /** The codebook made from the file's codes, as YAML (null when the file has no codes). */
  codebookYaml: string | null;
  participants: Participant[];
  sources: PlannedSource[];
  codings: PlannedCoding[];
  memos: PlannedMemo[];
  /** What was read but not imported, one line each. */
  notes: string[];
}
