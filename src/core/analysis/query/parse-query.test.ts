import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../errors.js';
import { MAX_QUERY_DEPTH, parseQuery } from './parse-query.js';
import { bareQuery } from '../../../../test/helpers/query-tree.js';
import { codeTerms, printQuery, type QueryNode } from './query-ast.js';

/** A compact picture of a tree: (and a (not b)). */
function shape(node: QueryNode): string {
  switch (node.kind) {
    case 'code':
      return node.code;
    case 'not':
      return `(not ${shape(node.operand)})`;
    case 'near':
      return `(near/${node.distance} ${shape(node.left)} ${shape(node.right)})`;
    default:
      return `(${node.kind} ${shape(node.left)} ${shape(node.right)})`;
  }
}

function errorOf(text: string): string {
  try {
    parseQuery(text);
  } catch (error) {
    if (error instanceof InputError) return error.format();
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseQuery', () => {
  it.each([
    ['a', 'a'],
    ['a OR b AND c', '(or a (and b c))'],
    ['a AND b OR c', '(or (and a b) c)'],
    ['NOT a AND b', '(and (not a) b)'],
    ['NOT (a AND b)', '(not (and a b))'],
    ['NOT NOT a', '(not (not a))'],
    ['a AND b NEAR/2 c', '(and a (near/2 b c))'],
    ['a NEAR/1 b SAME-TURN c', '(same-turn (near/1 a b) c)'],
    ['a SAME-TURN NOT b', '(same-turn a (not b))'],
    ['(a OR b) AND c', '(and (or a b) c)'],
    ['a AND (b OR (c AND d))', '(and a (or b (and c d)))'],
    ['a and b or not c', '(or (and a b) (not c))'],
    ['a near/0 b same-turn c', '(same-turn (near/0 a b) c)'],
    ['a AND b AND c', '(and (and a b) c)'],
    ['role/educator AND barrier', '(and role/educator barrier)'],
    ['"not" OR "two words"', '(or not two words)'],
    ['(a)AND(b)', '(and a b)'],
  ])('%s → %s', (text, expected) => {
    expect(shape(parseQuery(text))).toBe(expected);
  });

  it('remembers where each code stands', () => {
    expect(codeTerms(parseQuery('barrier AND  NOT role/x')).map((t) => [t.term.code, t.term.col, t.negated])).toEqual([
      ['barrier', 1, false],
      ['role/x', 18, true],
    ]);
  });

  it.each([
    ['', 'query:1:1: the query is empty'],
    ['barrier AND', 'query:1:12: expected a code after AND'],
    ['barrier AND )', 'query:1:13: expected a code after AND, found )'],
    ['a OR', 'query:1:5: expected a code after OR'],
    ['NOT', 'query:1:4: expected a code after NOT'],
    ['a b', 'query:1:3: expected AND, OR, NOT, NEAR/n or SAME-TURN before "b"'],
    ['(a OR b', 'query:1:8: expected ) to close the ( at column 1, found the end'],
    ['a )', 'query:1:3: ) has no matching ('],
    ['()', 'query:1:2: expected a code after (, found )'],
    ['AND a', 'query:1:1: expected a code, found AND'],
    ['a NEAR b', 'query:1:3: "NEAR" needs a distance in units'],
    ['a NEAR/x b', 'query:1:3: "NEAR/x" needs a distance in units'],
    ['a AND "b', 'query:1:7: this quote is not closed'],
    ['a AND ""', 'query:1:7: an empty code in quotes'],
  ])('%j fails at its column: %s', (text, expected) => {
    expect(errorOf(text).startsWith(expected)).toBe(true);
  });

  it('refuses nesting deeper than MAX_QUERY_DEPTH with an InputError, not a stack overflow (fuzz counterexample)', () => {
    // 2,198 open parentheses overflowed the stack with a RangeError.
    const deep = `${'('.repeat(2198)}a${')'.repeat(2198)}`;
    expect(() => parseQuery(deep)).toThrow(InputError);
    expect(() => parseQuery(deep)).toThrow(expect.objectContaining({ location: { file: 'query', line: 1, col: MAX_QUERY_DEPTH + 1 } }));
    expect(() => parseQuery(`${'NOT '.repeat(5000)}a`)).toThrow(InputError);
    const allowed = `${'('.repeat(MAX_QUERY_DEPTH - 1)}NOT a${')'.repeat(MAX_QUERY_DEPTH - 1)}`;
    expect(parseQuery(allowed)).toMatchObject({ kind: 'not', operand: { kind: 'code', code: 'a' } });
  });

  it('counts columns in characters, not UTF-16 units', () => {
    // 10 characters, 11 UTF-16 units: the end is column 11.
    expect(errorOf('kode/😀 AND')).toMatch(/^query:1:11: /);
  });

  it('parses what printQuery prints back to the same tree', () => {
    const code = fc.oneof(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,6}(\/[a-z0-9][a-z0-9-]{0,5}){0,2}$/),
      fc.constantFrom('and', 'NOT', 'near', 'near/2', 'same-turn', 'two words', 'a(b)', 'é/ü'),
    );
    const tree = fc.letrec<{ node: QueryNode }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        code.map((c): QueryNode => ({ kind: 'code', code: c })),
        tie('node').map((operand): QueryNode => ({ kind: 'not', operand })),
        fc.record({ kind: fc.constantFrom('and' as const, 'or' as const, 'same-turn' as const), left: tie('node'), right: tie('node') }),
        fc.record({ kind: fc.constant('near' as const), distance: fc.nat({ max: 20 }), left: tie('node'), right: tie('node') }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (node) => {
        expect(bareQuery(parseQuery(printQuery(node)))).toEqual(node);
      }),
      { numRuns: 500 },
    );
  });

  it('prints only the parentheses precedence needs', () => {
    expect(printQuery(parseQuery('(a AND b) OR (c AND (d OR e))'))).toBe('a AND b OR c AND (d OR e)');
    expect(printQuery(parseQuery('a AND (b AND c)'))).toBe('a AND (b AND c)');
    expect(printQuery(parseQuery('NOT (a near/3 b)'))).toBe('NOT (a NEAR/3 b)');
  });
});
