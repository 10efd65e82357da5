/**
 * A project snapshot as a REFI-QDA project: users (the coders and memo authors), the code tree, variables
 * (participant attributes, and source fields as `source.…`), cases (participants), text sources with their
 * coded selections, and notes (memos). Every GUID is derived from the project's namespace and a stable id
 * (see guid.ts), so the same project always gives the same document.
 */
import type { ProjectOutline, ProjectSnapshot, SnapshotCode, SnapshotCoding, SnapshotMemo } from '../core/interop/snapshot.js';
import { CodePointSlicer } from '../core/text/code-point-slicer.js';
import { GuidMaker } from './guid.js';
import type { RefiCase, RefiCode, RefiCoding, RefiLink, RefiNote, RefiProject, RefiProjectHead, RefiProjectTail, RefiSelection, RefiTextSource, RefiUser, RefiVariable, RefiVariableValue, VariableType } from './refi-model.js';
import { inferVariableType } from './variable-values.js';

/** The names other tools show for telaah's machine coders (their telaah name stays in User/@id). */
export const MACHINE_CODER_NAMES: Readonly<Record<string, string>> = { auto: 'telaah auto-coder', suggest: 'telaah suggester' };

/** Source fields exported as variables, before the source's own attributes. */
const SOURCE_FIELDS = ['type', 'language', 'date', 'site'] as const;
/** Prefix of the variables that describe sources rather than participants (as in `--where source.site=…`). */
export const SOURCE_VARIABLE_PREFIX = 'source.';
/** The variable holding a participant's group. */
export const GROUP_VARIABLE = 'group';

const SELECTION_NAME_LENGTH = 80;

/** A REFI-QDA project and the plain-text files it points at (`sources/GUID.txt` → text). */
export interface BuiltRefiProject {
  project: RefiProject;
  files: Map<string, string>;
}

/** Builds the REFI-QDA project of a snapshot held whole; `origin` names the program (`telaah 0.1.0`). */
export function buildRefiProject(snapshot: ProjectSnapshot, origin: string): BuiltRefiProject {
  const builder = new RefiProjectBuilder(outlineOf(snapshot), origin);
  const codingsBySource = groupBy(snapshot.codings, (c) => c.sourceId);
  const files = new Map<string, string>();
  const sources = snapshot.sources.map((source, i) => {
    files.set(builder.filePath(i), source.text);
    return builder.source(i, source.text, codingsBySource.get(source.id) ?? []);
  });
  return { project: { ...builder.head, sources, otherSources: {}, ...builder.tail() }, files };
}

/** The outline of a snapshot held whole. */
export function outlineOf(snapshot: ProjectSnapshot): ProjectOutline {
  return {
    ...snapshot,
    codedCodes: [...new Set(snapshot.codings.map((c) => c.code))],
    coders: [...new Set(snapshot.codings.map((c) => c.coder))],
  };
}

/**
 * A REFI-QDA project built in the order project.qde is written: the head (users, codes, variables, cases)
 * from the outline, then one source at a time from its text and codings, then the tail (notes, links), so
 * that a project of any size is held one source at a time.
 */
export class RefiProjectBuilder {
  /** What precedes the sources. */
  readonly head: RefiProjectHead;
  private readonly guids: GuidMaker;
  private readonly users = new Map<string, RefiUser>();
  private readonly sourceGuids: string[];
  private readonly sourceValues: RefiVariableValue[][];
  private readonly memosBySpanSource: Map<number, SnapshotMemo[]>;
  private readonly memosOnSource: Map<number | undefined, SnapshotMemo[]>;
  private readonly links: RefiLink[] = [];
  /** The notes on codings of the sources built so far. */
  private readonly codingNotes: RefiNote[] = [];

