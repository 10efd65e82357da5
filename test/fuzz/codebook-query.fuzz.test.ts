/**
 * The codebook loader and the two query languages (`telaah query` expressions and `telaah search`
 * words), fed real codebooks and queries after a few edits: the codebook parser reports problems (never
 * throws) at places inside the file and returns only well-formed trees; the parsers throw only an
 * InputError at a column of the query; what printQuery prints parses back to the same tree; and REFI-QDA
 * codes made into codebook YAML read back as a valid codebook with the same ids and definitions.
 */

import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/core/analysis/query/parse-query.js';
import { printQuery, type QueryNode } from '../../src/core/analysis/query/query-ast.js';
import { Document } from 'yaml';
import { parseCodebook } from '../../src/core/codebook/parse-codebook.js';
import type { CodeDef } from '../../src/core/codebook/types.js';
import { parseSearchWords } from '../../src/core/search/parse-search.js';
import { InputError } from '../../src/errors.js';
import { buildRefiProject } from '../../src/interop/build-refi-project.js';
import { codebookFromRefi } from '../../src/interop/codebook-from-refi.js';
import { readCodebookTree } from '../../src/interop/read-refi-xml.js';
import { renderCodebookXml } from '../../src/interop/write-qdc.js';
import { parseXmlTree } from '../../src/interop/xml-tree.js';
import type { RefiCode } from '../../src/interop/refi-model.js';
import { checkProperty, FUZZ_TIMEOUT, mutatedText, REPO, settle, textsUnder } from './fuzz-kit.js';
import { bareQuery } from '../helpers/query-tree.js';

const CODEBOOKS = [
  ...textsUnder([join(REPO, 'codebooks'), join(REPO, 'test/fixtures')], ['.yaml']),
].map((t) => (t.length > 12_000 ? t.slice(0, 12_000) : t));
const QUERIES = [
  'barrier/distrust AND (role/educator OR role/broker)',
  'NOT barrier/economic',
  'strategy NEAR/3 barrier SAME-TURN "and"',
  '(a OR b) AND NOT (c NEAR/2 d)',
  '"two words" OR é/ü',
  'barrier/documentation AND NOT strategy/registration-assistance OR role/broker',
];

/** A query error stands at `query:1:COL` with COL inside the query or just past its end. */
function expectQueryPlace(error: InputError, text: string): void {
  expect(error.location.file).toBe('query');
  expect(error.location.line).toBe(1);
  const col = error.location.col!;
  expect(Number.isInteger(col) && col >= 1 && col <= [...text].length + 1).toBe(true);
}

describe('fuzz: codebook loader', () => {
  it('parseCodebook never throws; problems stand inside the file; a codebook it returns is a well-formed tree', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(mutatedText(CODEBOOKS), (text) => {
        const { codebook, problems } = parseCodebook(text);
        const lines = text.split('\n');
        for (const p of problems) {
          expect(p.line >= 1 && p.line <= lines.length, `line ${p.line} of ${lines.length}: ${p.message}`).toBe(true);
          expect(p.col >= 1 && p.col <= [...lines[p.line - 1]!].length + 1, `col ${p.col} on line ${p.line}: ${p.message}`).toBe(true);
        }
        if (!codebook) {
          expect(problems.some((p) => p.severity === 'error')).toBe(true);
          return;
        }
        const seen = new Set<string>();
        for (const code of codebook.codes) {
          expect(code.id).toMatch(/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/);
          expect(seen.has(code.id)).toBe(false);
          if (code.parent !== null) expect(seen.has(code.parent)).toBe(true);
          seen.add(code.id);
        }
      }),
    );
  });

  it('REFI-QDA codes → codebook YAML → codebook keeps every code, its id, definition and colour', { timeout: FUZZ_TIMEOUT }, async () => {
    const name = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.constantFrom('Health care', 'Kebutuhan dasar (pangan)', '---', '!', 'é', 'code'));
    const codeAt = (depth: number): fc.Arbitrary<RefiCode> =>
      fc.record({
        guid: fc.constant(''),
        name: name.filter((n) => n.trim() !== ''),
        isCodable: fc.constant(true),
        color: fc.option(fc.constantFrom('#ff0000', '#ABC', 'red', ' #00ff00 '), { nil: undefined }),
        description: fc.option(fc.string({ unit: 'binary', maxLength: 40 }), { nil: undefined }),
        noteRefs: fc.constant([]),
        children: depth === 0 ? fc.constant([]) : fc.array(codeAt(depth - 1), { maxLength: 2 }),
      });
    // Every code its own GUID, in reading order.
    const numbered = (codes: RefiCode[]): RefiCode[] => {
      let n = 0;
      const walk = (list: RefiCode[]): RefiCode[] => list.map((c) => ({ ...c, guid: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, children: walk(c.children) }));
      return walk(codes);
    };
    await checkProperty(
      fc.property(fc.array(codeAt(2), { minLength: 1, maxLength: 4 }).map(numbered), fc.string({ unit: 'binary', maxLength: 20 }), (codes, project) => {
        const made = codebookFromRefi(codes, { name: project.trim() || 'Imported', version: '1', languages: ['id', 'en'], from: `${project}.qdpx` });
        const { codebook, problems } = parseCodebook(made.yaml);
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const flat: RefiCode[] = [];
        const walk = (list: readonly RefiCode[]): void => list.forEach((c) => (flat.push(c), walk(c.children)));
        walk(codes);
        expect(codebook!.codes.map((c) => c.id)).toEqual(flat.map((c) => made.idByGuid.get(c.guid.toLowerCase())));
        codebook!.codes.forEach((c, i) => {
          const description = flat[i]!.description?.trim();
          if (description) expect(c.definition).toBe(description);
          const color = flat[i]!.color?.trim();
          expect(c.color).toBe(color && /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.test(color) ? color : undefined);
        });
      }),
    );
  });
});

