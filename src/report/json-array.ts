/**
 * A JSON array written element by element, byte for byte as JSON.stringify(array, null, 2) and a newline
 * would write it whole: long listings (`log`, `search`, `query` --json) stream without holding every row.
 */

/** An element of the array, indented as JSON.stringify(array, null, 2) indents it. */
export function jsonElement(value: unknown): string {
  return `  ${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}`;
}

/** What goes before the element at `index`: the opening bracket, or the comma after the one before. */
export function jsonArrayJoint(index: number): string {
  return index === 0 ? '[\n' : ',\n';
}

/** What closes an array of `count` elements written so (an empty one is `[]`). */
export function jsonArrayEnd(count: number): string {
  return count === 0 ? '[]\n' : '\n]\n';
}
