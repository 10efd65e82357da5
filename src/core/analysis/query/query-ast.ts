/** The query language's syntax tree, and printing it back as text. */

/** A code (with its descendants); `col` is where it stands in the query text, when parsed from one. */
export interface CodeTerm {
  kind: 'code';
  code: string;
  col?: number;
}

/** The units that do not match the operand (among the units that carry any code). */
export interface NotTerm {
  kind: 'not';
  operand: QueryNode;
}

/** AND, OR, or a proximity operator between two operands. */
export interface BinaryTerm {
  kind: 'and' | 'or' | 'same-turn';
  left: QueryNode;
  right: QueryNode;
}

/** Units of either side with a unit of the other side at most `distance` units away in the same source. */
export interface NearTerm {
  kind: 'near';
  distance: number;
  left: QueryNode;
  right: QueryNode;
}

/** A parsed query. */
export type QueryNode = CodeTerm | NotTerm | BinaryTerm | NearTerm;

/**
 * How tightly each operator binds: NOT before NEAR/n and SAME-TURN, before AND, before OR. Proximity
 * binds tighter than AND, as in search engines' W/n, so `a AND b NEAR/2 c` is `a AND (b NEAR/2 c)`.
 */
export const PRECEDENCE = { or: 1, and: 2, near: 3, 'same-turn': 3, not: 4, code: 5 } as const;

/** The operator words, as printed (they are read in any case). */
export const OPERATOR_WORDS = ['AND', 'OR', 'NOT', 'SAME-TURN'] as const;

/** A code as written in a query: bare when it reads as one word that is not an operator, else in double quotes. */
export function printCode(code: string): string {
  const plain = /^[^\s()"]+$/.test(code) && !isOperatorWord(code);
  return plain ? code : `"${code}"`;
}

/** Whether a bare word would be read as an operator (AND, or, Not, NEAR/3, same-turn, …). */
export function isOperatorWord(word: string): boolean {
  const upper = word.toUpperCase();
  return (OPERATOR_WORDS as readonly string[]).includes(upper) || upper === 'NEAR' || /^NEAR\//.test(upper);
}

/** The query as text, with parentheses only where precedence needs them; parsing it gives the same tree. */
export function printQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'code':
      return printCode(node.code);
    case 'not':
      return `NOT ${wrap(node.operand, PRECEDENCE.not, false)}`;
    default: {
      const op = node.kind === 'near' ? `NEAR/${node.distance}` : node.kind.toUpperCase();
      const own = PRECEDENCE[node.kind];
      // Operators group to the left, so a right operand of the same precedence needs parentheses.
      return `${wrap(node.left, own, false)} ${op} ${wrap(node.right, own, true)}`;
    }
  }
}

function wrap(node: QueryNode, parent: number, right: boolean): string {
  const own = PRECEDENCE[node.kind];
  const text = printQuery(node);
  return own < parent || (right && own === parent) ? `(${text})` : text;
}

/** Every code term of the query, in reading order; `negated` when under an odd number of NOTs. */
export function codeTerms(node: QueryNode, negated = false): { term: CodeTerm; negated: boolean }[] {
  switch (node.kind) {
    case 'code':
      return [{ term: node, negated }];
    case 'not':
      return codeTerms(node.operand, !negated);
    default:
      return [...codeTerms(node.left, negated), ...codeTerms(node.right, negated)];
  }
}
