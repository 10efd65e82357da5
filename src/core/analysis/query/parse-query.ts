/**
 * The query language: codes combined with AND, OR, NOT, NEAR/n and SAME-TURN, and parentheses. A
 * recursive-descent parser, one function per precedence level (NOT binds tightest, then NEAR/n and
 * SAME-TURN, then AND, then OR; binary operators group to the left).
 */
import type { QueryNode } from './query-ast.js';
import { queryError, tokenizeQuery, type QueryToken } from './tokenize-query.js';

const EXAMPLE = 'e.g. barrier/distrust AND (role/educator OR role/broker)';
/** Parentheses and NOTs nested deeper than this are refused: the parser recurses on them. */
export const MAX_QUERY_DEPTH = 256;

/** Parses a query; a syntax error is an InputError at `query:1:COL`. */
export function parseQuery(text: string): QueryNode {
  const tokens = tokenizeQuery(text);
  let at = 0;
  const peek = (): QueryToken => tokens[at]!;
  const next = (): QueryToken => tokens[at++]!;
  /** What stands at a token, for messages. */
  const describe = (t: QueryToken): string => (t.type === 'end' ? 'the end' : t.type === 'code' ? `"${t.code}"` : t.text);

  let depth = 0;
  const operand = (after: QueryToken | undefined): QueryNode => {
    const t = next();
    if (t.type === 'code') return { kind: 'code', code: t.code, col: t.col };
    if ((t.type === 'not' || t.type === '(') && ++depth > MAX_QUERY_DEPTH) {
      throw queryError(`the query nests NOT and parentheses more than ${MAX_QUERY_DEPTH} deep`, t.col, 'Write it with fewer levels');
    }
    if (t.type === 'not') {
      const node: QueryNode = { kind: 'not', operand: operand(t) };
      depth -= 1;
      return node;
    }
    if (t.type === '(') {
      const inner = or(t);
      depth -= 1;
      const close = next();
      if (close.type !== ')') {
        throw queryError(`expected ) to close the ( at column ${t.col}, found ${describe(close)}`, close.col, close.type === 'end' ? 'Add the missing )' : 'Join terms with AND, OR, NEAR/n or SAME-TURN');
      }
      return inner;
    }
    if (after === undefined) {
      if (t.type === 'end') throw queryError('the query is empty', t.col, `Write codes joined by AND, OR, NOT, NEAR/n, SAME-TURN, ${EXAMPLE}`);
      throw queryError(`expected a code, found ${describe(t)}`, t.col, `A query starts with a code, NOT or (, ${EXAMPLE}`);
    }
    const op = describe(after);
    throw queryError(`expected a code after ${op}${t.type === 'end' ? '' : `, found ${describe(t)}`}`, t.col, `Write a code id, NOT or ( after ${op}, ${EXAMPLE}`);
  };

  // Each level reads its first operand after `after` (the operator or parenthesis before it, if any), so
  // that a missing operand is reported against the operator that wanted it.
  const proximity = (after: QueryToken | undefined): QueryNode => {
    let left = operand(after);
    for (let t = peek(); t.type === 'near' || t.type === 'same-turn'; t = peek()) {
      next();
      const right = operand(t);
      left = t.type === 'near' ? { kind: 'near', distance: t.distance, left, right } : { kind: 'same-turn', left, right };
    }
    return left;
  };

  const and = (after: QueryToken | undefined): QueryNode => {
    let left = proximity(after);
    for (let t = peek(); t.type === 'and'; t = peek()) {
      next();
      left = { kind: 'and', left, right: proximity(t) };
    }
    return left;
  };

  const or = (after: QueryToken | undefined): QueryNode => {
    let left = and(after);
    for (let t = peek(); t.type === 'or'; t = peek()) {
      next();
      left = { kind: 'or', left, right: and(t) };
    }
    return left;
  };

  const tree = or(undefined);
  const rest = peek();
  if (rest.type === ')') throw queryError(') has no matching (', rest.col, 'Remove it or add a ( before it');
  if (rest.type !== 'end') {
    throw queryError(`expected AND, OR, NOT, NEAR/n or SAME-TURN before ${describe(rest)}`, rest.col, `Join codes with an operator, ${EXAMPLE}`);
  }
  return tree;
}
