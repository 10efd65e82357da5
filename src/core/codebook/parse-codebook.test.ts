import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseCodebook } from './parse-codebook.js';
import type { Codebook, PatternTerm } from './types.js';

/** A valid codebook: header on lines 1-4, codes from line 5. */
const HEAD = `codebook:\n  name: T\n  version: '1'\ncodes:\n`;

function problemsOf(yaml: string, severity: 'error' | 'warning' = 'error'): string[] {
  return parseCodebook(yaml)
    .problems.filter((p) => p.severity === severity)
    .map((p) => `${p.line}:${p.col} ${p.message}`);
}

function workedExample(): string {
  const md = readFileSync(new URL('../../../docs/codebook.md', import.meta.url), 'utf8');
  const block = md.split('<!-- worked-example')[1]?.split('```yaml\n')[1]?.split('\n```')[0];
  if (!block) throw new Error('docs/codebook.md has lost its worked example block');
  return block;
}

describe('parseCodebook errors, each at its line:col', () => {
  it.each([
    ['YAML syntax (first error only)', `codebook:\n  name: [a\n`, '3:1 YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['tab indentation', `codebook:\n\tname: a\n`, '2:1 YAML syntax: Tabs are not allowed as indentation'],
    ['a key twice', `codebook:\n  name: a\n  name: b\n`, '3:3 YAML syntax: the same key appears twice in one mapping; keep one'],
    ['two documents', `codebook: {}\n---\ncodes: []\n`, '2:1 YAML syntax: the file holds more than one YAML document; a codebook is one document (remove the extra ---)'],
    ['empty file', ``, '1:1 the codebook file is empty; start it with codebook: (name, version) and codes:'],
    ['not a mapping', `- a\n`, '1:1 a codebook file is a mapping with codebook:, negation: and codes:'],
    ['unknown top-level key', `codebook:\n  name: a\n  version: b\ncode:\n  - id: a\n`, '4:1 unknown key "code" in the codebook file; did you mean "codes"?'],
    ['unknown key with no near match', `codebook:\n  name: a\n  version: b\nzzz: 1\ncodes: [{ id: a, definition: x }]\n`, '4:1 unknown key "zzz" in the codebook file; known keys: codebook, negation, codes'],
    ['defintion', HEAD + `  - id: a\n    defintion: x\n`, '6:5 unknown key "defintion" in code "a"; did you mean "definition"?'],
    ['when_to_usee', HEAD + `  - id: a\n    definition: x\n    when_to_usee: y\n`, '7:5 unknown key "when_to_usee" in code "a"; did you mean "when_to_use"?'],
    ['unknown key in codebook:', `codebook:\n  name: a\n  vesion: b\ncodes: [{ id: a, definition: x }]\n`, '3:3 unknown key "vesion" in codebook:; did you mean "version"?'],
    ['unknown key in negation:', `codebook: { name: a, version: b }\nnegation:\n  windw: 2\ncodes: [{ id: a, definition: x }]\n`, '3:3 unknown key "windw" in negation:; did you mean "window"?'],
    ['unknown key in a label', HEAD + `  - id: a\n    definition: x\n    label: { eng: A }\n`, '7:14 unknown key "eng" in the label of code "a"; did you mean "en"?'],
    ['unknown key in patterns', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: [a]\n      regexp: [x]\n`, '9:7 unknown key "regexp" in the patterns of code "a"; did you mean "regex"?'],
    ['unknown key in near', HEAD + `  - id: a\n    definition: x\n    patterns:\n      near: [{ terms: [a, b], within: 2, withn: 3 }]\n`, '8:42 unknown key "withn" in near; did you mean "within"?'],
    ['missing codebook:', `codes:\n  - id: a\n    definition: x\n`, '1:1 the file has no codebook: section; add codebook: with name: and version:'],
    ['missing name', `codebook:\n  version: 1\ncodes: [{ id: a, definition: x }]\n`, '2:3 codebook: has no name; add name: (what the codebook is for)'],
    ['missing version', `codebook:\n  name: a\ncodes: [{ id: a, definition: x }]\n`, '2:3 codebook: has no version; add version: (like 1.0.0)'],
    ['empty name', `codebook:\n  name:\n  version: 1\ncodes: [{ id: a, definition: x }]\n`, '2:3 codebook name is empty; write it after the colon'],
    ['missing codes:', `codebook: { name: a, version: b }\n`, '1:1 the codebook has no codes:; add a list of codes, each with id: and definition:'],
    ['empty codes:', `codebook: { name: a, version: b }\ncodes:\n`, '2:1 codes: is empty; add at least one code'],
    ['codes: []', `codebook: { name: a, version: b }\ncodes: []\n`, '2:8 codes: is empty; add at least one code'],
    ['a code that is not a mapping', HEAD + `  - role\n`, '5:5 each code must be a mapping starting with - id: …'],
    ['missing id', HEAD + `  - definition: x\n`, '5:5 this code has no id; add id: (like role/educator)'],
    ['missing definition', HEAD + `  - id: a\n    label: A\n`, '5:5 code "a" has no definition; add definition: (what the code means)'],
    ['blank definition', HEAD + `  - id: a\n    definition: '  '\n`, '6:17 definition of code "a" is empty; write it after the colon'],
    ['definition as a list', HEAD + `  - id: a\n    definition: [x]\n`, '6:17 definition of code "a" must be text, not a list or mapping'],
    ['bad id syntax, with the fix', HEAD + `  - id: Role/Educator\n    definition: x\n`, '5:9 invalid code id "Role/Educator": use lowercase letters, digits and -, with / between levels (like barrier/documentation); write "role/educator"'],
    ['empty id segment', HEAD + `  - id: role//x\n    definition: x\n`, '5:9 invalid code id "role//x": use lowercase letters, digits and -, with / between levels (like barrier/documentation); write "role/x"'],
    ['duplicate id, at the second', HEAD + `  - id: a\n    definition: x\n  - id: b\n    definition: y\n  - id: a\n    definition: z\n`, '9:9 duplicate code id "a" (first defined at line 5); ids must be unique'],
    ['child id not under its parent', HEAD + `  - id: role\n    definition: x\n    children:\n      - id: educator\n        definition: y\n`, '8:13 code "educator" is nested under "role", so its id must start with "role/" (like "role/educator")'],
    ['unknown parent:', HEAD + `  - id: role\n    definition: x\n  - id: educator\n    parent: rol\n    definition: y\n`, '8:13 unknown parent "rol": parent: must be the id of another code; did you mean "role"?'],
    ['parent: against the id path', HEAD + `  - id: role\n    definition: x\n  - id: other/a\n    parent: role\n    definition: y\n  - id: other\n    definition: z\n`, '7:9 code "other/a" has parent: "role", so its id must start with "role/"'],
    ['parent: against the nesting', HEAD + `  - id: role\n    definition: x\n    children:\n      - id: role/a\n        parent: other\n        definition: y\n  - id: other\n    definition: z\n`, '9:17 parent: "other" contradicts the nesting: this code is under "role"; remove parent:'],
    ['path id without its parent', HEAD + `  - id: role/educator\n    definition: y\n`, '5:9 unknown parent "role" of "role/educator": add a code with id role, or nest this code under its parent'],
    ['cycle through parent:', HEAD + `  - id: a\n    parent: b\n    definition: x\n  - id: b\n    parent: a\n    definition: y\n`, '6:13 parent: makes a cycle (a → b → a); a code cannot be under its own descendant'],
    ['a code as its own parent', HEAD + `  - id: a\n    parent: a\n    definition: x\n`, '6:13 parent: makes a cycle (a → a); a code cannot be under its own descendant'],
    ['unknown id in contrasts', HEAD + `  - id: role\n    definition: x\n  - id: outcome\n    definition: y\n    contrasts: [rol]\n`, '9:17 unknown code "rol" in contrasts; did you mean "role"?'],
    ['contrast with itself', HEAD + `  - id: outcome\n    definition: y\n    contrasts: [outcome]\n`, '7:17 outcome cannot contrast with itself; remove it from contrasts'],
    ['empty pattern list', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: []\n`, '8:11 patterns id is an empty list; add terms or remove the key'],
    ['empty term', HEAD + `  - id: a\n    definition: x\n    patterns:\n      en: [a, '  ']\n`, '8:15 empty term; write a word or remove the item'],
    ['empty group in all', HEAD + `  - id: a\n    definition: x\n    patterns:\n      all: [[a, b], []]\n`, '8:21 each group of all is an empty list; add terms or remove the key'],
    ['patterns that cannot fire', HEAD + `  - id: a\n    definition: x\n    patterns:\n      not: [x]\n`, '7:5 the patterns of code "a" have nothing that can fire the code; add id:, en:, all:, near: or regex:'],
    ['within 0', HEAD + `  - id: a\n    definition: x\n    patterns:\n      near: [{ terms: [a, b], within: 0 }]\n`, '8:39 within must be a whole number of words, 1 or more'],
    ['within as text', HEAD + `  - id: a\n    definition: x\n    patterns:\n      near: [{ terms: [a, b], within: five }]\n`, '8:39 within must be a whole number of words, 1 or more'],
    ['within 2.5', HEAD + `  - id: a\n    definition: x\n    patterns:\n      near: [{ terms: [a, b], within: 2.5 }]\n`, '8:39 within must be a whole number of words, 1 or more'],
    ['near without within', HEAD + `  - id: a\n    definition: x\n    patterns:\n      near:\n        - { terms: [a, b] }\n`, '9:11 near needs within: (how many words apart, like within: 5)'],
    ['near with one term', HEAD + `  - id: a\n    definition: x\n    patterns:\n      near: [{ terms: [a], within: 2 }]\n`, '8:23 near needs at least two terms'],
    ['a * inside a word', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: ['daf*tar']\n`, '8:12 a * in the middle of "daf*tar"; * may only end a single word (like daftar*)'],
    ['a lone *', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: ['*']\n`, '8:12 bad prefix term "*"; a prefix is one word followed by * (like daftar*)'],
    ['a prefix of two words', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: ['kartu pes*']\n`, '8:12 bad prefix term "kartu pes*"; a prefix is one word followed by * (like daftar*)'],
    ['an unclosed exact phrase', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: ['"kartu']\n`, `8:12 unclosed quote in term "\\"kartu"; an exact phrase is written '"kartu peserta"'`],
    ['a * in an exact phrase', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: ['"daftar*"']\n`, '8:12 a * inside the exact phrase "\\"daftar*\\""; exact phrases have no wildcards'],
    ['an empty exact phrase', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: ['""']\n`, '8:12 empty exact phrase; write words between the quotes'],
    ['quotes inside a term', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: ['kartu "peserta"']\n`, `8:12 a quote inside the term "kartu \\"peserta\\""; for an exact phrase wrap the whole term: '"kartu peserta"'`],
    ['a term that is a list', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: [[a]]\n`, '8:12 each term must be text (a word, a phrase, "an exact phrase" or prefix*)'],
    ['an unsafe regex', HEAD + `  - id: a\n    definition: x\n    patterns:\n      regex: ['(a+)+$']\n`, '8:15 regex refused: a repeated group contains a quantifier (like (a+)+), which can backtrack forever; repeat only single characters or fixed text'],
    ['an invalid regex', HEAD + `  - id: a\n    definition: x\n    patterns:\n      regex: ['\\bok\\b', '(']\n`, '8:25 regex refused: invalid regular expression: Unterminated group'],
    ['a regex that is not text', HEAD + `  - id: a\n    definition: x\n    patterns:\n      regex: [{ a: b }]\n`, '8:15 each regex must be text (quote it with single quotes)'],
    ['unknown language', `codebook:\n  name: a\n  version: b\n  languages: [ind]\ncodes: [{ id: a, definition: x }]\n`, '4:14 unsupported language "ind" in languages; supported: id, en'],
    ['no language', `codebook:\n  name: a\n  version: b\n  languages: []\ncodes: [{ id: a, definition: x }]\n`, '4:14 languages is empty; write [id], [en] or [id, en]'],
    ['negation words not a list', `codebook: { name: a, version: b }\nnegation:\n  id: tidak\ncodes: [{ id: a, definition: x }]\n`, '3:7 negation id must be a list (- item lines or [a, b])'],
    ['negation window 0', `codebook: { name: a, version: b }\nnegation:\n  window: 0\ncodes: [{ id: a, definition: x }]\n`, '3:11 negation window must be a whole number of words, 1 or more'],
    ['examples not a list', HEAD + `  - id: a\n    definition: x\n    examples: just one\n`, '7:15 examples must be a list (- item lines or [a, b])'],
    ['a counterexample that is a mapping', HEAD + `  - id: a\n    definition: x\n    counterexamples: [ok, { a: b }]\n`, '7:27 each item of counterexamples must be non-empty text'],
    ['required not a boolean', HEAD + `  - id: a\n    definition: x\n    required: yes\n`, '7:15 required must be true or false'],
    ['a colour not #RRGGBB', HEAD + `  - id: a\n    definition: x\n    color: red\n`, '7:12 the color of code "a" must be written #RRGGBB or #RGB (like "#46AA00"), not "red"'],
    ['an unquoted colour (a YAML comment)', HEAD + `  - id: a\n    definition: x\n    color: #46AA00\n`, '7:5 the color of code "a" is empty: quote it, color: "#46AA00" (an unquoted # starts a YAML comment)'],
    ['fire_when_negated not a boolean', HEAD + `  - id: a\n    definition: x\n    patterns: { id: [a], fire_when_negated: 1 }\n`, '7:45 fire_when_negated must be true or false'],
    ['an alias without anchor', HEAD + `  - id: a\n    definition: x\n    patterns:\n      id: [a]\n      not: *nope\n`, '9:12 *nope refers to no anchor &nope above it'],
    ['an alias repeating a code', HEAD + `  - &c\n    id: a\n    definition: x\n  - *c\n`, '8:5 this alias repeats a code; write each code once'],
    ['an alias making the tree loop', HEAD + `  - &c\n    id: a\n    definition: x\n    children: [*c]\n`, '8:16 this alias repeats a code; write each code once'],
  ])('%s', (_name, yaml, expected) => {
    const result = parseCodebook(yaml);
    expect(result.codebook).toBeUndefined();
    expect(problemsOf(yaml)).toContain(expected);
  });

  it('reports one message per unknown key and keeps reading the rest', () => {
    const yaml = HEAD + `  - id: a\n    defintion: x\n    exampels: [y]\n`;
    expect(problemsOf(yaml)).toEqual([
      '5:5 code "a" has no definition; add definition: (what the code means)',
      '6:5 unknown key "defintion" in code "a"; did you mean "definition"?',
      '7:5 unknown key "exampels" in code "a"; did you mean "examples"?',
    ]);
  });

  it('reports a cycle once, not once per member', () => {
    const yaml = HEAD + `  - id: a\n    parent: c\n    definition: x\n  - id: b\n    parent: a\n    definition: y\n  - id: c\n    parent: b\n    definition: z\n`;
    expect(problemsOf(yaml)).toEqual(['6:13 parent: makes a cycle (a → c → b → a); a code cannot be under its own descendant']);
  });

  it('counts columns in code points, so an emoji before the fault counts once', () => {
    const yaml = HEAD + `  - id: a\n    definition: x\n    patterns: { id: ['😀', '*'] }\n`;
    expect(problemsOf(yaml)).toEqual(['7:27 bad prefix term "*"; a prefix is one word followed by * (like daftar*)']);
  });
});

describe('parseCodebook warnings', () => {
  it('warns about hand-only codes and leaves without examples, and still returns the codebook', () => {
    const yaml = HEAD + `  - id: a\n    definition: x\n  - id: b\n    definition: y\n    patterns: { id: [b] }\n  - id: c\n    definition: z\n    patterns: { id: [c] }\n    examples: [c]\n`;
    const result = parseCodebook(yaml);
    expect(result.codebook?.codes.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(problemsOf(yaml, 'warning')).toEqual([
      '5:9 code "a" has no patterns and no children, so it can only be applied by hand',
      '5:9 code "a" has no examples; add examples: so `telaah codebook test` can check it',
      '7:9 code "b" has no examples; add examples: so `telaah codebook test` can check it',
    ]);
  });

  it('does not warn about a category without patterns or examples', () => {
    const yaml = HEAD + `  - id: role\n    definition: x\n    children:\n      - id: role/a\n        definition: y\n        patterns: { en: [a] }\n        examples: [a]\n`;
    expect(parseCodebook(yaml).problems).toEqual([]);
  });

  it('warns about and drops patterns in a language the codebook does not declare', () => {
    const yaml = `codebook:\n  name: a\n  version: b\n  languages: [id]\ncodes:\n  - id: a\n    definition: x\n    patterns: { id: [a], en: [b] }\n    examples: [a]\n    label: A\n`;
    const result = parseCodebook(yaml);
    expect(problemsOf(yaml, 'warning')).toEqual(['8:26 patterns en: are not used because codebook languages is [id]']);
    expect(result.codebook?.codes[0]?.patterns.any).toEqual({ id: [{ text: 'a', kind: 'stem', line: 8, col: 22 }] });
    expect(result.codebook?.codes[0]?.label).toEqual({ id: 'A' });
  });
});

describe('parseCodebook results', () => {
  it('reads the worked example of docs/codebook.md without any problem', () => {
    const { codebook, problems } = parseCodebook(workedExample());
    expect(problems).toEqual([]);
    expect(codebook?.codes.map((c) => [c.id, c.parent])).toEqual([
      ['role', null],
      ['role/educator', 'role'],
      ['role/broker', 'role'],
      ['barrier', null],
      ['barrier/documentation', 'barrier'],
      ['barrier/economic', 'barrier'],
    ]);
    const educator = codebook!.codes[1]!;
    expect(educator.required).toBe(true);
    expect(educator.contrasts).toEqual(['barrier/documentation']);
    expect(educator.label).toEqual({ id: 'Pendidik', en: 'Educator' });
    expect(educator.patterns.any.id?.map((t) => `${t.kind}:${t.text}`)).toEqual([
      'stem:sosialisasi', 'stem:edukasi', 'stem:penyuluhan', 'prefix:menjelaskan', 'prefix:jelaskan', 'exact:paham manfaat',
    ]);
    expect(educator.patterns.not).toEqual([{ text: 'BPJS Kesehatan', kind: 'stem', line: 32, col: 17 }]);
    const economic = codebook!.codes[5]!;
    expect(economic.patterns.fireWhenNegated).toBe(true);
    expect(economic.patterns.near).toEqual([{ terms: [expect.objectContaining({ text: 'bayar' }), expect.objectContaining({ text: 'iuran' })], within: 3 }]);
    expect(codebook!.codes[4]!.patterns.regex).toEqual([{ source: '\\b\\d{16}\\b', flags: 'i', line: 68, col: 19 }]);
    expect(codebook!.negation.window).toBe(3);
    expect(codebook!.authors).toEqual(['Tim Peneliti']);
    expect(codebook!.description).toMatch(/^What social workers do .* holds enrolment back\.$/);
  });

  it('round-trips: the codebook written back as YAML parses to the same codebook', () => {
    const first = parseCodebook(workedExample()).codebook!;
    const second = parseCodebook(stringify(toYamlObject(first))).codebook;
    expect(second && withoutPositions(second)).toEqual(withoutPositions(first));
  });

  it('puts parents before children while keeping file order otherwise', () => {
    const yaml = HEAD + `  - id: a/b/c\n    definition: x\n  - id: x\n    definition: x\n  - id: a/b\n    definition: x\n  - id: a\n    definition: x\n  - id: short\n    parent: x\n    definition: x\n`;
    const { codebook } = parseCodebook(yaml);
    expect(codebook?.codes.map((c) => `${c.id}<${c.parent}`)).toEqual(['x<null', 'a<null', 'a/b<a', 'a/b/c<a/b', 'short<x']);
    expect(codebook?.codes.map((c) => c.line)).toEqual([7, 11, 9, 5, 13]);
  });

  it('gives a text label to every declared language and keeps version text as written', () => {
    const yaml = `codebook:\n  name: a\n  version: 1.10\ncodes:\n  - id: a\n    label: Educator\n    definition: x\n    required: false\n`;
    const { codebook } = parseCodebook(yaml);
    expect(codebook?.version).toBe('1.10');
    expect(codebook?.languages).toEqual(['id', 'en']);
    expect(codebook?.codes[0]?.label).toEqual({ id: 'Educator', en: 'Educator' });
  });

  it('uses the default negation words unless a language list replaces them', () => {
    const yaml = `codebook: { name: a, version: b }\nnegation:\n  en: [not, cannot]\n  window: 2\ncodes: [{ id: a, definition: x }]\n`;
    const { negation } = parseCodebook(yaml).codebook!;
    expect(negation.window).toBe(2);
    expect(negation.words.en).toEqual(['not', 'cannot']);
    expect(negation.words.id).toContain('tidak');
    expect(negation.words.id).toHaveLength(13);
  });

  it('reads anchors and aliases for repeated term lists', () => {
    const yaml = HEAD + `  - id: a\n    definition: x\n    patterns: { id: &t [kartu, '"kartu peserta"', daftar*] }\n  - id: b\n    definition: y\n    patterns: { en: *t }\n`;
    const { codebook } = parseCodebook(yaml);
    expect(codebook?.codes[1]?.patterns.any.en?.map((t) => t.kind)).toEqual(['stem', 'exact', 'prefix']);
  });

  it('accepts parent: with short ids and an explicit parent: equal to the nesting', () => {
    const yaml = HEAD + `  - id: educator\n    parent: role\n    definition: x\n  - id: role\n    definition: y\n    children:\n      - id: role/b\n        parent: role\n        definition: z\n`;
    const { codebook, problems } = parseCodebook(yaml);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(codebook?.codes.map((c) => `${c.id}<${c.parent}`)).toEqual(['role<null', 'educator<role', 'role/b<role']);
  });
});

describe('parseCodebook never throws', () => {
  const fragments = [
    'codebook:', 'codes:', 'negation:', '  name: a', '  version: 1', '- id: a', '  - id: a/b', 'children:',
    'parent: a', 'patterns:', '  id: [x, "y z", \'"q"\', w*]', 'near: [{ terms: [a, b], within: 2 }]', 'all: [[a]]',
    "regex: ['(a+)+']", 'definition: d', 'examples: [e]', 'contrasts: [a, b]', 'label: { id: A }', '&x', '*x', '*y',
    '[', ']', '{', '}', ':', '- ', '  ', '\t', '\n', '"', "'", '*', '---', '#', '? ', '!!str', '|', '>-', '~', 'null',
    'fire_when_negated: true', 'within: -1', 'window: 0', 'languages: [id, xx]',
  ];

  const check = (text: string): void => {
    const result = parseCodebook(text);
    if (!result.codebook) expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
    for (const p of result.problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.col).toBeGreaterThanOrEqual(1);
      expect(p.message.length).toBeGreaterThan(0);
    }
  };

  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), check), { numRuns: 400 });
  });

  it('on random mixes of YAML and codebook fragments', () => {
    const mix = fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(mix, check), { numRuns: 600 });
  });

  it('on random codebook-shaped line sequences', () => {
    const lines = fc.array(fc.tuple(fc.constantFrom('', '  ', '    ', '      '), fc.constantFrom(...fragments)), { maxLength: 25 });
    const text = lines.map((ls) => HEAD + ls.map(([indent, line]) => indent + line).join('\n'));
    fc.assert(fc.property(text, check), { numRuns: 600 });
  });
});

