/**
 * Works out what importing a REFI-QDA project writes (core/interop/import-plan.ts), checking everything
 * first: a broken file is refused before anything is written. Source texts are made canonical with their
 * positions carried over (vendor-offsets.ts), units are found in place (segment-text.ts), and each coded
 * selection lands on the units it covers (span-units.ts).
 */
import { createHash } from 'node:crypto';
import type { ImportPlan, PlannedCoding, PlannedMemo, PlannedMemoPlace, PlannedSource } from '../core/interop/import-plan.js';
import { segmentImportedText } from '../core/interop/segment-text.js';
import { unitsForSpan } from '../core/interop/span-units.js';
import { canonicalizeWithOffsets, type CrlfCount } from '../core/interop/vendor-offsets.js';
import type { Participant } from '../core/model.js';
import { sourceNameProblem } from '../core/source-name.js';
import { canonicalizeText } from '../core/text/canonical.js';
import type { SpeakerResolution } from '../core/transcript/speakers.js';
import { isSourceType } from '../core/transcript/source-type.js';
import type { SourceType } from '../core/transcript/types.js';
import { InputError } from '../errors.js';
import { GROUP_VARIABLE, SOURCE_VARIABLE_PREFIX } from './build-refi-project.js';
import { codebookFromRefi } from './codebook-from-refi.js';
import { guidKey } from './guid.js';
import type { RefiCoding, RefiNote, RefiProject, RefiSelection, RefiTextSource, XmlPlace } from './refi-model.js';

/** A file of the archive a source or note points at (`internal://…`), read. */
export interface ArchiveText {
  /** The entry's path in the archive, for messages and the source's file. */
  entry: string;
  bytes: Uint8Array;
}

/** What the import needs to know beyond the file. */
export interface PlanOptions {
  /** The archive as the user named it, and the project file inside it: `study.qdpx:project.qde`. */
  archive: string;
  qde: string;
  /** How the file's program counted a CRLF; by default 1 for ATLAS.ti (its origin says so), else 2. */
  crlf?: CrlfCount;
  /** The internal file a path names, if the archive has it. */
  readInternal(path: string): ArchiveText | undefined;
  knownSpeakers: readonly string[];
  resolveSpeaker(label: string): SpeakerResolution;
  /** Source names the project has already. */
  takenNames: ReadonlySet<string>;
  /** The codebook's header: its languages and version. */
  languages: readonly string[];
  codebookVersion: string;
}