describe('fuzz: codebook → YAML → codebook → .qdc → codebook', () => {
  it('a written codebook reads back, and exported as .qdc and imported keeps its ids, tree, definitions and colours', { timeout: FUZZ_TIMEOUT }, async () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/);
    type Spec = { segment: string; definition: string; color?: string; children: Spec[] };
    const specAt = (depth: number): fc.Arbitrary<Spec> =>
      fc.record(
        {
          segment,
          definition: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((d) => d.trim() !== ''),
          color: fc.constantFrom('#ff0000', '#ABC', '#00aa11'),
          children: depth === 0 ? fc.constant([]) : fc.uniqueArray(specAt(depth - 1), { maxLength: 3, selector: (c) => c.segment }),
        },
        { requiredKeys: ['segment', 'definition', 'children'] },
      );
    await checkProperty(
      fc.property(fc.uniqueArray(specAt(2), { minLength: 1, maxLength: 4, selector: (c) => c.segment }), (specs) => {
        const entry = (spec: Spec, parent: string | null): Record<string, unknown> => {
          const id = parent === null ? spec.segment : `${parent}/${spec.segment}`;
          return { id, definition: spec.definition, ...(spec.color ? { color: spec.color } : {}), ...(spec.children.length ? { children: spec.children.map((c) => entry(c, id)) } : {}) };
        };
        const yaml = new Document({ codebook: { name: 'Fuzz', version: '1', languages: ['id', 'en'] }, codes: specs.map((s) => entry(s, null)) }).toString();
        const { codebook, problems } = parseCodebook(yaml);
        expect(problems.filter((p) => p.severity === 'error'), yaml).toEqual([]);
        const snapshot = {
          name: 'Fuzz',
          namespace: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
          createdAt: null,
          modifiedAt: null,
          codebook: { name: 'Fuzz', version: '1', codes: codebook!.codes.map((c) => ({ id: c.id, parent: c.parent, label: c.label, definition: c.definition, color: c.color })) },
          sources: [],
          codings: [],
          participants: [],
          memos: [],
        };
        const xml = renderCodebookXml({ origin: 'telaah fuzz', codes: buildRefiProject(snapshot, 'telaah fuzz').project.codes, sets: [] });
        const refi = readCodebookTree(parseXmlTree(xml, 'c.qdc'), 'c.qdc');
        const back = parseCodebook(codebookFromRefi(refi.codes, { name: 'Fuzz', version: '2', languages: ['id', 'en'], from: 'c.qdc' }).yaml);
        expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const shape = (c: CodeDef) => ({ id: c.id, parent: c.parent, definition: c.definition.trim(), color: c.color });
        expect(back.codebook!.codes.map(shape)).toEqual(codebook!.codes.map(shape));
      }),
    );
  });
});

describe('fuzz: query and search parsers', () => {
  it('parseQuery: only InputError at a column of the query; what it parses prints back to the same tree', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(mutatedText(QUERIES), (text) => {
        const result = settle(() => parseQuery(text));
        if ('error' in result) {
          expectQueryPlace(result.error as InputError, text);
          return;
        }
        expect(bareQuery(parseQuery(printQuery(result.value)))).toEqual(bareQuery(result.value));
      }),
    );
  });

  it('printQuery → parseQuery is the identity on trees of any codes a query can hold', { timeout: FUZZ_TIMEOUT }, async () => {
    const code = fc.oneof(
      fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,6}(\/[a-z0-9][a-z0-9-]{0,5}){0,2}$/),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 10 }).filter((s) => !s.includes('"') && s.trim() !== ''),
      fc.constantFrom('and', 'NOT', 'near', 'NEAR/2', 'near/x', 'same-turn', 'Or', '(', ')', 'a b'),
    );
    const tree = fc.letrec<{ node: QueryNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ kind: fc.constant('code' as const), code }),
        fc.record({ kind: fc.constant('not' as const), operand: tie('node') }),
        fc.record({ kind: fc.constantFrom('and' as const, 'or' as const, 'same-turn' as const), left: tie('node'), right: tie('node') }),
        fc.record({ kind: fc.constant('near' as const), distance: fc.nat(), left: tie('node'), right: tie('node') }),
      ),
    })).node;
    await checkProperty(
      fc.property(tree, (node) => {
        expect(bareQuery(parseQuery(printQuery(node)))).toEqual(node);
      }),
    );
  });

  it('parseQuery on deep nesting: an InputError or a tree, never a stack overflow', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('(', 'NOT ', 'NOT ('), (depth, open) => {
        const text = `${open.repeat(depth)}a${open.includes('(') ? ')'.repeat(depth) : ''}`;
        const result = settle(() => parseQuery(text));
        if ('error' in result) expectQueryPlace(result.error as InputError, text);
      }),
    );
  });

  it('parseSearchWords: only InputError; every term has words', { timeout: FUZZ_TIMEOUT }, async () => {
    await checkProperty(
      fc.property(fc.array(mutatedText(['kartu keluarga', '"kartu keluarga" iuran', 'daft*', 'BPJS/TK', 'Ibu "Siti', 'NEAR AND -x']), { minLength: 1, maxLength: 3 }), (args) => {
        const result = settle(() => parseSearchWords(args));
        if ('value' in result) for (const term of result.value) expect(term.words.length).toBeGreaterThan(0);
      }),
    );
  });
});


