/**
 * Turns the codes as read into the codebook's tree: parents from nesting, parent: or the id's prefix;
 * duplicate ids, unknown parents, cycles and bad contrasts reported; parents ordered before children.
 */
import { didYouMean } from '../did-you-mean.js';
import type { ReadCode } from './read-codes.js';
import type { YamlFieldReader } from './yaml-field-reader.js';
import type { CodeDef } from './types.js';

/** Sets parents, reports duplicates, unknown parents, cycles and contrasts, and orders the codes. */
export function resolveCodeTree(reader: YamlFieldReader, codes: readonly ReadCode[]): CodeDef[] {
  const byId = new Map<string, ReadCode>();
  const unique: ReadCode[] = [];
  for (const code of codes) {
    if (!code.idOk) continue;
    const first = byId.get(code.def.id);
    if (first) {
      reader.error(code.at, `duplicate code id "${code.def.id}" (first defined at line ${first.def.line}); ids must be unique`);
      continue;
    }
    byId.set(code.def.id, code);
    unique.push(code);
  }
  const ids = [...byId.keys()];
  for (const code of unique) code.def.parent = resolveParent(reader, code, byId, ids);
  reportCycles(reader, unique, byId);
  for (const code of unique) {
    for (const ref of code.contrastRefs) {
      if (ref.id === code.def.id) reader.error(ref.node, `${code.def.id} cannot contrast with itself; remove it from contrasts`);
      else if (!byId.has(ref.id)) {
        reader.error(ref.node, `unknown code "${ref.id}" in contrasts${didYouMean(ref.id, ids.filter((other) => other !== code.def.id))}`);
      }
      else if (!code.def.contrasts.includes(ref.id)) code.def.contrasts.push(ref.id);
    }
  }
  const withChildren = new Set(unique.map((c) => c.def.parent).filter((p) => p !== null));
  for (const code of unique) {
    const leaf = !withChildren.has(code.def.id);
    if (leaf && !code.hasPatterns) reader.warn(code.at, `code "${code.def.id}" has no patterns and no children, so it can only be applied by hand`);
    if (leaf && code.def.examples.length === 0) reader.warn(code.at, `code "${code.def.id}" has no examples; add examples: so \`telaah codebook test\` can check it`);
  }
  return orderParentsFirst(unique.map((c) => c.def));
}

function resolveParent(reader: YamlFieldReader, code: ReadCode, byId: Map<string, ReadCode>, ids: string[]): string | null {
  const id = code.def.id;
  const explicit = code.parentField;
  if (code.nestedIn !== undefined) {
    const nested = code.nestedIn?.def.id ?? null;
    if (explicit && nested && explicit.id !== nested) {
      reader.error(explicit.node, `parent: "${explicit.id}" contradicts the nesting: this code is under "${nested}"; remove parent:`);
    }
    return nested;
  }
  if (explicit) {
    if (!byId.has(explicit.id)) {
      const others = ids.filter((other) => other !== id);
      reader.error(explicit.node, `unknown parent "${explicit.id}": parent: must be the id of another code${didYouMean(explicit.id, others)}`);
      return null;
    }
    if (id.includes('/') && !id.startsWith(`${explicit.id}/`)) {
      reader.error(code.at, `code "${id}" has parent: "${explicit.id}", so its id must start with "${explicit.id}/"`);
    }
    return explicit.id;
  }
  const slash = id.lastIndexOf('/');
  if (slash < 0) return null;
  const prefix = id.slice(0, slash);
  if (byId.has(prefix)) return prefix;
  reader.error(code.at, `unknown parent "${prefix}" of "${id}": add a code with id ${prefix}, or nest this code under its parent${didYouMean(prefix, ids.filter((other) => other !== id))}`);
  return null;
}

/** Cycles can only come from parent: keys; each is reported once, at the first parent: in it. */
function reportCycles(reader: YamlFieldReader, codes: ReadCode[], byId: Map<string, ReadCode>): void {
  const done = new Set<string>();
  for (const start of codes) {
    const path: string[] = [];
    let current: string | null = start.def.id;
    while (current !== null && !done.has(current) && !path.includes(current)) {
      path.push(current);
      current = byId.get(current)?.def.parent ?? null;
    }
    if (current !== null && path.includes(current)) {
      const cycle = path.slice(path.indexOf(current));
      const members = codes.filter((c) => cycle.includes(c.def.id) && c.parentField);
      const at = members[0]?.parentField?.node ?? start.at;
      reader.error(at, `parent: makes a cycle (${[...cycle, current].join(' → ')}); a code cannot be under its own descendant`);
      for (const id of cycle) byId.get(id)!.def.parent = null;
    }
    for (const id of path) done.add(id);
  }
}

/** File order, except that a code whose parent comes later in the file moves to just after it. */
function orderParentsFirst(codes: CodeDef[]): CodeDef[] {
  const ordered: CodeDef[] = [];
  const placed = new Set<string>();
  const waiting = new Map<string, CodeDef[]>();
  const place = (code: CodeDef): void => {
    ordered.push(code);
    placed.add(code.id);
    const children = waiting.get(code.id) ?? [];
    waiting.delete(code.id);
    for (const child of children) place(child);
  };
  for (const code of codes) {
    if (code.parent === null || placed.has(code.parent)) place(code);
    else waiting.set(code.parent, [...(waiting.get(code.parent) ?? []), code]);
  }
  return ordered;
}
