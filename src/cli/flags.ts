/**
 * The options several commands share, declared once: commander parses and checks them (a bad value is a
 * usage error, exit 2), so a command receives typed values and never re-checks strings.
 */
import { InvalidArgumentError, Option } from 'commander';
import { SOURCE_TYPES } from '../core/transcript/types.js';
import { InputError } from '../errors.js';
import { CODING_ORIGINS, parseOrigins, parseWhere, type WhereFilter } from './coding-filters.js';

/** Options every command receives, whatever it declares. */
export interface GlobalOptions {
  project?: string;
  color?: boolean;
}

/** `--json`. */
export interface JsonOptions extends GlobalOptions {
  json?: boolean;
}

/** `--json` and `--csv` of a listing. */
export interface ListingOptions extends JsonOptions {
  csv?: boolean;
}

/** Turns a parser's InputError into commander's usage error, so commander names the option. */
function parsing<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof InputError) throw new InvalidArgumentError(error.hint ? `${error.message}. ${error.hint}` : error.message);
      throw error;
    }
  };
}

/** A text value with its spaces trimmed; empty is refused. */
function text(name: string): (value: string) => string {
  return (value) => {
    const trimmed = value.trim();
    if (!trimmed) throw new InvalidArgumentError(`${name} needs a value`);
    return trimmed;
  };
}

/** The items of a comma-separated value, added to those of earlier uses of the option; an empty list is refused. */
function commaList(name: string): (value: string, previous: string[] | undefined) => string[] {
  return (value, previous) => {
    const items = value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (items.length === 0) throw new InvalidArgumentError(`${name} needs a value, e.g. ${name} a,b`);
    return [...(previous ?? []), ...items];
  };
}

/** A number between `min` and `max`; whole when asked. */
function numberIn(name: string, range: { min: number; max: number; whole?: boolean; example: string }): (value: string) => number {
  return (value) => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} takes a number, e.g. ${name} ${range.example}`);
    if (range.whole && !Number.isSafeInteger(n)) throw new InvalidArgumentError(`${name} takes a whole number, e.g. ${name} ${range.example}`);
    if (n < range.min || n > range.max) {
      const bound = range.max === Number.MAX_SAFE_INTEGER ? `at least ${range.min}` : `between ${range.min} and ${range.max}`;
      throw new InvalidArgumentError(`${name} takes a number ${bound}, e.g. ${name} ${range.example}`);
    }
    return n;
  };
}

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
function calendarDay(name: string): (value: string) => string {
  return (value) => {
    const day = value.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!date || date.toISOString().slice(0, 10) !== day) throw new InvalidArgumentError(`${name} takes a day written YYYY-MM-DD, e.g. ${name} 2026-03-01`);
    return day;
  };
}

/** The origins an export or a listing takes in --origin, in the order its help names them. */
export const LISTED_ORIGINS = ['auto', 'manual', 'accepted', 'imported', 'suggested'] as const;

/** LISTED_ORIGINS and `rejected`, which lists the rejections themselves (codings list, export csv). */
export const LISTED_ORIGINS_AND_REJECTED = [...LISTED_ORIGINS, 'rejected'] as const;

/** The shared options; each call makes a new Option (commander keeps state on them). */
export const flags = {
  json: (description = 'print JSON'): Option => new Option('--json', description),
  csv: (): Option => new Option('--csv', 'print CSV'),
  /** `--json` and `--csv` of a listing. */
  listing: (): Option[] => [flags.json(), flags.csv()],
  coder: (description: string): Option => new Option('--coder <name>', description).argParser(text('--coder')),
  code: (description: string): Option => new Option('--code <id>', description).argParser(text('--code')),
  /** `--origin a,b`: checked against `allowed`, given as a list. */
  origin: (description: string, allowed: readonly string[] = CODING_ORIGINS): Option =>
    new Option('--origin <list>', description).argParser(parsing((value) => parseOrigins(value, allowed))),
  /** `--where key=value`, given as `{ key, value }`. */
  where: (description: string): Option => new Option('--where <key=value>', description).argParser(parsing(parseWhere)),
  sourceType: (description: string): Option => new Option('--type <type>', description).choices(SOURCE_TYPES),
  /** A number option (`--min-confidence 0.6`, `--folds 5`). */
  number: (flag: string, description: string, range: { min: number; max: number; whole?: boolean; example: string }): Option =>
    new Option(flag, description).argParser(numberIn(flag.split(' ')[0]!, range)),
  /** `--unit sentence|turn`: the coding unit, instead of telaah.yaml's coding_unit. */
  unit: (description: string): Option => new Option('--unit <unit>', description).choices(['sentence', 'turn']),
  /** `--wide`: a table for people that is never cut to the terminal's width. */
  wide: (): Option => new Option('--wide', 'do not fit the table to the terminal width'),
  /** `--codes a,b`: code ids, given as a list. */
  codes: (description: string): Option => new Option('--codes <list>', description).argParser(parsing(parseCodeList)),
  /** The rows and filters of both matrices (matrix cooccurrence, matrix attributes): one wording in both helps. */
  matrix: (): Option[] => [
    flags.codes('these codes as rows (each counts the codes below it), comma-separated'),
    flags.code('the codes below this category as rows'),
    new Option('--categories', 'also a row for each category, counting each unit once whichever of its codes it carries'),
    flags.unit('the unit counted (default: coding_unit of telaah.yaml)'),
    flags.where('only units of participants, or of sources, with this attribute (as in query)'),
    flags.sourceType('only units of this source type'),
    flags.text('--source <name>', 'only units of one source'),
    flags.coder("only this coder's codings count"),
    flags.origin('only these origins count, comma-separated (suggested counts only when named)'),
    flags.wide(),
    ...flags.listing(),
  ],
  /** A calendar day written YYYY-MM-DD (`--date 2026-03-01`), given as that string. */
  day: (flag: string, description: string): Option => new Option(flag, description).argParser(calendarDay(flag.split(' ')[0]!)),
  /** A text option whose value may not be empty. */
  text: (flag: string, description: string): Option => new Option(flag, description).argParser(text(/--[\w-]+/.exec(flag)?.[0] ?? flag.split(' ')[0]!)),
  /** A comma-separated list (`--coders ana,auto`), given as an array; repeating the option adds to it. */
  list: (flag: string, description: string): Option => new Option(flag, description).argParser(commaList(flag.split(' ')[0]!)),
} as const;

/** `a, b,c` → ['a', 'b', 'c']; at least one. */
function parseCodeList(text: string): string[] {
  const codes = [...new Set(text.split(',').map((c) => c.trim()).filter(Boolean))];
  if (codes.length === 0) throw new InputError('--codes needs code ids', { hint: 'Separate them with commas, e.g. --codes barrier/distrust,role/educator' });
  return codes;
}

/** The value `--where` gives (`on` when the key was written participant.key or source.key). */
export type WhereOption = WhereFilter;
