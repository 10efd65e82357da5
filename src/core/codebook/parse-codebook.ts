/**
 * Parses and validates a codebook YAML file (format: docs/codebook.md) into a Codebook, reporting
 * every problem at the line:col of the node or key at fault.
 */
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import { readCodebookMeta, readNegation } from './read-codebook-header.js';
import { readCodes, type ReadCode } from './read-codes.js';
import { resolveCodeTree } from './resolve-code-tree.js';
import { YamlFieldReader } from './yaml-field-reader.js';
import type { Codebook, CodebookProblem } from './types.js';

const TOP_KEYS = ['codebook', 'negation', 'codes'];

/** Parses codebook YAML; the codebook is returned only when no problem is an error. */
export function parseCodebook(text: string): { codebook?: Codebook; problems: CodebookProblem[] } {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The YAML parser recurses on nesting; absurd depth overflows the stack rather than failing cleanly.
    if (error instanceof RangeError) {
      return { problems: [{ line: 1, col: 1, severity: 'error', message: 'the YAML is nested too deeply to read' }] };
    }
    throw error;
  }
  const reader = new YamlFieldReader(text, lineCounter, doc);
  const syntax = doc.errors[0];
  if (syntax) {
    reader.error(syntax.pos[0], `YAML syntax: ${syntaxMessage(syntax.code, syntax.message)}`);
    return { problems: reader.problems };
  }
  const codebook = readCodebook(reader, doc);
  const problems = reader.problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return problems.some((p) => p.severity === 'error') || !codebook ? { problems } : { codebook, problems };
}

function syntaxMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'the file holds more than one YAML document; a codebook is one document (remove the extra ---)';
  if (code === 'DUPLICATE_KEY') return 'the same key appears twice in one mapping; keep one';
  return message.split('\n')[0]!;
}

/** Reads every section; the codebook is undefined when the file or its header is unusable. */
function readCodebook(reader: YamlFieldReader, doc: Document): Codebook | undefined {
  const top = reader.deref(doc.contents);
  if (top === null || top === undefined) {
    reader.error(0, 'the codebook file is empty; start it with codebook: (name, version) and codes:');
    return undefined;
  }
  if (!isMap(top)) {
    reader.error(top, 'a codebook file is a mapping with codebook:, negation: and codes:');
    return undefined;
  }
  const fields = reader.fields(top, TOP_KEYS, 'the codebook file');
  const { meta, languages } = readCodebookMeta(reader, fields.get('codebook'), top);
  const negation = readNegation(reader, fields.get('negation'));
  const codesField = fields.get('codes');
  let codes: ReadCode[] = [];
  if (!codesField) reader.error(top, 'the codebook has no codes:; add a list of codes, each with id: and definition:');
  else if (reader.isEmpty(codesField)) reader.error(codesField.key, 'codes: is empty; add at least one code');
  else {
    const list = reader.list(codesField, 'codes');
    if (list && list.length === 0) reader.error(codesField.value, 'codes: is empty; add at least one code');
    if (list) codes = readCodes(reader, list, languages);
  }
  const ordered = resolveCodeTree(reader, codes);
  if (!meta) return undefined;
  return { ...meta, languages, negation, codes: ordered };
}
