/**
 * Refuses codebook regexes that could make the auto-coder hang (catastrophic backtracking).
 *
 * JavaScript's regex engine backtracks, so a pattern that can match the same text in exponentially
 * many ways stalls on a long unit that almost matches. The rule, kept deliberately simple and strict:
 *  1. a group repeated more than once (`*`, `+`, `{n,}`, `{n,m}` with m > 1) may not contain a
 *     quantifier of variable count at any depth: `(a+)+`, `(a*)*`, `(\w+\s?)*`, `(?:x?y)+` are
 *     refused; a fixed count is only shorthand for repetition, so `(?:\.\d{3})*` is fine;
 *  2. an alternation inside a repeated group may not have two branches that can start with the same
 *     character, nor a branch that can match nothing: `(a|a)*`, `(a|ab)*`, `(\d|\w)+`, `(a|)*` are
 *     refused, `(?:daftar|registrasi)+` is fine;
 *  3. backreferences (`\1`, `\k<name>`) are refused: they make matching unpredictable to the reader;
 *  4. the regex must compile (with the `i` flag the coder uses), be non-empty and at most 1000 characters.
 * Sequences of overlapping quantifiers (`\w*\w*`) are only polynomial and units are short, so they pass.
 * Character overlap is decided by trying each atom on a sample alphabet plus the regex's own literal
 * characters, which errs towards refusing.
 */

const MAX_LENGTH = 1000;
const FLAGS = 'i';
const SAMPLE = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...' \t\n\r\f\v_-.,;:!?\'"()[]{}/\\@#$%^&*+=<>|~`',
  ...'\u00a0\u00e9\u00c9\u00f1\u00fc\u00df\u2019\u2014\u0000\u0001',
];

type Atom =
  | { kind: 'char'; source: string; literal: string | null }
  | { kind: 'group'; branches: Term[][] }
  /** Lookahead or lookbehind: zero-width, but its inside is checked like any other part. */
  | { kind: 'look'; branches: Term[][] }
  | { kind: 'assert' }
  | { kind: 'backref' };

interface Term {
  atom: Atom;
  /** Maximum repetitions (Infinity for * + {n,}), or null when the atom is not quantified. */
  max: number | null;
  min: number;
}

/** Null when `source` is a safe regex for the auto-coder, else the reason it is refused. */
export function checkRegexSafety(source: string): string | null {
  if (source.length === 0) return 'the regex is empty';
  if (source.length > MAX_LENGTH) return `the regex is longer than ${MAX_LENGTH} characters; split it or use terms`;
  try {
    new RegExp(source, FLAGS);
    // The auto-coder compiles with the u flag too, which is stricter ("a{" is an error there).
    new RegExp(source, `${FLAGS}u`);
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return `invalid regular expression: ${reason}`;
  }
  const parser = new RegexParser(source);
  const branches = parser.parseBranches();
  if (parser.hasBackreference) return 'backreferences (\\1, \\k<name>) are not allowed';
  const literals = new Set(parser.literals);
  return findUnsafeRepeat(branches, [...SAMPLE, ...literals]);
}

/** Walks the parsed regex for a repeated group that breaks rule 1 or 2. */
function findUnsafeRepeat(branches: Term[][], alphabet: string[]): string | null {
  for (const term of branches.flat()) {
    if (term.atom.kind !== 'group' && term.atom.kind !== 'look') continue;
    if (term.atom.kind === 'group' && term.max !== null && term.max > 1) {
      if (containsQuantifier(term.atom.branches)) {
        return 'a repeated group contains a quantifier (like (a+)+), which can backtrack forever; repeat only single characters or fixed text';
      }
      if (hasAmbiguousAlternation(term.atom.branches, alphabet)) {
        return 'a repeated group has alternatives that can match the same text (like (a|ab)*), which can backtrack forever; make the alternatives start differently';
      }
    }
    const inner = findUnsafeRepeat(term.atom.branches, alphabet);
    if (inner) return inner;
  }
  return null;
}

function containsQuantifier(branches: Term[][]): boolean {
  return branches.some((seq) =>
    seq.some((t) => (t.max !== null && t.max !== t.min) || ((t.atom.kind === 'group' || t.atom.kind === 'look') && containsQuantifier(t.atom.branches))),
  );
}

function hasAmbiguousAlternation(branches: Term[][], alphabet: string[]): boolean {
  if (branches.length > 1) {
    const firsts = branches.map((seq) => firstChars(seq, alphabet));
    if (firsts.some((f) => f.nullable)) return true;
    for (let i = 0; i < firsts.length; i += 1) {
      for (let j = i + 1; j < firsts.length; j += 1) {
        for (const ch of firsts[i]!.chars) if (firsts[j]!.chars.has(ch)) return true;
      }
    }
  }
  return branches.some((seq) =>
    seq.some((t) => (t.atom.kind === 'group' || t.atom.kind === 'look') && hasAmbiguousAlternation(t.atom.branches, alphabet)),
  );
}

