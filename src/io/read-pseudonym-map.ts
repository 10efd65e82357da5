/**
 * Reading the pseudonym map (`--pseudonyms F`): a CSV of real names, pseudonyms and name variants.
 * Mistakes here leak real names into the project, so every doubtful row is refused with its line.
 */

import { readFileSync } from 'node:fs';
import { type Info, parse } from 'csv-parse/sync';
import type { PseudonymEntry } from '../core/pseudonymize.js';
import { InputError } from '../errors.js';
import { decodeBytes } from './decode.js';

/** Accepted header names, normalised (lower case, spaces and dashes as '_'), in order of preference. */
const REAL_NAME_HEADERS = ['real_name', 'realname', 'real', 'name', 'nama', 'nama_asli'];
const PSEUDONYM_HEADERS = ['pseudonym', 'alias', 'samaran', 'nama_samaran'];
const VARIANTS_HEADERS = ['variants', 'variant', 'varian', 'nama_lain'];
const HEADER_HINT = 'Name the columns real_name and pseudonym; variants (separated by ";") is optional';

interface Row {
  line: number;
  cells: string[];
}

/** Read and check a pseudonym map CSV; throws InputError (file:line) for anything doubtful. */
export function readPseudonymMap(path: string): PseudonymEntry[] {
  // csv-parse takes the first line end it meets as THE record delimiter: after a CRLF, a lone LF would not
  // end a row, and the next person's real name would become part of this one's pseudonym.
  const rows = parseRows(decodeBytes(readBytes(path), path).text.replace(/\r\n?/g, '\n'), path);
  const header = rows[0];
  if (!header) throw new InputError('is empty', { file: path });
  const names = header.cells.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const column = (accepted: string[]): number => {
    for (const name of accepted) if (names.includes(name)) return names.indexOf(name);
    return -1;
  };
  const realCol = column(REAL_NAME_HEADERS);
  const pseudonymCol = column(PSEUDONYM_HEADERS);
  const variantsCol = column(VARIANTS_HEADERS);
  const shownHeader = header.cells.map((h) => h.trim()).join(', ');
  if (realCol < 0) throw new InputError(`no real_name column (the header is: ${shownHeader})`, { file: path, line: header.line, hint: HEADER_HINT });
  if (pseudonymCol < 0) throw new InputError(`no pseudonym column (the header is: ${shownHeader})`, { file: path, line: header.line, hint: HEADER_HINT });

  const entries: Array<PseudonymEntry & { line: number }> = [];
  for (const { line, cells } of rows.slice(1)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const cell = (col: number, what: string): string => {
      const value = (cells[col] ?? '').trim().replace(/\s+/g, ' ');
      if (value === '') throw new InputError(`empty ${what} cell`, { file: path, line, hint: 'Fill in both real_name and pseudonym, or delete the row' });
      return value;
    };
    const realName = cell(realCol, 'real_name');
    const pseudonym = cell(pseudonymCol, 'pseudonym');
    const variants = variantsCol < 0 ? [] : (cells[variantsCol] ?? '').split(';').map((v) => v.trim().replace(/\s+/g, ' ')).filter((v) => v !== '');
    entries.push({ realName, pseudonym, variants, line });
  }
  if (entries.length === 0) throw new InputError('has a header but no names', { file: path, line: header.line, hint: 'Add one row per participant' });
  checkEntries(entries, path);
  return entries.map(({ realName, pseudonym, variants }) => ({ realName, pseudonym, variants }));
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('pseudonym map not found', { file: path, hint: 'Check the path given to --pseudonyms', cause: e });
    if (code === 'EISDIR') throw new InputError('is a folder, not a CSV file', { file: path, hint: 'Give the pseudonym map file itself', cause: e });
    throw new InputError(`cannot be read (${code ?? String(e)})`, { file: path, cause: e });
  }
}

function parseRows(text: string, path: string): Row[] {
  try {
    // The typings do not model `info: true`, which wraps each record with its position.
    const records = parse(text, {
      delimiter: guessDelimiter(text),
      // Hand-edited maps have spaces around quoted cells and stray quotes inside names.
      trim: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: Info }>;
    // info.lines is where a record ends; a quoted cell may span lines, and the row starts earlier.
    return records.map(({ record, info }) => ({
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
      cells: record,
    }));
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new InputError(`is not valid CSV (${(e as Error).message})`, { file: path, line, hint: 'Check the quotes on that line', cause: e });
  }
}

/** Excel in an Indonesian locale writes ';'-separated CSV; "Unicode text" exports are tab-separated. */
function guessDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const first = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const count = (ch: string): number => first.split(ch).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return best !== undefined && count(best) > 0 ? best : ',';
}

/** The same person twice, one pseudonym for two people, or a pseudonym that is someone's real name. */
function checkEntries(entries: ReadonlyArray<PseudonymEntry & { line: number }>, path: string): void {
  const key = (s: string): string => s.normalize('NFC').toLowerCase();
  const realNames = new Map<string, number>();
  const nameForms = new Map<string, { realName: string; line: number }>();
  const pseudonyms = new Map<string, number>();
  for (const { realName, variants, line } of entries) {
    const seen = realNames.get(key(realName));
    if (seen !== undefined) throw new InputError(`real name "${realName}" is listed twice (also on line ${seen})`, { file: path, line, hint: 'Keep one row per person' });
    realNames.set(key(realName), line);
    for (const form of [realName, ...variants]) {
      const other = nameForms.get(key(form));
      if (other && other.realName !== realName) {
        throw new InputError(`"${form}" is a name of both "${other.realName}" (line ${other.line}) and "${realName}"`, {
          file: path,
          line,
          hint: 'A shared first name cannot be pseudonymized safely; keep it as a variant of one person only',
        });
      }
      nameForms.set(key(form), { realName, line });
    }
  }
  for (const { pseudonym, line } of entries) {
    const owner = nameForms.get(key(pseudonym));
    if (owner) {
      throw new InputError(`pseudonym "${pseudonym}" is also a real name ("${owner.realName}", line ${owner.line})`, {
        file: path,
        line,
        hint: 'Choose a pseudonym that is nobody\'s real name',
      });
    }
    const seen = pseudonyms.get(key(pseudonym));
    if (seen !== undefined) {
      throw new InputError(`pseudonym "${pseudonym}" is given to two people (also on line ${seen})`, {
        file: path,
        line,
        hint: 'Give each person their own pseudonym; list other spellings of one name as variants',
      });
    }
    pseudonyms.set(key(pseudonym), line);
  }
}
