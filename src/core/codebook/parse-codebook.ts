/**
 * Parses and validates a codebook YAML file (format: docs/codebook.md) into a Codebook, reporting
 * every problem at the line:col of the node or key at fault.
 */
import { isMap, LineCounter, parseDocument, visit, type Alias, type Document } from 'yaml';
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
  const runaway = runawayAlias(doc);
  if (runaway !== undefined) {
    reader.error(runaway, `*${runaway.source} and the aliases like it repeat values so often that reading them would not end (a "billion laughs" file); a codebook needs at most a few aliases: write the values out`);
    return { problems: reader.problems };
  }
  const codebook = readCodebook(reader, doc);
  const problems = reader.problems.sort((a, b) => a.line - b.line || a.col - b.col);
  return problems.some((p) => p.severity === 'error') || !codebook ? { problems } : { codebook, problems };
}

/**
 * An alias that makes the document expand beyond what yaml allows (its maxAliasCount of 100, weighed by the
 * aliases inside what it repeats), or undefined. The reader walks aliases where they stand, so 3,000 codes
 * sharing one 100,000-term list would otherwise be read term by term 3,000 times.
 */
function runawayAlias(doc: Document): Alias | undefined {
  let aliases = 0;
  try {
    visit(doc, { Alias: () => void (aliases += 1) });
    if (aliases === 0) return undefined;
    // toJS resolves each alias to the one value its anchor built, so this check costs no expansion.
    doc.toJS({ maxAliasCount: 100 });
    return undefined;
  } catch (error) {
    // Other alias faults (an alias with no anchor) are reported where the reader meets them.
    if (!/excessive alias count/i.test((error as Error).message)) return undefined;
    const uses = new Map<string, number>();
    let worst: Alias | undefined;
    visit(doc, {
      Alias: (_, alias) => {
        const n = (uses.get(alias.source) ?? 0) + 1;
        uses.set(alias.source, n);
        if (worst === undefined || n > (uses.get(worst.source) ?? 0)) worst = alias;
      },
    });
    return worst;
  }
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
