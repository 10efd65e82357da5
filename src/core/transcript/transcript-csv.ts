/**
 * Transcripts exported as CSV (one row per utterance): speaker, text and time columns found by name,
 * consecutive rows of one speaker merged into one turn.
 */
import { InputError } from '../../errors.js';
import { parseTimestamp } from './speaker-lines.js';
import { readCsvRecords } from './table-csv.js';
import { emptyMeta, type TranscriptDraft, type TurnDraft } from './types.js';

/** Column names chosen by the user (matched case-insensitively); unset roles are found by their usual names. */
export interface TranscriptColumns {
  speaker?: string;
  text?: string;
  start?: string;
  end?: string;
}

type Role = keyof TranscriptColumns;

// The names transcription tools and spreadsheets use (Otter, Rev, Descript, Sonix, Amazon Transcribe, …), in
// order of preference; compared as normalizeName leaves them ("Speaker Name" = "speaker_name" = "SPEAKER-NAME").
const SYNONYMS: Record<Role, string[]> = {
  text: ['Text', 'Transcript', 'Utterance', 'Content', 'Teks', 'Transkrip', 'Ucapan', 'Isi', 'Answer', 'Jawaban', 'Response', 'Free Text'],
  speaker: ['Speaker', 'Speaker Name', 'Speaker Label', 'Name', 'Pembicara', 'Nama', 'Participant', 'Peserta', 'Respondent', 'Responden', 'Case'],
  start: ['Start', 'Start Time', 'Begin', 'Begin Time', 'Timestamp', 'Time', 'Waktu', 'Mulai', 'Waktu Mulai'],
  end: ['End', 'End Time', 'Stop', 'Stop Time', 'Selesai', 'Waktu Selesai'],
};

const ROLES: Role[] = ['text', 'speaker', 'start', 'end'];

/** Turns of a CSV transcript with a header row; other columns are ignored. */
export function parseTranscriptCsv(text: string, columns: TranscriptColumns = {}): TranscriptDraft {
  const { header, rows } = readCsvRecords(text);
  const index = findColumns(header, columns);
  const textCol = index.text;
  if (textCol === undefined) {
    throw new InputError(`no text column: the header has ${header.join(', ')}`, {
      line: 1,
      hint: `Name it with --text-column, or call the column one of: ${SYNONYMS.text.join(', ')}`,
    });
  }

  const turns: TurnDraft[] = [];
  let last: TurnDraft | null = null;
  for (const { cells, line } of rows) {
    const said = cells[textCol] ?? '';
    if (said === '') continue;
    const speaker = index.speaker === undefined ? null : cells[index.speaker] || null;
    const startMs = readTime(cells, index.start, header, line);
    const endMs = readTime(cells, index.end, header, line);
    if (last !== null && speaker !== null && last.speaker === speaker) {
      last.text += `\n${said}`;
      if (endMs !== null) last.endMs = endMs;
      continue;
    }
    last = { speaker, text: said, startMs, endMs, line };
    turns.push(last);
  }
  return { meta: emptyMeta(), turns, warnings: [] };
}

function findColumns(header: string[], columns: TranscriptColumns): Partial<Record<Role, number>> {
  const names = header.map(normalizeName);
  const found: Partial<Record<Role, number>> = {};
  const taken = new Set<number>();
  for (const role of ROLES) {
    const wanted = columns[role];
    if (wanted === undefined || wanted === '') continue;
    const i = names.indexOf(normalizeName(wanted));
    if (i < 0) {
      throw new InputError(`no column "${wanted}" (--${role}-column): the header has ${header.join(', ')}`, {
        line: 1,
        hint: 'give a column name exactly as the header row spells it',
      });
    }
    found[role] = i;
    taken.add(i);
  }
  for (const role of ROLES) {
    if (found[role] !== undefined) continue;
    for (const synonym of SYNONYMS[role]) {
      const i = names.indexOf(normalizeName(synonym));
      if (i >= 0 && !taken.has(i)) {
        found[role] = i;
        taken.add(i);
        break;
      }
    }
  }
  return found;
}

function readTime(cells: string[], col: number | undefined, header: string[], line: number): number | null {
  if (col === undefined) return null;
  // Some tools bracket their times: "[00:01:02]".
  const value = (cells[col] ?? '').replace(/^\[(.*)\]$/, '$1').trim();
  if (value === '') return null;
  if (/^\d+(?:[.,]\d+)?$/.test(value)) return Math.round(Number(value.replace(',', '.')) * 1000);
  const ms = parseTimestamp(value);
  if (ms !== null) return ms;
  throw new InputError(
    `malformed time "${value}" in column "${header[col]}": expected hh:mm:ss(.mmm), mm:ss or seconds`,
    { line, col: col + 1, hint: 'for example 00:01:02.500, 01:02 or 62.5' },
  );
}

// "Start Time", "start-time", "START_TIME" and "Start.Time" are one name.
function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