/** The plan for importing `project`; an InputError (file:line:col) for the first thing that is broken. */
export function planImport(project: RefiProject, options: PlanOptions): ImportPlan {
  const where = `${options.archive}:${options.qde}`;
  const fail = (at: XmlPlace | undefined, message: string, hint: string): never => {
    throw new InputError(message, { file: where, line: at?.line, col: at?.col, hint });
  };
  const origin = project.origin?.trim() || null;
  const crlf: CrlfCount = options.crlf ?? (/atlas\.?ti/i.test(origin ?? '') ? 1 : 2);
  const notes: string[] = [];
  const users = new Map(project.users.map((u) => [key(u.guid), u.name?.trim() || u.id?.trim() || 'unknown']));
  const userName = (...guids: (string | undefined)[]): string => {
    for (const guid of guids) if (guid && users.has(key(guid))) return users.get(key(guid))!;
    return 'unknown';
  };
  const codebook = project.codes.length > 0
    ? codebookFromRefi(project.codes, { name: project.name.trim() || 'Imported codebook', version: options.codebookVersion, languages: options.languages, from: `${options.archive} (${origin ?? 'REFI-QDA'})` }, project.sets)
    : null;
  const codeOf = (coding: RefiCoding): string =>
    codebook?.idByGuid.get(key(coding.codeGuid)) ??
    fail(coding.at, `coding ${coding.guid} refers to code ${coding.codeGuid}, which is not in the file's codebook`, 'The file is inconsistent; export it again from its program');
  const variables = new Map(project.variables.map((v) => [key(v.guid), v.name.trim()]));
  const noteByGuid = new Map(project.notes.map((n) => [key(n.guid), n]));
  const usedNotes = new Set<string>();
  const memos: PlannedMemo[] = [];
  const addNotes = (refs: readonly string[], place: PlannedMemoPlace): void => {
    for (const ref of refs) {
      const note = noteByGuid.get(key(ref));
      if (!note) {
        notes.push(`a reference to note ${ref}, which the file does not hold, was left out`);
        continue;
      }
      usedNotes.add(key(ref));
      const text = noteText(note);
      if (text) memos.push({ place, author: userName(note.creatingUser), text, createdAt: note.creationDateTime ?? null, updatedAt: note.modifiedDateTime ?? null });
    }
  };
  const noteText = (note: RefiNote): string => {
    if (note.plainTextContent !== undefined) return canonicalizeText(note.plainTextContent).trim();
    const file = note.plainTextPath ? options.readInternal(note.plainTextPath) : undefined;
    return file ? canonicalizeText(decodeUtf8(file, where, note.at)).trim() : '';
  };

  const participants = readCases(project, variables);
  const caseNames = new Map(project.cases.map((c, i) => [key(c.guid), participants[i]!.pseudonym]));

  const sources: PlannedSource[] = [];
  const codings: PlannedCoding[] = [];
  const names = new Set(options.takenNames);
  let emptySelections = 0;
  for (const source of project.sources) {
    const name = source.name?.trim() ?? '';
    if (sourceNameProblem(name)) fail(source.at, `text source ${source.guid} has no usable name ("${name}": ${sourceNameProblem(name)})`, 'Name the source in its program and export again');
    if (options.takenNames.has(name)) fail(source.at, `the project already has a source named "${name}"`, 'Import into a new project (--into DIR), or rename or remove that source first');
    if (names.has(name)) fail(source.at, `two text sources are named "${name}"`, 'Give them different names in their program and export again');
    names.add(name);
    const read = readSourceText(source, options, where, fail);
    if (!read) {
      notes.push(`source "${name}" was left out: ${source.plainTextPath ? `its text is outside the archive (${source.plainTextPath})` : `it has only a rich-text file (${source.richTextPath}) and no plain text`}`);
      continue;
    }
    const canonical = canonicalizeWithOffsets(read.text, read.inline ? 1 : crlf);
    const fields = sourceFields(source, variables);
    const built = segmentImportedText(canonical.text, { type: fields.type, knownSpeakers: options.knownSpeakers, resolveSpeaker: options.resolveSpeaker });
    const index = sources.length;
    sources.push({
      info: {
        name,
        type: fields.type,
        file: read.file,
        sha256: createHash('sha256').update(read.bytes).digest('hex'),
        encoding: read.bom ? 'utf-8-bom' : 'utf-8',
        language: fields.language,
        date: fields.date,
        site: fields.site,
        attributes: fields.attributes,
      },
      built,
    });
    const code = (coding: RefiCoding, selection: RefiSelection | undefined, start: number, end: number): void => {
      const codeId = codeOf(coding);
      const units = unitsForSpan(built.turns, canonical.toCanonical(start, 'start'), canonical.toCanonical(end, 'end'));
      if (units.length === 0) emptySelections += 1;
      const memo = coding.noteRefs.flatMap((ref) => {
        const note = noteByGuid.get(key(ref));
        if (note) usedNotes.add(key(ref));
        return note ? [noteText(note)] : [];
      }).filter(Boolean).join(' | ');
      const coder = userName(coding.creatingUser, selection?.creatingUser, source.creatingUser, project.creatingUserGuid);
      for (const unit of units) codings.push({ source: index, ...unit, code: codeId, coder, createdAt: coding.creationDateTime ?? selection?.creationDateTime ?? null, memo: memo || null });
    };
    for (const selection of source.selections) {
      const { start, end } = selection;
      if (start < 0 || end < start || end > canonical.length) {
        fail(
          selection.at,
          `selection ${selection.guid} in source "${name}" is ${start}-${end}, outside its text of ${canonical.length} characters${end < start ? ' (it ends before it starts)' : ''}`,
          crlf === 2 && read.text.includes('\r\n') ? 'Positions may count line ends differently: if an ATLAS.ti file, try --crlf 1' : 'The file and its sources do not match; export the project again',
        );
      }
      for (const coding of selection.codings) code(coding, selection, start, end);
      const first = unitsForSpan(built.turns, canonical.toCanonical(start, 'start'), canonical.toCanonical(end, 'end'))[0];
      const place: PlannedMemoPlace = first ? { kind: 'segment', source: index, turn: first.turn, sentence: first.sentence } : { kind: 'source', source: index };
      addNotes(selection.noteRefs, place);
      // MAXQDA keeps a comment on a coded segment as the selection's description.
      const comment = selection.description?.trim();
      if (comment) memos.push({ place, author: userName(selection.creatingUser), text: canonicalizeText(comment), createdAt: selection.creationDateTime ?? null, updatedAt: null });
    }
    for (const coding of source.codings) code(coding, undefined, 0, canonical.length);
    addNotes(source.noteRefs, { kind: 'source', source: index });
  }
  if (emptySelections > 0) notes.push(`${emptySelections} coded ${emptySelections === 1 ? 'selection' : 'selections'} covered no turn's text (a speaker label or blank lines only) and coded nothing`);

  const codeIdOf = (guid: string): string | undefined => codebook?.idByGuid.get(key(guid));
  const walk = (codes: RefiProject['codes']): void => {
    for (const code of codes) {
      addNotes(code.noteRefs, { kind: 'code', code: codeIdOf(code.guid)! });
      walk(code.children);
    }
  };
  walk(project.codes);
  for (const link of project.links) {
    const [origin, target] = [key(link.originGuid ?? ''), key(link.targetGuid ?? '')];
    const participant = caseNames.get(origin) ?? caseNames.get(target);
    const note = noteByGuid.has(target) ? target : noteByGuid.has(origin) ? origin : undefined;
    if (participant && note) addNotes([note], { kind: 'participant', pseudonym: participant });
  }
  addNotes(project.noteRefs, { kind: 'project' });
  // Notes nothing points at (journals, free memos) belong to the project.
  addNotes(project.notes.map((n) => n.guid).filter((g) => !usedNotes.has(key(g))), { kind: 'project' });

  for (const [kind, count] of Object.entries(project.otherSources)) notes.push(`${count} ${kind} ${count === 1 ? 'source was' : 'sources were'} left out: telaah reads text sources`);
  if (project.sets.length > 0) notes.push(`${project.sets.length} ${project.sets.length === 1 ? 'set was' : 'sets were'} left out: telaah has no sets`);
  // Memos keep the order they were written in (memo ids follow it), however the file groups them.
  memos.sort((a, b) => (a.createdAt ?? '\uffff').localeCompare(b.createdAt ?? '\uffff'));
  return { name: project.name.trim(), origin, codebookYaml: codebook?.yaml ?? null, participants, sources, codings, memos, notes };
}