/** The codebook in the YAML format, flat with parent: links, for the round trip. */
function toYamlObject(cb: Codebook): unknown {
  const terms = (list: PatternTerm[] | undefined) =>
    (list ?? []).map((t) => (t.kind === 'exact' ? `"${t.text}"` : t.kind === 'prefix' ? `${t.text}*` : t.text));
  return {
    codebook: { name: cb.name, version: cb.version, languages: cb.languages, authors: cb.authors, description: cb.description },
    negation: { id: cb.negation.words.id, en: cb.negation.words.en, window: cb.negation.window },
    codes: cb.codes.map((c) => {
      const p = c.patterns;
      const hasPatterns = Object.keys(p.any).length || p.all.length || p.near.length || p.regex.length;
      return {
        id: c.id,
        ...(c.parent ? { parent: c.parent } : {}),
        label: c.label,
        definition: c.definition,
        ...(c.whenToUse ? { when_to_use: c.whenToUse } : {}),
        ...(c.whenNotToUse ? { when_not_to_use: c.whenNotToUse } : {}),
        required: c.required,
        contrasts: c.contrasts,
        examples: c.examples,
        counterexamples: c.counterexamples,
        ...(hasPatterns
          ? {
              patterns: {
                ...(p.any.id ? { id: terms(p.any.id) } : {}),
                ...(p.any.en ? { en: terms(p.any.en) } : {}),
                ...(p.all.length ? { all: p.all.map(terms) } : {}),
                ...(p.near.length ? { near: p.near.map((n) => ({ terms: terms(n.terms), within: n.within })) } : {}),
                ...(p.not.length ? { not: terms(p.not) } : {}),
                ...(p.regex.length ? { regex: p.regex.map((r) => r.source) } : {}),
                fire_when_negated: p.fireWhenNegated,
              },
            }
          : {}),
      };
    }),
  };
}

/** The codebook without file positions, which change when the YAML is laid out differently. */
function withoutPositions(cb: Codebook): unknown {
  return JSON.parse(JSON.stringify(cb, (key, value) => (key === 'line' || key === 'col' ? undefined : value)));
}

describe('parseCodebook: negation words', () => {
  it('refuses a negation of more than one word', () => {
    const text = 'codebook: { name: x, version: "1" }\nnegation:\n  id: [tidak, tidak pernah]\ncodes:\n  - id: a\n    definition: d\n    patterns: { id: [daftar] }\n';
    const { codebook, problems } = parseCodebook(text);
    expect(codebook).toBeUndefined();
    expect(problems.find((p) => p.severity === 'error')).toMatchObject({ line: 3, message: expect.stringMatching(/"tidak pernah" is more than one word/) });
  });
});
