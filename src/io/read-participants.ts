import { readFileSync } from 'node:fs';
import type { Participant } from '../core/model.js';
import { InputError } from '../errors.js';
import { findColumn, parseCsvTable } from './read-csv-table.js';

const PSEUDONYM = ['pseudonym', 'pseudonim', 'alias', 'samaran', 'nama_samaran', 'participant', 'peserta', 'code', 'kode', 'id'];
const GROUP = ['group', 'grp', 'kelompok', 'grup'];
const REAL_NAME = ['name', 'nama', 'real_name', 'nama_asli', 'full_name', 'nama_lengkap'];

/**
 * Reads a participants CSV: a pseudonym column, an optional group column, every other column an
 * attribute. Empty cells are left out of the row (an import then keeps the stored value).
 */
export function readParticipants(path: string): Participant[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, {
      hint: 'Check the path',
    });
  }
  const table = parseCsvTable(text, path);
  const realName = findColumn(table.header, REAL_NAME);
  if (realName >= 0) {
    throw new InputError(`column "${table.header[realName]}" looks like real names, and telaah never stores real names`, {
      file: path,
      line: 1,
      hint: 'Remove the column (keep real names in the pseudonym map only) or rename it to "pseudonym"',
    });
  }
  // By the order of PSEUDONYM, not of the header: with `id,pseudonym`, the pseudonym column wins.
  const pseudonymAt = PSEUDONYM.map((name) => findColumn(table.header, [name])).find((i) => i >= 0) ?? -1;
  if (pseudonymAt < 0) {
    throw new InputError(`no pseudonym column: the header has ${table.header.map((h) => `"${h}"`).join(', ')}`, {
      file: path,
      line: 1,
      hint: `Name the pseudonym column one of: ${PSEUDONYM.join(', ')}`,
    });
  }
  const groupAt = findColumn(table.header, GROUP);
  const seen = new Map<string, number>();
  return table.rows.map(({ line, cells }) => {
    const pseudonym = (cells[pseudonymAt] ?? '').trim();
    if (!pseudonym) throw new InputError('empty pseudonym', { file: path, line, hint: 'Every row needs a pseudonym' });
    const key = pseudonym.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new InputError(`pseudonym "${pseudonym}" appears twice (first on line ${earlier})`, {
        file: path,
        line,
        hint: 'Each participant needs a pseudonym of their own',
      });
    }
    seen.set(key, line);
    const attributes: Record<string, string> = {};
    table.header.forEach((name, i) => {
      const value = (cells[i] ?? '').trim();
      if (i !== pseudonymAt && i !== groupAt && name && value) attributes[name] = value;
    });
    const group = groupAt >= 0 ? (cells[groupAt] ?? '').trim() || null : null;
    return { pseudonym, group, attributes };
  });
}