/** Participants from the cases: the case name as pseudonym, its variables as attributes (`group` as the group). */
function readCases(project: RefiProject, variables: ReadonlyMap<string, string>): Participant[] {
  return project.cases.map((c, i) => {
    const attributes: Record<string, string> = {};
    let group: string | null = null;
    for (const value of c.values) {
      const name = variables.get(key(value.variableGuid));
      if (!name || value.value === '') continue;
      if (name === GROUP_VARIABLE) group = value.value;
      else attributes[name] = value.value;
    }
    return { pseudonym: c.name?.trim() || `case-${i + 1}`, group, attributes };
  });
}

/** A source's type, fields and attributes from its variables (`source.type`, … as telaah exports them). */
function sourceFields(source: RefiTextSource, variables: ReadonlyMap<string, string>): { type: SourceType; language: string | null; date: string | null; site: string | null; attributes: Record<string, string> } {
  const fields = { type: 'interview' as SourceType, language: null as string | null, date: null as string | null, site: null as string | null, attributes: {} as Record<string, string> };
  for (const value of source.values) {
    const name = variables.get(key(value.variableGuid));
    if (!name || value.value === '') continue;
    const field = name.startsWith(SOURCE_VARIABLE_PREFIX) ? name.slice(SOURCE_VARIABLE_PREFIX.length) : name;
    if (field === 'type' && isSourceType(value.value)) fields.type = value.value;
    else if (field === 'language' || field === 'date' || field === 'site') fields[field] = value.value;
    else fields.attributes[field] = value.value;
  }
  const description = source.description?.trim();
  if (description) fields.attributes.description = canonicalizeText(description);
  return fields;
}

/** The source's text: its file in the archive (positions count its code points) or its inline content. */
function readSourceText(
  source: RefiTextSource,
  options: PlanOptions,
  where: string,
  fail: (at: XmlPlace | undefined, message: string, hint: string) => never,
): { text: string; bytes: Uint8Array; file: string; bom: boolean; inline: boolean } | undefined {
  const path = source.plainTextPath?.trim();
  if (path) {
    if (!/^internal:\/\//i.test(path)) return undefined;
    const file = options.readInternal(path);
    if (!file) fail(source.at, `the text of source "${source.name}" (${path}) is not in the archive`, 'The archive is incomplete: export the project again with its sources');
    const text = decodeUtf8(file, where, source.at);
    return { text, bytes: file.bytes, file: `${options.archive}:${file.entry}`, bom: text.charCodeAt(0) === 0xfeff, inline: false };
  }
  if (source.plainTextContent !== undefined) {
    // XML has already turned the content's line ends into LF: there is no CRLF left to count twice.
    return { text: source.plainTextContent, bytes: new TextEncoder().encode(source.plainTextContent), file: `${options.archive}:${options.qde}`, bom: false, inline: true };
  }
  // A rich-text file alone (a .docx) has no positions telaah can keep: the source is listed and left out.
  if (source.richTextPath) return undefined;
  return fail(source.at, `source "${source.name}" has neither a plainTextPath nor a PlainTextContent`, 'telaah imports text sources; export the project again');
}

function decodeUtf8(file: ArchiveText, where: string, at: XmlPlace | undefined): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file.bytes);
  } catch {
    throw new InputError(`${file.entry} is not UTF-8 text`, { file: where, line: at?.line, col: at?.col, hint: 'REFI-QDA text sources are UTF-8; export the project again' });
  }
}

function key(guid: string): string {
  return guidKey(guid) ?? guid.trim();
}
