/**
 * One coding per line, for team coding through git: anchored by the source's sha256, code-point offsets
 * and the words they span, so that a coding can be found again in a colleague's project (same file,
 * same offsets) or, when the text moved, by its words. Keys come in a fixed order and lines are sorted,
 * so two coders' files diff and merge line by line.
 */
import { InputError } from '../../errors.js';

/** The origins a coding line may carry. */
export const LINE_ORIGINS = ['auto', 'manual', 'suggested', 'accepted', 'imported'] as const;

/** A coding as a line carries it. */
export interface TeamCoding {
  /** The source's name in the exporting project (sources are matched by sha256 first). */
  source: string;
  /** sha256 of the source file's bytes. */
  sha256: string;
  /** `T` or `T.S`: the unit coded. */
  segment: string;
  /** The evidence, in code points of the source's canonical text. */
  start: number;
  end: number;
  code: string;
  coder: string;
  origin: (typeof LINE_ORIGINS)[number];
  /** The coding's own note. */
  memo: string | null;
  createdAt: string;
  /** The words between start and end. */
  text: string;
  /** A suggestion's confidence (0–1); absent for other origins. */
  confidence?: number;
}

/** The line of a coding (no line end); keys in the documented order. */
export function formatCodingLine(c: TeamCoding): string {
  const { source, sha256, segment, start, end, code, coder, origin, memo, createdAt, text, confidence } = c;
  return JSON.stringify({ source, sha256, segment, start, end, code, coder, origin, memo, createdAt, ...(confidence === undefined ? {} : { confidence }), text });
}

/** The order of lines in a file: sha256, start, end, code, coder (then the rest, so equal keys still sort one way). */
export function compareCodings(a: TeamCoding, b: TeamCoding): number {
  return cmp(a.sha256, b.sha256) || cmp(a.source, b.source) || a.start - b.start || a.end - b.end || cmp(a.code, b.code) || cmp(a.coder, b.coder) || cmp(a.segment, b.segment);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const SEGMENT = /^[1-9]\d*(\.[1-9]\d*)?$/;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The codings of a file's text, one per non-blank line. The first malformed line is an InputError at
 * that line (the caller adds the file), so nothing of a bad file is used.
 */
export function parseCodingLines(text: string): TeamCoding[] {
  const codings: TeamCoding[] = [];
  // Line by line without splitting: a file of a million codings is not held twice.
  let from = text.startsWith('\uFEFF') ? 1 : 0;
  for (let number = 1; from < text.length; number += 1) {
    const end = text.indexOf('\n', from);
    const line = text.slice(from, end === -1 ? text.length : end).replace(/\r$/, '');
    from = end === -1 ? text.length : end + 1;
    if (line.trim() === '') continue;
    try {
      codings.push(parseCodingLine(line));
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.message, { line: number, hint: error.hint });
      throw error;
    }
  }
  return codings;
}

/** One line as a coding; an InputError saying what is wrong with it. */
export function parseCodingLine(line: string): TeamCoding {
  if (/^(<{7}|={7}|>{7}|\|{7})( |$)/.test(line)) {
    throw new InputError('a git merge conflict marker', { hint: 'Resolve the conflict first: keep the lines of both sides (each line is one coding) and delete the markers' });
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new InputError(`not a JSON object (${(error as Error).message})`, { hint: 'Each line must be one coding as `telaah export codings` writes it' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError('not a JSON object', { hint: 'Each line must be one coding as `telaah export codings` writes it' });
  const o = value as Record<string, unknown>;
  const sha256 = text(o, 'sha256').toLowerCase();
  if (!SHA256.test(sha256)) throw new InputError(`"sha256" is not a SHA-256 hash: ${JSON.stringify(o.sha256)}`, { hint: 'It is 64 hexadecimal digits, as `telaah sources list --json` shows' });
  const segment = text(o, 'segment');
  if (!SEGMENT.test(segment)) throw new InputError(`"segment" is not a turn or sentence address: ${JSON.stringify(segment)}`, { hint: 'Write T or T.S, e.g. "12" or "12.3"' });
  const start = offset(o, 'start');
  const end = offset(o, 'end');
  if (end < start) throw new InputError(`"end" (${end}) is before "start" (${start})`, { hint: 'start and end are code-point offsets, start first' });
  const origin = text(o, 'origin');
  if (!(LINE_ORIGINS as readonly string[]).includes(origin)) throw new InputError(`"origin" "${origin}" is not one of ${LINE_ORIGINS.join(', ')}`);
  const memo = o.memo ?? null;
  if (memo !== null && typeof memo !== 'string') throw new InputError('"memo" must be text or null');
  const confidence = o.confidence ?? undefined;
  if (confidence !== undefined && (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1))) throw new InputError('"confidence" must be a number from 0 to 1');
  if (typeof o.text !== 'string') throw new InputError(o.text === undefined ? 'no "text"' : '"text" must be text', { hint: 'text is the words between start and end' });
  return {
    source: text(o, 'source'),
    sha256,
    segment,
    start,
    end,
    code: text(o, 'code'),
    coder: text(o, 'coder'),
    origin: origin as TeamCoding['origin'],
    memo: memo as string | null,
    createdAt: text(o, 'createdAt'),
    text: o.text,
    ...(confidence === undefined ? {} : { confidence: confidence as number }),
  };
}

function text(o: Record<string, unknown>, key: string): string {
  const v = o[key];
  if (v === undefined || v === null) throw new InputError(`no "${key}"`, { hint: 'Each line needs source, sha256, segment, start, end, code, coder, origin, createdAt and text' });
  if (typeof v !== 'string' || v.trim() === '') throw new InputError(`"${key}" must be non-empty text, not ${JSON.stringify(v)}`);
  return v.trim();
}

function offset(o: Record<string, unknown>, key: string): number {
  const v = o[key];
  if (v === undefined || v === null) throw new InputError(`no "${key}"`, { hint: 'Each line needs source, sha256, segment, start, end, code, coder, origin, createdAt and text' });
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new InputError(`"${key}" must be a whole number of at least 0, not ${JSON.stringify(v)}`);
  return v;
}
