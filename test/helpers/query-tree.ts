import type { QueryNode } from '../../src/core/analysis/query/query-ast.js';

/** The tree without the columns of its code terms, to compare parses of differently written queries. */
export function bareQuery(node: QueryNode): QueryNode {
  switch (node.kind) {
    case 'code':
      return { kind: 'code', code: node.code };
    case 'not':
      return { kind: 'not', operand: bareQuery(node.operand) };
    default:
      return { ...node, left: bareQuery(node.left), right: bareQuery(node.right) };
  }
}
