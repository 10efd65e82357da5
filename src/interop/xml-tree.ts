/**
 * Parses the XML of a REFI-QDA file into a small element tree, with saxes: a strict, non-validating
 * parser that does no I/O of its own and does not process DTDs, so an external entity is never fetched
 * and an entity bomb never expands (an entity other than the five XML ones and character references is
 * an error). A DOCTYPE is refused outright: no REFI-QDA file has one. Names are namespace-resolved, so
 * `Code` is found whatever prefix or namespace version (1.0, 0:4) the file uses.
 */
import { SaxesParser } from 'saxes';
import { InputError } from '../errors.js';

/** An element: local name, namespace, attributes by local name, children, and its own text. */
export interface XmlElement {
  name: string;
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  col: number;
}

/** The root element of `xml`; `file` names it in messages (file:line:col). */
export function parseXmlTree(xml: string, file: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: InputError | undefined;
  const fail = (message: string, hint: string): void => {
    failure ??= new InputError(message, { file, line: parser.line, col: parser.column + 1, hint });
  };
  parser.on('error', (error) => fail(`not well-formed XML: ${error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')}`, 'The file is damaged or cut short; export it again'));
  parser.on('doctype', () => fail('a DOCTYPE declaration is not allowed in a REFI-QDA file', 'REFI-QDA files have none; this file was altered or is not from a QDA program'));
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      attributes[attribute.local] = attribute.value;
    }
    const element: XmlElement = { name: tag.local, ns: tag.uri, attributes, children: [], text: '', line: parser.line, col: parser.column + 1 };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('cdata', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  try {
    parser.write(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
    if (!failure) parser.close();
  } catch (error) {
    fail(`not well-formed XML: ${(error as Error).message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')}`, 'The file is damaged or cut short; export it again');
  }
  if (failure) throw failure;
  if (!root) throw new InputError('no XML element found', { file, hint: 'The file is empty or not XML; export it again' });
  return root;
}

/** The children of `element` with this local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The first child with this local name. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
