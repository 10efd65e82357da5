/** Where a codebook file writes its version, and what its next version could be called. */
import { isMap, LineCounter, parseDocument } from 'yaml';

/** Line and column (1-based) of the value of `codebook: version:`, if the YAML has one. */
export function locateCodebookVersion(text: string): { line: number; col: number } | undefined {
  const lineCounter = new LineCounter();
  try {
    const doc = parseDocument(text, { lineCounter, prettyErrors: false });
    if (doc.errors.length) return undefined;
    const header = doc.get('codebook', true);
    if (!isMap(header)) return undefined;
    const node = header.get('version', true) as { range?: [number, number, number] } | undefined;
    if (!node?.range) return undefined;
    return lineCounter.linePos(node.range[0]);
  } catch {
    // Absurd nesting overflows the YAML parser's stack; there is nothing to point at then.
    return undefined;
  }
}

/** The version with its last number raised by one (1.2 → 1.3), skipping `taken`; undefined when it ends in no number. */
export function suggestNextVersion(version: string, taken: readonly string[]): string | undefined {
  const match = /^(.*?)(\d+)(\D*)$/.exec(version);
  if (!match) return undefined;
  const [, head, digits, tail] = match as unknown as [string, string, string, string];
  for (let n = Number(digits) + 1; ; n += 1) {
    const candidate = `${head}${String(n).padStart(digits.length, '0')}${tail}`;
    if (!taken.includes(candidate)) return candidate;
  }
}