/** The sample characters a sequence can start with, and whether it can match nothing at all. */
function firstChars(seq: Term[], alphabet: string[]): { chars: Set<string>; nullable: boolean } {
  const chars = new Set<string>();
  for (const term of seq) {
    const atom = term.atom;
    if (atom.kind === 'assert' || atom.kind === 'look') continue; // zero-width: ignoring it only widens the set
    if (atom.kind === 'backref') return { chars: new Set(alphabet), nullable: true };
    let nullable = term.min === 0;
    if (atom.kind === 'char') {
      for (const ch of alphabet) if (matchesChar(atom, ch)) chars.add(ch);
    } else {
      for (const branch of atom.branches) {
        const inner = firstChars(branch, alphabet);
        for (const ch of inner.chars) chars.add(ch);
        if (inner.nullable) nullable = true;
      }
    }
    if (!nullable) return { chars, nullable: false };
  }
  return { chars, nullable: true };
}

function matchesChar(atom: { source: string; literal: string | null }, ch: string): boolean {
  if (atom.literal !== null) return atom.literal.toLowerCase() === ch.toLowerCase() || atom.literal.toUpperCase() === ch.toUpperCase();
  return new RegExp(`^(?:${atom.source})$`, FLAGS).test(ch);
}

/** A small parser for regexes that already compiled: enough structure to apply the rules above. */
class RegexParser {
  private i = 0;
  hasBackreference = false;
  readonly literals: string[] = [];

  constructor(private readonly s: string) {}

  parseBranches(): Term[][] {
    const branches: Term[][] = [this.parseSequence()];
    while (this.s[this.i] === '|') {
      this.i += 1;
      branches.push(this.parseSequence());
    }
    return branches;
  }

  private parseSequence(): Term[] {
    const terms: Term[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.parseAtom();
      terms.push({ atom, ...this.parseQuantifier() });
    }
    return terms;
  }

  private parseAtom(): Atom {
    const s = this.s;
    const start = this.i;
    const ch = s[this.i]!;
    if (ch === '(') {
      this.i += 1;
      const lookaround = /^\?<?[=!]/.exec(s.slice(this.i, this.i + 3));
      if (lookaround) this.i += lookaround[0].length;
      else if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      const branches = this.parseBranches();
      this.i += 1; // the closing parenthesis
      return { kind: lookaround ? 'look' : 'group', branches };
    }
    if (ch === '^' || ch === '$') {
      this.i += 1;
      return { kind: 'assert' };
    }
    if (ch === '[') {
      this.i += s[this.i + 1] === '^' ? 2 : 1;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i += 1;
      return { kind: 'char', source: s.slice(start, this.i), literal: null };
    }
    if (ch === '\\') return this.parseEscape();
    this.i += 1;
    if (ch === '.') return { kind: 'char', source: '.', literal: null };
    this.literals.push(ch);
    return { kind: 'char', source: ch, literal: ch };
  }

  private parseEscape(): Atom {
    const s = this.s;
    const start = this.i;
    const next = s[this.i + 1] ?? '';
    this.i += 2;
    if (next === 'b' || next === 'B') return { kind: 'assert' };
    if (/[1-9]/.test(next) || (next === 'k' && s[this.i] === '<')) {
      this.hasBackreference = true;
      return { kind: 'backref' };
    }
    if (next === 'x' && /^[0-9a-fA-F]{2}/.test(s.slice(this.i, this.i + 2))) this.i += 2;
    else if (next === 'u' && /^[0-9a-fA-F]{4}/.test(s.slice(this.i, this.i + 4))) this.i += 4;
    else if (next === 'c' && /^[a-zA-Z]/.test(s[this.i] ?? '')) this.i += 1;
    const source = s.slice(start, this.i);
    if (/^[a-zA-Z0-9]$/.test(next)) return { kind: 'char', source, literal: null };
    this.literals.push(next);
    return { kind: 'char', source, literal: next };
  }

  private parseQuantifier(): { min: number; max: number | null } {
    const s = this.s;
    const ch = s[this.i];
    let min = 1;
    let max: number | null = null;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.i += 1;
      min = ch === '+' ? 1 : 0;
      max = ch === '?' ? 1 : Infinity;
    } else if (ch === '{') {
      const braced = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i, this.i + 24));
      if (!braced) return { min, max };
      this.i += braced[0].length;
      min = Number(braced[1]);
      max = braced[2] === undefined ? min : braced[3] ? Number(braced[3]) : Infinity;
    } else {
      return { min, max };
    }
    if (s[this.i] === '?') this.i += 1; // lazy modifier
    return { min, max };
  }
}
