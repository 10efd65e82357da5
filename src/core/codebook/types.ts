/** The codebook as telaah uses it after validation (see docs/codebook.md for the YAML format). */

export type Language = 'id' | 'en';

/** One pattern term as written: a word or phrase matched on stems, an exact phrase, or a prefix. */
export interface PatternTerm {
  /** The term as written in the YAML (without surrounding quotes for exact phrases). */
  text: string;
  kind: 'stem' | 'exact' | 'prefix';
  /** 1-based place in the codebook file, for messages. */
  line?: number;
  col?: number;
}

/** Terms within a distance of each other (in words). */
export interface NearPattern {
  terms: PatternTerm[];
  within: number;
}

/** Everything that makes a code fire automatically. */
export interface CodePatterns {
  /** Per language: any one term fires the code. */
  any: Partial<Record<Language, PatternTerm[]>>;
  /** Each group fires when every term of the group is in the unit. */
  all: PatternTerm[][];
  near: NearPattern[];
  /** Any of these in the unit stops the code from firing. */
  not: PatternTerm[];
  /** Raw regular expressions (validated as safe), tested on the unit's text. */
  regex: { source: string; flags: string; line?: number; col?: number }[];
  /** Fire even when a negation word precedes the match ("bukan karena tidak mau"). */
  fireWhenNegated: boolean;
}

export interface CodeDef {
  /** Path-like id: `barrier/documentation`. */
  id: string;
  /** Parent id, or null for a top-level category. */
  parent: string | null;
  label: Partial<Record<Language, string>>;
  definition: string;
  whenToUse: string | null;
  whenNotToUse: string | null;
  /** Units that must fire this code (codebook test) and that must not. */
  examples: string[];
  counterexamples: string[];
  patterns: CodePatterns;
  /** For the triangulation audit: this code must reach the required status. */
  required: boolean;
  /** Codes whose evidence contrasts with this one's (triangulation). */
  contrasts: string[];
  /** A display colour, `#RRGGBB` or `#RGB` (carried to and from REFI-QDA tools). */
  color?: string;
  line?: number;
}

export interface Codebook {
  name: string;
  version: string;
  languages: Language[];
  authors: string[];
  description: string | null;
  /** Negation words per language and how many words before a match they reach. */
  negation: { words: Partial<Record<Language, string[]>>; window: number };
  /** Codes in file order, parents before children. */
  codes: CodeDef[];
}

/** A problem found while validating, at file:line:col. */
export interface CodebookProblem {
  line: number;
  col: number;
  message: string;
  severity: 'error' | 'warning';
}
