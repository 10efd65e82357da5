import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { findColumn, parseCsvTable } from './read-csv-table.js';

/** Reads a speaker map CSV (label,pseudonym): which participant each transcript label stands for. */
export function readSpeakerMap(path: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`cannot read the speaker map ${path}: no such file`, { hint: 'Check the path given to --speakers' });
  }
  const table = parseCsvTable(text, path);
  const labelAt = findColumn(table.header, ['label', 'speaker', 'pembicara', 'speaker_label']);
  const pseudonymAt = findColumn(table.header, ['pseudonym', 'participant', 'peserta', 'alias']);
  if (labelAt < 0 || pseudonymAt < 0) {
    throw new InputError(`the speaker map needs "label" and "pseudonym" columns; the header has ${table.header.join(', ')}`, {
      file: path,
      line: 1,
      hint: 'Write the header as: label,pseudonym',
    });
  }
  const map = new Map<string, string>();
  for (const { line, cells } of table.rows) {
    const label = (cells[labelAt] ?? '').trim();
    const pseudonym = (cells[pseudonymAt] ?? '').trim();
    if (!label || !pseudonym) throw new InputError('empty label or pseudonym', { file: path, line, hint: 'Fill both columns on every row' });
    map.set(label, pseudonym);
  }
  return map;
}