  constructor(
    private readonly outline: ProjectOutline,
    origin: string,
  ) {
    const guids = (this.guids = new GuidMaker(outline.namespace));
    // Every coder and memo author is a user; creating users of selections are among them.
    for (const name of [...outline.coders, ...outline.memos.map((m) => m.author)]) this.userGuid(name);
    const codes = buildCodeTree(outline, this.codeGuid, (id) => this.memosOf('code').filter((m) => m.code === id).map(this.noteGuid));

    this.sourceGuids = outline.sources.map((s) => guids.of('source', s.name));
    const sourceGuid = new Map(outline.sources.map((s, i) => [s.id, this.sourceGuids[i]!]));
    const variables = new Variables(guids);
    const participantValues = outline.participants.map((p) => {
      const values: [string, string][] = [];
      if (p.group) values.push([GROUP_VARIABLE, p.group]);
      for (const [key, value] of Object.entries(p.attributes)) if (key !== GROUP_VARIABLE && value !== '') values.push([key, value]);
      return variables.collect(values);
    });
    const sourceValues = outline.sources.map((s) => {
      const fields: [string, string][] = SOURCE_FIELDS.flatMap((f) => (s[f] ? [[`${SOURCE_VARIABLE_PREFIX}${f}`, s[f]!] as [string, string]] : []));
      const attributes = Object.entries(s.attributes).filter(([, v]) => v !== '').map(([k, v]): [string, string] => [`${SOURCE_VARIABLE_PREFIX}${k}`, v]);
      return variables.collect([...fields, ...attributes]);
    });
    const declared = variables.declared();
    this.sourceValues = sourceValues.map((values) => variables.values(values));
    this.memosBySpanSource = groupBy(outline.memos.filter((m) => m.span), (m) => m.span!.sourceId);
    // By source once: a filter of every memo for each of tens of thousands of sources would be quadratic.
    this.memosOnSource = groupBy(this.memosOf('source'), (m) => m.sourceId);

    const cases: RefiCase[] = outline.participants.map((p, i) => {
      const guid = guids.of('case', p.id);
      // A case has no NoteRef in Project.xsd: a memo on a participant is linked to its case instead.
      for (const memo of this.memosOf('participant').filter((m) => m.participantId === p.id)) {
        this.links.push({ guid: guids.of('memo-link', memo.id), name: 'memo', direction: 'OneWay', originGuid: guid, targetGuid: this.noteGuid(memo) });
      }
      return { guid, name: p.pseudonym, values: variables.values(participantValues[i]!), sourceRefs: p.sourceIds.flatMap((id) => sourceGuid.get(id) ?? []) };
    });

    this.head = {
      name: outline.name,
      origin,
      creationDateTime: outline.createdAt ?? undefined,
      modifiedDateTime: outline.modifiedAt ?? undefined,
      users: [...this.users.values()].sort((a, b) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0)),
      codes,
      variables: declared,
      cases,
    };
  }

  /** The archive path of the plain text of the `i`th source of the outline. */
  filePath(i: number): string {
    return `sources/${this.sourceGuids[i]}.txt`;
  }

  /** The `i`th source of the outline, from its text and its codings that count, with its selections. */
  source(i: number, text: string, codings: readonly SnapshotCoding[]): RefiTextSource {
    const source = this.outline.sources[i]!;
    const guid = this.sourceGuids[i]!;
    return {
      guid,
      name: source.name,
      plainTextPath: `internal://${guid}.txt`,
      creationDateTime: source.addedAt,
      selections: buildSelections(text, guid, codings, this.memosBySpanSource.get(source.id) ?? [], this.guids, this.codeGuid, this.userGuid, this.noteGuid, this.codingNotes),
      codings: [],
      noteRefs: (this.memosOnSource.get(source.id) ?? []).map(this.noteGuid),
      values: this.sourceValues[i]!,
    };
  }

  /** What follows the sources: every memo and the notes on the codings of the sources built. */
  tail(): RefiProjectTail {
    const notes: RefiNote[] = [...this.codingNotes];
    for (const memo of this.outline.memos) {
      notes.push({
        guid: this.noteGuid(memo),
        name: `Memo ${memo.id}: ${firstLine(memo.text)}`,
        plainTextContent: memo.text,
        creatingUser: this.userGuid(memo.author),
        creationDateTime: memo.createdAt,
        modifiedDateTime: memo.updatedAt,
        selections: [],
        codings: [],
        noteRefs: [],
        values: [],
      });
    }
    notes.sort((a, b) => (a.guid < b.guid ? -1 : a.guid > b.guid ? 1 : 0));
    return { notes, links: this.links, sets: [], noteRefs: this.memosOf('project').map(this.noteGuid) };
  }

  private readonly userGuid = (name: string): string => {
    let user = this.users.get(name);
    if (!user) this.users.set(name, (user = { guid: this.guids.of('user', name), name: MACHINE_CODER_NAMES[name] ?? name, id: name }));
    return user.guid;
  };

  private readonly codeGuid = (id: string): string => this.guids.of('code', id);

  private readonly noteGuid = (memo: SnapshotMemo): string => this.guids.of('memo', memo.id);

  private memosOf(kind: SnapshotMemo['kind']): SnapshotMemo[] {
    return this.outline.memos.filter((m) => m.kind === kind);
  }
}

/**
 * The code tree: the codebook's codes, then any code that codings or memos use but the current codebook
 * lacks (kept under an old id after a new version), under its nearest ancestor that is in the tree.
 */
