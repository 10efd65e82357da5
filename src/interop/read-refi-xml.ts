/**
 * Reads QDA-XML element trees into the REFI-QDA model: project.qde (Project.xsd) and .qdc (Codebook.xsd).
 * Lenient where tools differ and the meaning is plain: any namespace version (1.0, 0:4) or prefix, GUIDs in
 * either case with or without braces (kept as written; compared through guidKey), MemberCode with @guid
 * (.qdc) or @targetGUID (.qde). Strict where a guess would import the wrong thing: a required attribute
 * missing or a position that is not a whole number is an error at its line and column.
 */
import { InputError } from '../errors.js';
import { VARIABLE_TYPES, type RefiCase, type RefiCode, type RefiCodebook, type RefiCoding, type RefiLink, type RefiProject, type RefiSelection, type RefiSet, type RefiTextSource, type RefiVariableValue, type VariableType } from './refi-model.js';
import { childNamed, childrenNamed, type XmlElement } from './xml-tree.js';

const OTHER_SOURCES = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'];

/** Reads a .qdc codebook; `file` names it in messages. */
export function readCodebookTree(root: XmlElement, file: string): RefiCodebook {
  const read = new Reader(file);
  read.expectRoot(root, 'CodeBook', 'a .qdc codebook');
  return { origin: root.attributes.origin, codes: read.codes(read.required(root, 'Codes')), sets: read.sets(childNamed(root, 'Sets')) };
}

/** Reads a project.qde; `file` names it in messages. */
export function readProjectTree(root: XmlElement, file: string): RefiProject {
  const read = new Reader(file);
  read.expectRoot(root, 'Project', 'a project.qde');
  const sources = childNamed(root, 'Sources');
  const otherSources: Record<string, number> = {};
  for (const child of sources?.children ?? []) if (OTHER_SOURCES.includes(child.name)) otherSources[child.name] = (otherSources[child.name] ?? 0) + 1;
  const codebook = childNamed(root, 'CodeBook');
  return {
    name: root.attributes.name ?? '',
    origin: root.attributes.origin,
    creatingUserGuid: root.attributes.creatingUserGUID,
    creationDateTime: root.attributes.creationDateTime,
    modifiedDateTime: root.attributes.modifiedDateTime,
    users: childrenNamed(childNamed(root, 'Users') ?? root, 'User').map((u) => ({ guid: read.guid(u), name: u.attributes.name, id: u.attributes.id })),
    codes: codebook ? read.codes(read.required(codebook, 'Codes')) : [],
    variables: childrenNamed(childNamed(root, 'Variables') ?? root, 'Variable').map((v) => ({
      guid: read.guid(v),
      name: read.attribute(v, 'name'),
      type: read.variableType(v),
      description: childNamed(v, 'Description')?.text,
    })),
    cases: childrenNamed(childNamed(root, 'Cases') ?? root, 'Case').map((c) => read.case(c)),
    sources: childrenNamed(sources ?? root, 'TextSource').map((s) => read.textSource(s)),
    otherSources,
    notes: childrenNamed(childNamed(root, 'Notes') ?? root, 'Note').map((n) => read.textSource(n)),
    links: childrenNamed(childNamed(root, 'Links') ?? root, 'Link').map((l) => read.link(l)),
    sets: read.sets(childNamed(root, 'Sets')),
    description: childNamed(root, 'Description')?.text,
    noteRefs: read.refs(root, 'NoteRef'),
  };
}

class Reader {
  constructor(private readonly file: string) {}

  expectRoot(root: XmlElement, name: string, what: string): void {
    if (root.name !== name) this.fail(root, `the root element is <${root.name}>, not <${name}>: this is not ${what}`, `Give ${what} file`);
  }

  required(element: XmlElement, name: string): XmlElement {
    const child = childNamed(element, name);
    if (!child) this.fail(element, `<${element.name}> has no <${name}>`, 'The file is incomplete; export it again');
    return child;
  }

  attribute(element: XmlElement, name: string): string {
    const value = element.attributes[name];
    if (value === undefined || value.trim() === '') this.fail(element, `<${element.name}> has no ${name}`, `Every ${element.name} needs a ${name}; export the file again`);
    return value;
  }

  /** The element's @guid, trimmed (case and braces are kept; see guidKey). */
  guid(element: XmlElement, name = 'guid'): string {
    return this.attribute(element, name).trim();
  }

  integer(element: XmlElement, name: string): number {
    const text = this.attribute(element, name).trim();
    if (!/^[-+]?\d+$/.test(text)) this.fail(element, `${name}="${text}" of <${element.name}> is not a whole number`, 'Positions count characters from 0; export the file again');
    return Number(text);
  }

  refs(element: XmlElement, name: string, attribute = 'targetGUID'): string[] {
    return childrenNamed(element, name).map((r) => this.guid(r, attribute));
  }

  codes(codes: XmlElement): RefiCode[] {
    return childrenNamed(codes, 'Code').map((c) => this.code(c));
  }

