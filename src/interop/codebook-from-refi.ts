/**
 * A REFI-QDA code tree as a telaah codebook (YAML, see docs/codebook.md). Names become ids (lower case,
 * ASCII, `-` between words, `/` between levels: "Health care" under "Topics" is `topics/health-care`) and
 * stay as labels; descriptions become definitions; colours are kept. A code without a description gets a
 * definition that says so, for the researcher to write. The codebook has no patterns: `code auto` finds
 * nothing until some are written, and every code can be applied by hand at once.
 */
import { Document } from 'yaml';
import { guidKey } from './guid.js';
import type { RefiCode, RefiSet } from './refi-model.js';

const COLOR = /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

/** A codebook made from REFI-QDA codes: its YAML, and the code id each code GUID became. */
export interface CodebookFromRefi {
  yaml: string;
  idByGuid: Map<string, string>;
  codes: number;
}

/** The header of the codebook to write. */
export interface CodebookHeader {
  name: string;
  version: string;
  languages: readonly string[];
  /** Where the codes came from, for the description and the leading comment. */
  from: string;
}

/** The telaah codebook YAML for `codes`; sets (code groups) are named in a comment, telaah has none. */
export function codebookFromRefi(codes: readonly RefiCode[], header: CodebookHeader, sets: readonly RefiSet[] = []): CodebookFromRefi {
  const idByGuid = new Map<string, string>();
  let count = 0;
  const convert = (list: readonly RefiCode[], parent: string | null): Record<string, unknown>[] => {
    const taken = new Set<string>();
    return list.map((code) => {
      const slug = uniqueSlug(slugify(code.name), taken);
      const id = parent === null ? slug : `${parent}/${slug}`;
      idByGuid.set(guidKey(code.guid) ?? code.guid, id);
      count += 1;
      const entry: Record<string, unknown> = { id };
      if (code.name.trim() !== slug) entry.label = code.name.trim();
      const description = code.description?.trim();
      entry.definition = description || `"${code.name.trim()}", imported from ${header.from} without a description: write what the code means.`;
      if (code.color && COLOR.test(code.color.trim())) entry.color = code.color.trim();
      if (code.children.length > 0) entry.children = convert(code.children, id);
      return entry;
    });
  };
  const tree = convert(codes, null);
  const doc = new Document({
    codebook: { name: header.name, version: header.version, languages: [...header.languages], description: `Imported from ${header.from}.` },
    codes: tree,
  });
  const comment = [
    ` Imported by telaah from ${header.from}: ${count} ${count === 1 ? 'code' : 'codes'}. Add patterns: to let \`telaah code auto\` apply them,`,
    ' and raise version: whenever you change the codes (see docs/codebook.md).',
    ...(sets.length > 0 ? [` Code groups (REFI-QDA sets) are not telaah codes and were left out: ${sets.map((s) => `${s.name} (${s.memberCodes.length})`).join(', ')}.`] : []),
  ];
  // The archive's name and the file's origin and set names are the file's words: an LF followed by a CR in
  // one ended the comment (the YAML writer comments out lines split at LF only), and the YAML did not read back.
  doc.commentBefore = comment.map((line) => line.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')).join('\n');
  return { yaml: doc.toString({ lineWidth: 100 }), idByGuid, codes: count };
}

/** "Health care" → health-care, "subcode 3.1" → subcode-3-1, "Kebutuhan dasar (pangan)" → kebutuhan-dasar-pangan. */
export function slugify(name: string): string {
  // A name that is already an id segment stays as it is, so a telaah code such as `a--b` or `tidak-` comes
  // back under its own id after an export and an import.
  if (/^[a-z0-9][a-z0-9-]*$/.test(name)) return name;
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'code';
}

function uniqueSlug(slug: string, taken: Set<string>): string {
  let candidate = slug;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${slug}-${n}`;
  taken.add(candidate);
  return candidate;
}