function buildCodeTree(outline: ProjectOutline, codeGuid: (id: string) => string, notesOf: (id: string) => string[]): RefiCode[] {
  const defs: SnapshotCode[] = [...(outline.codebook?.codes ?? [])];
  const known = new Set(defs.map((c) => c.id));
  const used = [...new Set([...outline.codedCodes, ...outline.memos.flatMap((m) => (m.code ? [m.code] : []))])].sort();
  for (const id of used) {
    if (known.has(id)) continue;
    let parent: string | null = id;
    do parent = parent.includes('/') ? parent.slice(0, parent.lastIndexOf('/')) : null;
    while (parent !== null && !known.has(parent));
    defs.push({ id, parent, label: {}, definition: 'Not in the current codebook: codings kept under this id from an earlier version.' });
    known.add(id);
  }
  const nodes = new Map<string, RefiCode>();
  const roots: RefiCode[] = [];
  for (const def of defs) {
    const name = def.parent !== null && def.id.startsWith(`${def.parent}/`) ? def.id.slice(def.parent.length + 1) : def.id;
    // telaah lets a category be coded by hand (`code add … barrier`), so every code is codable.
    const node: RefiCode = { guid: codeGuid(def.id), name, isCodable: true, color: def.color, description: def.definition || undefined, noteRefs: notesOf(def.id), children: [] };
    nodes.set(def.id, node);
    const parent = def.parent === null ? undefined : nodes.get(def.parent);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The source's selections: one per coded or memo'd span, holding a Coding per code and coder. */
function buildSelections(
  text: string,
  guid: string,
  sourceCodings: readonly SnapshotCoding[],
  sourceMemos: readonly SnapshotMemo[],
  guids: GuidMaker,
  codeGuid: (id: string) => string,
  userGuid: (name: string) => string,
  noteGuid: (memo: SnapshotMemo) => string,
  notes: RefiNote[],
): RefiSelection[] {
  const spans = new Map<string, { start: number; end: number; codings: SnapshotCoding[]; memos: SnapshotMemo[] }>();
  const span = (start: number, end: number) => {
    const key = `${start}:${end}`;
    let entry = spans.get(key);
    if (!entry) spans.set(key, (entry = { start, end, codings: [], memos: [] }));
    return entry;
  };
  for (const coding of sourceCodings) span(coding.start, coding.end).codings.push(coding);
  for (const memo of sourceMemos) span(memo.span!.start, memo.span!.end).memos.push(memo);
  const slicer = new CodePointSlicer(text);
  return [...spans.values()]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((entry) => {
      const selectionGuid = guids.of('selection', `${guid}:${entry.start}:${entry.end}`);
      const codings: RefiCoding[] = [];
      const seen = new Set<string>();
      // A turn of one sentence has the span of that sentence: the same code by the same coder is one coding.
      for (const c of [...entry.codings].sort((a, b) => (a.code + '\0' + a.coder < b.code + '\0' + b.coder ? -1 : 1))) {
        const key = `${c.code}\0${c.coder}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const codingGuid = guids.of('coding', `${selectionGuid}:${key}`);
        const noteRefs: string[] = [];
        if (c.memo) {
          const note = guids.of('coding-memo', codingGuid);
          noteRefs.push(note);
          notes.push({ guid: note, name: `Note on ${c.code} by ${c.coder}`, plainTextContent: c.memo, creatingUser: userGuid(c.coder), creationDateTime: c.createdAt, selections: [], codings: [], noteRefs: [], values: [] });
        }
        codings.push({ guid: codingGuid, codeGuid: codeGuid(c.code), creatingUser: userGuid(c.coder), creationDateTime: c.createdAt, noteRefs });
      }
      const first = [...entry.codings.map((c) => ({ who: c.coder, at: c.createdAt })), ...entry.memos.map((m) => ({ who: m.author, at: m.createdAt }))].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))[0];
      return {
        guid: selectionGuid,
        name: excerpt(slicer.slice(entry.start, entry.end)),
        start: entry.start,
        end: entry.end,
        creatingUser: first && userGuid(first.who),
        creationDateTime: first?.at,
        codings,
        noteRefs: entry.memos.map(noteGuid),
      };
    });
}

/** Variables declared once each, with one type for all their values. */
class Variables {
  private readonly seen = new Map<string, string[]>();
  private readonly types = new Map<string, VariableType>();
  constructor(private readonly guids: GuidMaker) {}

  /** Records values (name → value) to be typed once all are known. */
  collect(values: [string, string][]): [string, string][] {
    for (const [name, value] of values) {
      const list = this.seen.get(name);
      if (list) list.push(value);
      else this.seen.set(name, [value]);
    }
    return values;
  }

  /** Every variable, by name. */
  declared(): RefiVariable[] {
    return [...this.seen.keys()].sort().map((name) => ({ guid: this.guids.of('variable', name), name, type: this.typeOf(name) }));
  }

  /** The values as VariableValue elements. */
  values(values: [string, string][]): RefiVariableValue[] {
    return values.map(([name, value]) => ({ variableGuid: this.guids.of('variable', name), type: this.typeOf(name), value }));
  }

  private typeOf(name: string): VariableType {
    let type = this.types.get(name);
    if (type === undefined) this.types.set(name, (type = inferVariableType(this.seen.get(name) ?? [])));
    return type;
  }
}

function excerpt(text: string, length = SELECTION_NAME_LENGTH): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  // No more UTF-16 units than `length` is no more code points either; past that, count only as far as needed.
  if (flat.length <= length) return flat;
  let points = 0;
  let cut = 0;
  for (const point of flat) {
    if (points === length) return `${flat.slice(0, cut)}…`;
    points += 1;
    if (points < length) cut += point.length;
  }
  return flat;
}

function firstLine(text: string): string {
  return excerpt(text.trim().split('\n')[0] ?? '', 60);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