  code(element: XmlElement): RefiCode {
    const codable = element.attributes.isCodable?.trim();
    return {
      guid: this.guid(element),
      name: this.attribute(element, 'name'),
      isCodable: codable !== 'false' && codable !== '0',
      color: element.attributes.color?.trim() || undefined,
      description: childNamed(element, 'Description')?.text,
      noteRefs: this.refs(element, 'NoteRef'),
      children: childrenNamed(element, 'Code').map((c) => this.code(c)),
      at: { line: element.line, col: element.col },
    };
  }

  sets(sets: XmlElement | undefined): RefiSet[] {
    return childrenNamed(sets ?? EMPTY, 'Set').map((s) => ({
      guid: this.guid(s),
      name: s.attributes.name ?? '',
      description: childNamed(s, 'Description')?.text,
      // A .qdc writes the member as @guid, a project as @targetGUID; some tools mix them up.
      memberCodes: childrenNamed(s, 'MemberCode').map((m) => this.guid(m, m.attributes.targetGUID !== undefined ? 'targetGUID' : 'guid')),
    }));
  }

  variableType(element: XmlElement): VariableType {
    const type = this.attribute(element, 'typeOfVariable').trim();
    if (!(VARIABLE_TYPES as readonly string[]).includes(type)) this.fail(element, `typeOfVariable="${type}" is not one of ${VARIABLE_TYPES.join(', ')}`, 'Export the file again');
    return type as VariableType;
  }

  variableValues(element: XmlElement): RefiVariableValue[] {
    return childrenNamed(element, 'VariableValue').map((v) => {
      const ref = this.required(v, 'VariableRef');
      const value = v.children.find((c) => c.name.endsWith('Value'));
      const type = (value?.name.slice(0, -'Value'.length) ?? 'Text') as VariableType;
      return { variableGuid: this.guid(ref, 'targetGUID'), type: (VARIABLE_TYPES as readonly string[]).includes(type) ? type : 'Text', value: value?.text.trim() ?? '', at: { line: v.line, col: v.col } };
    });
  }

  case(element: XmlElement): RefiCase {
    return {
      guid: this.guid(element),
      name: element.attributes.name,
      description: childNamed(element, 'Description')?.text,
      values: this.variableValues(element),
      sourceRefs: this.refs(element, 'SourceRef'),
      at: { line: element.line, col: element.col },
    };
  }

  coding(element: XmlElement): RefiCoding {
    return {
      guid: this.guid(element),
      codeGuid: this.guid(this.required(element, 'CodeRef'), 'targetGUID'),
      creatingUser: element.attributes.creatingUser,
      creationDateTime: element.attributes.creationDateTime,
      noteRefs: this.refs(element, 'NoteRef'),
      at: { line: element.line, col: element.col },
    };
  }

  selection(element: XmlElement): RefiSelection {
    return {
      guid: this.guid(element),
      name: element.attributes.name,
      start: this.integer(element, 'startPosition'),
      end: this.integer(element, 'endPosition'),
      creatingUser: element.attributes.creatingUser ?? element.attributes.modifyingUser,
      creationDateTime: element.attributes.creationDateTime ?? element.attributes.modifiedDateTime,
      description: childNamed(element, 'Description')?.text,
      codings: childrenNamed(element, 'Coding').map((c) => this.coding(c)),
      noteRefs: this.refs(element, 'NoteRef'),
      at: { line: element.line, col: element.col },
    };
  }

  textSource(element: XmlElement): RefiTextSource {
    const content = childNamed(element, 'PlainTextContent');
    return {
      guid: this.guid(element),
      name: element.attributes.name,
      plainTextPath: element.attributes.plainTextPath,
      richTextPath: element.attributes.richTextPath,
      plainTextContent: content?.text,
      description: childNamed(element, 'Description')?.text,
      creatingUser: element.attributes.creatingUser ?? element.attributes.modifyingUser,
      creationDateTime: element.attributes.creationDateTime ?? element.attributes.modifiedDateTime,
      modifiedDateTime: element.attributes.modifiedDateTime,
      selections: childrenNamed(element, 'PlainTextSelection').map((s) => this.selection(s)),
      codings: childrenNamed(element, 'Coding').map((c) => this.coding(c)),
      noteRefs: this.refs(element, 'NoteRef'),
      values: this.variableValues(element),
      at: { line: element.line, col: element.col },
    };
  }

  link(element: XmlElement): RefiLink {
    const direction = element.attributes.direction;
    return {
      guid: this.guid(element),
      name: element.attributes.name,
      direction: direction === 'Associative' || direction === 'OneWay' || direction === 'Bidirectional' ? direction : undefined,
      originGuid: element.attributes.originGUID,
      targetGuid: element.attributes.targetGUID,
    };
  }

  fail(element: XmlElement, message: string, hint: string): never {
    throw new InputError(message, { file: this.file, line: element.line, col: element.col, hint });
  }
}

const EMPTY: XmlElement = { name: '', ns: '', attributes: {}, children: [], text: '', line: 0, col: 0 };
