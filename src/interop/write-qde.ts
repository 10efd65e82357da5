/**
 * Renders a project as project.qde (Project.xsd, urn:QDA-XML:project:1.0). Elements follow the schema's
 * sequences, and an empty container (Users, Codes, Cases, Variables, Notes, Links, Sets) is left out:
 * the schema requires at least one child in each.
 */
import type { RefiCase, RefiCode, RefiCoding, RefiProject, RefiProjectHead, RefiProjectTail, RefiSelection, RefiTextSource, RefiVariableValue } from './refi-model.js';
import { XmlWriter } from './xml-writer.js';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** The project.qde document for `project`. */
export function renderProjectXml(project: RefiProject): string {
  const xml = new XmlWriter();
  writeProjectHead(xml, project);
  if (project.sources.length > 0) {
    xml.start('Sources');
    for (const source of project.sources) writeTextSource(xml, 'TextSource', source);
    xml.end();
  }
  writeProjectTail(xml, project);
  return xml.toString();
}

/**
 * Opens <Project> and writes what precedes the sources. A caller that streams the document then writes
 * <Sources> (when there is a source) one TextSource at a time, and closes with writeProjectTail.
 */
export function writeProjectHead(xml: XmlWriter, project: RefiProjectHead): void {
  xml.start('Project', [
    ['xmlns', PROJECT_NAMESPACE],
    ['name', project.name],
    ['origin', project.origin],
    ['creatingUserGUID', project.creatingUserGuid],
    ['creationDateTime', project.creationDateTime],
    ['modifiedDateTime', project.modifiedDateTime],
  ]);
  if (project.users.length > 0) {
    xml.start('Users');
    for (const u of project.users) xml.empty('User', [['guid', u.guid], ['name', u.name], ['id', u.id]]);
    xml.end();
  }
  if (project.codes.length > 0) {
    xml.start('CodeBook').start('Codes');
    for (const code of project.codes) writeCode(xml, code, true);
    xml.end().end();
  }
  if (project.variables.length > 0) {
    xml.start('Variables');
    for (const v of project.variables) {
      const attributes: [string, string][] = [['guid', v.guid], ['name', v.name], ['typeOfVariable', v.type]];
      if (v.description === undefined) xml.empty('Variable', attributes);
      else xml.start('Variable', attributes).text('Description', v.description).end();
    }
    xml.end();
  }
  if (project.cases.length > 0) {
    xml.start('Cases');
    for (const c of project.cases) writeCase(xml, c);
    xml.end();
  }
}

/** Writes what follows the sources and closes <Project>. */
export function writeProjectTail(xml: XmlWriter, project: RefiProjectTail): void {
  if (project.notes.length > 0) {
    xml.start('Notes');
    for (const note of project.notes) writeTextSource(xml, 'Note', note);
    xml.end();
  }
  if (project.links.length > 0) {
    xml.start('Links');
    for (const l of project.links) {
      xml.empty('Link', [['guid', l.guid], ['name', l.name], ['direction', l.direction], ['originGUID', l.originGuid], ['targetGUID', l.targetGuid]]);
    }
    xml.end();
  }
  if (project.sets.length > 0) {
    xml.start('Sets');
    for (const set of project.sets) {
      xml.start('Set', [['guid', set.guid], ['name', set.name]]);
      if (set.description !== undefined) xml.text('Description', set.description);
      for (const member of set.memberCodes) xml.empty('MemberCode', [['targetGUID', member]]);
      xml.end();
    }
    xml.end();
  }
  if (project.description !== undefined) xml.text('Description', project.description);
  for (const ref of project.noteRefs) xml.empty('NoteRef', [['targetGUID', ref]]);
  xml.end();
}

/** A code and its children; `withNotes` in a project (a .qdc code has no NoteRef). */
export function writeCode(xml: XmlWriter, code: RefiCode, withNotes: boolean): void {
  const attributes: [string, string | boolean | undefined][] = [['guid', code.guid], ['name', code.name], ['isCodable', code.isCodable], ['color', code.color]];
  const notes = withNotes ? code.noteRefs : [];
  if (code.description === undefined && notes.length === 0 && code.children.length === 0) {
    xml.empty('Code', attributes);
    return;
  }
  xml.start('Code', attributes);
  if (code.description !== undefined) xml.text('Description', code.description);
  for (const ref of notes) xml.empty('NoteRef', [['targetGUID', ref]]);
  for (const child of code.children) writeCode(xml, child, withNotes);
  xml.end();
}

function writeCase(xml: XmlWriter, c: RefiCase): void {
  const attributes: [string, string | undefined][] = [['guid', c.guid], ['name', c.name]];
  if (c.description === undefined && c.values.length === 0 && c.sourceRefs.length === 0) {
    xml.empty('Case', attributes);
    return;
  }
  xml.start('Case', attributes);
  if (c.description !== undefined) xml.text('Description', c.description);
  for (const value of c.values) writeVariableValue(xml, value);
  for (const ref of c.sourceRefs) xml.empty('SourceRef', [['targetGUID', ref]]);
  xml.end();
}

function writeVariableValue(xml: XmlWriter, value: RefiVariableValue): void {
  xml.start('VariableValue').empty('VariableRef', [['targetGUID', value.variableGuid]]).text(`${value.type}Value`, value.value).end();
}

/** A TextSource (or a Note, which has the same shape) with its selections and codings. */
export function writeTextSource(xml: XmlWriter, element: 'TextSource' | 'Note', source: RefiTextSource): void {
  xml.start(element, [
    ['guid', source.guid],
    ['name', source.name],
    // richTextPath only for a real rich-text file: ATLAS.ti loads an empty document otherwise.
    ['richTextPath', source.richTextPath],
    ['plainTextPath', source.plainTextPath],
    ['creatingUser', source.creatingUser],
    ['creationDateTime', source.creationDateTime],
    ['modifiedDateTime', source.modifiedDateTime],
  ]);
  if (source.description !== undefined) xml.text('Description', source.description);
  if (source.plainTextContent !== undefined) xml.text('PlainTextContent', source.plainTextContent);
  for (const selection of source.selections) writeSelection(xml, selection);
  for (const coding of source.codings) writeCoding(xml, coding);
  for (const ref of source.noteRefs) xml.empty('NoteRef', [['targetGUID', ref]]);
  for (const value of source.values) writeVariableValue(xml, value);
  xml.end();
}

function writeSelection(xml: XmlWriter, selection: RefiSelection): void {
  xml.start('PlainTextSelection', [
    ['guid', selection.guid],
    ['name', selection.name],
    ['startPosition', selection.start],
    ['endPosition', selection.end],
    ['creatingUser', selection.creatingUser],
    ['creationDateTime', selection.creationDateTime],
  ]);
  if (selection.description !== undefined) xml.text('Description', selection.description);
  for (const coding of selection.codings) writeCoding(xml, coding);
  for (const ref of selection.noteRefs) xml.empty('NoteRef', [['targetGUID', ref]]);
  xml.end();
}

function writeCoding(xml: XmlWriter, coding: RefiCoding): void {
  xml.start('Coding', [['guid', coding.guid], ['creatingUser', coding.creatingUser], ['creationDateTime', coding.creationDateTime]]);
  xml.empty('CodeRef', [['targetGUID', coding.codeGuid]]);
  for (const ref of coding.noteRefs) xml.empty('NoteRef', [['targetGUID', ref]]);
  xml.end();
}
