/**
 * Reads typed values out of a parsed YAML document for the codebook parser, collecting each problem
 * at the line:col of the node or key at fault.
 */
import { isAlias, isScalar, isSeq, type Document, type LineCounter, type YAMLMap } from 'yaml';
import { didYouMean } from '../did-you-mean.js';
import type { CodebookProblem } from './types.js';

/** A key of a YAML mapping and its value (aliases resolved; null when the key has no value). */
export interface Field {
  key: unknown;
  value: unknown;
}

/** Reads mappings, text, lists and numbers from one YAML document and records what is wrong with them. */
export class YamlFieldReader {
  readonly problems: CodebookProblem[] = [];

  constructor(
    private readonly source: string,
    private readonly lines: LineCounter,
    private readonly doc: Document,
  ) {}

  /** Records an error at a node, or at a character offset. */
  error(where: unknown, message: string): void {
    this.report(where, message, 'error');
  }

  /** Records a warning at a node, or at a character offset. */
  warn(where: unknown, message: string): void {
    this.report(where, message, 'warning');
  }

  private report(where: unknown, message: string, severity: 'error' | 'warning'): void {
    const offset = typeof where === 'number' ? where : nodeOffset(where);
    this.problems.push({ ...this.position(offset), message, severity });
  }

  /** 1-based line and column (in code points) of a character offset. */
  position(offset: number): { line: number; col: number } {
    const at = Math.max(0, Math.min(offset, this.source.length));
    const { line } = this.lines.linePos(at);
    let col = 1;
    for (let i = this.lines.lineStarts[line - 1] ?? 0; i < at; i += 1) {
      const c = this.source.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) col += 1;
    }
    return { line, col };
  }

  /** Resolves an alias to its node; an alias without an anchor is reported and read as missing. */
  deref(node: unknown): unknown {
    if (!isAlias(node)) return node;
    const target = node.resolve(this.doc);
    if (target === undefined) this.error(node, `*${node.source} refers to no anchor &${node.source} above it`);
    return target ?? null;
  }

  /** The keys of a mapping; unknown keys are reported with the nearest known one. */
  fields(map: YAMLMap, known: readonly string[], where: string): Map<string, Field> {
    const found = new Map<string, Field>();
    for (const pair of map.items) {
      const name = isScalar(pair.key) && pair.key.value !== null ? String(pair.key.value) : undefined;
      if (name === undefined) {
        this.error(pair.key ?? map, `a key in ${where} is not a plain word; keys are names like ${known[0]}:`);
        continue;
      }
      if (!known.includes(name)) {
        const hint = didYouMean(name, known, 1) || `; known keys: ${known.join(', ')}`;
        this.error(pair.key, `unknown key "${name}" in ${where}${hint}`);
        continue;
      }
      const value = this.deref(pair.value);
      // An alias without an anchor was reported by deref; reading its key as absent avoids a second message.
      if (value !== null || !isAlias(pair.value)) found.set(name, { key: pair.key, value });
    }
    return found;
  }

  /** Where a value is, or its key when the value is missing. */
  where(field: Field): unknown {
    return this.isEmpty(field) ? field.key : field.value;
  }

  /** Whether a key has no value (nothing after the colon, or null). */
  isEmpty(field: Field): boolean {
    return field.value === null || field.value === undefined || (isScalar(field.value) && field.value.value === null);
  }

  /** A text value; numbers and booleans keep the text as written (version: 1.10 stays "1.10"). */
  text(field: Field | undefined, what: string, required: boolean): string | undefined {
    if (!field || this.isEmpty(field)) {
      if (field && required) this.error(field.key, `${what} is empty; write it after the colon`);
      return undefined;
    }
    const value = scalarText(field.value);
    if (value === undefined) this.error(field.value, `${what} must be text, not a list or mapping`);
    else if (required && !value.trim()) this.error(this.where(field), `${what} is empty; write it after the colon`);
    return value;
  }

  /** A true/false value; anything else is reported. */
  bool(field: Field | undefined, what: string): boolean | undefined {
    if (!field) return undefined;
    if (isScalar(field.value) && typeof field.value.value === 'boolean') return field.value.value;
    this.error(this.where(field), `${what} must be true or false`);
    return undefined;
  }

  /** The items of a YAML sequence (not yet dereferenced). */
  list(field: Field, what: string): unknown[] | undefined {
    if (isSeq(field.value)) return field.value.items;
    this.error(this.where(field), `${what} must be a list (- item lines or [a, b])`);
    return undefined;
  }

  /** A list of non-empty texts, trimmed; bad items are reported and skipped. */
  stringList(field: Field | undefined, what: string): string[] | undefined {
    if (!field) return undefined;
    const items = this.list(field, what);
    if (!items) return undefined;
    const out: string[] = [];
    for (const raw of items) {
      const item = this.deref(raw);
      const value = scalarText(item);
      if (value === undefined || !value.trim()) this.error(item ?? field.value, `each item of ${what} must be non-empty text`);
      else out.push(value.trim());
    }
    return out;
  }

  /** A whole number of words, 1 or more. */
  positiveInteger(field: Field, what: string): number | undefined {
    const v = isScalar(field.value) ? field.value.value : undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return v;
    this.error(this.where(field), `${what} must be a whole number of words, 1 or more`);
    return undefined;
  }
}

/** The character offset where a YAML node starts (0 when it has no range). */
export function nodeOffset(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? range[0] : 0;
}

/** The text of a scalar as written; numbers and booleans keep their source (1.10, not 1.1). */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' || typeof node.value === 'boolean' || typeof node.value === 'bigint') {
    return node.source ?? String(node.value);
  }
  return undefined;
}
