/**
 * REFI-QDA 1.0 (QDA-XML) as plain data: what a project.qde or a .qdc holds, in the shapes of
 * Project.xsd and Codebook.xsd. The writers render it, the readers fill it; GUIDs are kept as written.
 */

/** Where an element starts in its XML file (1-based), for messages about it. */
export interface XmlPlace {
  line: number;
  col: number;
}

export interface RefiUser {
  guid: string;
  name?: string;
  id?: string;
}

export interface RefiCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  /** Notes on the code (Project.xsd only). */
  noteRefs: string[];
  children: RefiCode[];
  at?: XmlPlace;
}

export const VARIABLE_TYPES = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export interface RefiVariable {
  guid: string;
  name: string;
  type: VariableType;
  description?: string;
}

/** A variable's value on a case or a source, as written (TextValue, IntegerValue, …). */
export interface RefiVariableValue {
  variableGuid: string;
  type: VariableType;
  value: string;
  at?: XmlPlace;
}

export interface RefiCase {
  guid: string;
  name?: string;
  description?: string;
  values: RefiVariableValue[];
  sourceRefs: string[];
  at?: XmlPlace;
}

export interface RefiCoding {
  guid: string;
  codeGuid: string;
  creatingUser?: string;
  creationDateTime?: string;
  noteRefs: string[];
  at?: XmlPlace;
}

/** A span of a text source in code points, end exclusive. */
export interface RefiSelection {
  guid: string;
  name?: string;
  start: number;
  end: number;
  creatingUser?: string;
  creationDateTime?: string;
  description?: string;
  codings: RefiCoding[];
  noteRefs: string[];
  at?: XmlPlace;
}

export interface RefiTextSource {
  guid: string;
  name?: string;
  /** internal://GUID.txt, relative://…, absolute://… */
  plainTextPath?: string;
  richTextPath?: string;
  /** Inline text (XML has normalised its line ends). */
  plainTextContent?: string;
  description?: string;
  creatingUser?: string;
  creationDateTime?: string;
  modifiedDateTime?: string;
  selections: RefiSelection[];
  /** Codings of the whole source. */
  codings: RefiCoding[];
  noteRefs: string[];
  values: RefiVariableValue[];
  at?: XmlPlace;
}

/** A note (memo): a text source of its own, usually with its text inline. */
export type RefiNote = RefiTextSource;

export interface RefiLink {
  guid: string;
  name?: string;
  direction?: 'Associative' | 'OneWay' | 'Bidirectional';
  originGuid?: string;
  targetGuid?: string;
}

export interface RefiSet {
  guid: string;
  name: string;
  description?: string;
  memberCodes: string[];
}

export interface RefiProject {
  name: string;
  origin?: string;
  creatingUserGuid?: string;
  creationDateTime?: string;
  modifiedDateTime?: string;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiTextSource[];
  /** Sources telaah cannot read (PDF, picture, audio, video), by kind, counted for the summary. */
  otherSources: Record<string, number>;
  notes: RefiNote[];
  links: RefiLink[];
  sets: RefiSet[];
  description?: string;
  noteRefs: string[];
}

/** What project.qde holds before its sources. */
export type RefiProjectHead = Pick<RefiProject, 'name' | 'origin' | 'creatingUserGuid' | 'creationDateTime' | 'modifiedDateTime' | 'users' | 'codes' | 'variables' | 'cases'>;
/** What project.qde holds after its sources. */
export type RefiProjectTail = Pick<RefiProject, 'notes' | 'links' | 'sets' | 'description' | 'noteRefs'>;

export interface RefiCodebook {
  origin?: string;
  codes: RefiCode[];
  sets: RefiSet[];
}
