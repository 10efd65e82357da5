/**
 * The units carrying each code, read in bulk by the rule of unit-codes.ts: as one string of numbers
 * turned into sorted id sets per code and participant (or source).
 */
import type { CodingUnit } from '../core/config.js';
import { unitSetOf } from '../core/analysis/unit-sets.js';
import { CODED_CODES_SQL } from './coded-units.js';
import type { Db } from './open.js';
import { unitIdsByCodeSql, type UnitCodeOptions, type UnitCodeSource } from './unit-codes.js';

/** Every (unit, code, member) read, as parallel arrays (duplicates left in). */
export interface UnitTriples {
  /** The codes, indexed by `code`. */
  codes: readonly string[];
  unit: Float64Array;
  code: Uint32Array;
  /** The participant (0: none) or, read by source, the source; all 0 when read without members. */
  member: Float64Array;
  /** The unit's length in code points, when read with `lengths`. */
  length?: Float64Array;
}

/** How to read: what to group units by besides the code ('none': nothing, the fastest), and whether their lengths. */
export interface UnitReadOptions extends UnitCodeOptions {
  member?: 'participant' | 'source' | 'none';
  lengths?: boolean;
}

/**
 * Every (unit, code, member) of the codes within the options (without `codes`, every code the codings
 * use). Without a `read` option it reads through the index unless the codes hold a third or more of
 * all codings.
 */
export function readUnitTriples(db: Db, unit: CodingUnit, from: UnitCodeSource, options: UnitReadOptions = {}): UnitTriples {
  const coded = db.prepare<[], string>(CODED_CODES_SQL).pluck().all();
  const codes = options.codes ?? coded;
  const empty = { codes, unit: new Float64Array(0), code: new Uint32Array(0), member: new Float64Array(0) };
  if (codes.length === 0) return empty;
  const wanted = new Set(codes);
  const read = options.read ?? (coded.every((code) => wanted.has(code)) ? 'scan' : chooseRead(db, codes));
  const { sql, params } = unitIdsByCodeSql(unit, from, codes, { ...options, codes: options.codes, read });
  const text = db.prepare<unknown[], string | null>(sql).pluck().get(...params) ?? '';
  if (text.length === 0) return empty;
  const fields = 2 + (options.member === 'none' ? 0 : 1) + (options.lengths ? 1 : 0);
  let commas = 0;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 44) commas += 1;
  const n = (commas + 1) / fields;
  const triples = { codes, unit: new Float64Array(n), code: new Uint32Array(n), member: new Float64Array(n), length: options.lengths ? new Float64Array(n) : undefined };
  // Field 2 is the member unless read without one; the last is the length when read with lengths.
  const memberField = options.member === 'none' ? -1 : 2;
  const lengthField = options.lengths ? fields - 1 : -1;
  let field = 0;
  let row = 0;
  let value = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const ch = i < text.length ? text.charCodeAt(i) : 44;
    if (ch !== 44) {
      value = value * 10 + (ch - 48);
      continue;
    }
    if (field === 0) triples.unit[row] = value;
    else if (field === 1) triples.code[row] = value;
    else if (field === memberField) triples.member[row] = value;
    else if (field === lengthField) triples.length![row] = value;
    field += 1;
    if (field === fields) {
      field = 0;
      row += 1;
    }
    value = 0;
  }
  return triples;
}

/** The units carrying a code, of one member (participant or source; null: no participant; 0 read without members). */
export interface UnitIds {
  code: string;
  member: number | null;
  /** Segment ids of the units, ascending, each once. */
  ids: Float64Array;
}

/** Per code and member, the sorted distinct ids of the units carrying the code (see readUnitTriples). */
export function readUnitIds(db: Db, unit: CodingUnit, from: UnitCodeSource, options: UnitReadOptions = {}): UnitIds[] {
  const member = options.member ?? 'participant';
  return groupUnitIds(readUnitTriples(db, unit, from, { ...options, member }), member);
}

/** The triples as sorted distinct ids per code and member (a participant of 0 is none: null). */
export function groupUnitIds(triples: UnitTriples, member: 'participant' | 'source' | 'none'): UnitIds[] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < triples.unit.length; i += 1) {
    const key = triples.code[i]! * 2 ** 32 + triples.member[i]!;
    const list = groups.get(key);
    if (list) list.push(triples.unit[i]!);
    else groups.set(key, [triples.unit[i]!]);
  }
  return [...groups].map(([key, ids]) => {
    const id = key % 2 ** 32;
    return { code: triples.codes[Math.floor(key / 2 ** 32)]!, member: id === 0 && member === 'participant' ? null : id, ids: unitSetOf(ids) };
  });
}

/** Index or scan: the index's random reads cost about three times a scan's sequential ones per row. */
function chooseRead(db: Db, codes: readonly string[]): 'index' | 'scan' {
  const all = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM codings').get()!.n;
  const some = db.prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM codings WHERE code IN (${codes.map(() => '?').join(', ')})`).get(...codes)!.n;
  return some * 3 >= all ? 'scan' : 'index';
}
