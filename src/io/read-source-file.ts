import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { canonicalizeText } from '../core/text/canonical.js';
import { parseFrontMatter } from '../core/transcript/front-matter.js';
import { liftTitle } from '../core/transcript/lift-title.js';
import { parseParagraphs } from '../core/transcript/paragraphs.js';
import { readSubtitleTranscript } from '../core/transcript/read-subtitles.js';
import { sourceTypeFromFolders } from '../core/transcript/source-type.js';
import { parseSpeakerLines } from '../core/transcript/speaker-lines.js';
import { parseTableCsv } from '../core/transcript/table-csv.js';
import { parseTranscriptCsv } from '../core/transcript/transcript-csv.js';
import { emptyMeta, type DraftMeta, type ReadWarning, type SourceType, type TranscriptDraft } from '../core/transcript/types.js';
import { InputError } from '../errors.js';
import { foldersOf, type InputFile } from './collect-files.js';
import { decodeBytes } from './decode.js';

/** How to read files: overrides from the command line and what the project knows. */
export interface ReadOptions {
  type?: SourceType;
  strict: boolean;
  knownSpeakers: readonly string[];
  columns: { speaker?: string; text?: string; start?: string };
}

/** A file read into a draft. */
export interface ReadSource {
  encoding: string;
  /** The source type, or undefined when neither flag, file nor folder tells it. */
  type: SourceType | undefined;
  draft: TranscriptDraft;
  warnings: string[];
}

/** Reads the bytes of one file, for hashing before the (more expensive) parse. */
export function readFileBytes(file: InputFile): Buffer {
  try {
    return readFileSync(file.path);
  } catch (error) {
    throw cannotRead(file, error);
  }
}

function cannotRead(file: InputFile, error: unknown): InputError {
  return new InputError(`cannot read ${file.display}: ${(error as Error).message}`, { hint: 'Check the file and its permissions' });
}

/** The sha256 of a file's original bytes. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The source name a file gets: its name without the extension. */
export function sourceNameOf(file: InputFile): string {
  return basename(file.path, extname(file.path));
}

/** Parses one file into a draft with the reader its extension calls for; errors carry the file name. */
export async function readSourceFile(file: InputFile, bytes: Buffer, options: ReadOptions): Promise<ReadSource> {
  try {
    return await readByFormat(file, bytes, options);
  } catch (error) {
    if (error instanceof InputError) throw error.inFile(file.display);
    throw error;
  }
}

async function readByFormat(file: InputFile, bytes: Buffer, options: ReadOptions): Promise<ReadSource> {
  const ext = extname(file.path).toLowerCase();
  const folderType = sourceTypeFromFolders(foldersOf(file));
  if (ext === '.docx') {
    const { readDocx } = await import('./read-docx.js');
    const draft = liftTitle(await readDocx(bytes, { knownSpeakers: options.knownSpeakers }));
    canonicalizeDraft(draft);
    const type = options.type ?? draft.meta.type ?? folderType;
    return { encoding: 'docx', type, draft, warnings: draft.warnings.map((w) => formatWarning(file.display, w)) };
  }
  const decoded = decodeBytes(bytes, file.display);
  const text = canonicalizeText(decoded.text);
  let draft: TranscriptDraft;
  let type: SourceType | undefined;
  if (ext === '.vtt' || ext === '.srt' || ext === '.csv') {
    // These formats carry no type of their own: without a flag or a typed folder there is nothing to parse for.
    type = options.type ?? folderType;
    if (type === undefined) draft = { meta: emptyMeta(), turns: [], warnings: [] };
    else if (ext !== '.csv') draft = readSubtitleTranscript(text, ext === '.vtt' ? 'vtt' : 'srt', { strict: options.strict });
    else draft = type === 'document' || type === 'observation' ? parseTableCsv(text) : parseTranscriptCsv(text, options.columns);
  } else {
    const { meta, body, bodyLine } = parseFrontMatter(text);
    type = options.type ?? meta.type ?? folderType;
    draft = readPlainText(body, bodyLine, meta, type, options);
  }
  // decodeBytes was given the file's name: its warnings already begin with `file:line:col:`.
  return { encoding: decoded.encoding, type, draft, warnings: [...decoded.warnings, ...draft.warnings.map((w) => formatWarning(file.display, w))] };
}

function readPlainText(body: string, bodyLine: number, meta: DraftMeta, type: SourceType | undefined, options: ReadOptions): TranscriptDraft {
  if (type === 'observation' || type === 'document') {
    return { meta, turns: parseParagraphs(body, bodyLine), warnings: [] };
  }
  const { turns, warnings } = parseSpeakerLines(body, bodyLine, { knownSpeakers: [...options.knownSpeakers, ...(meta.participants ?? [])] });
  if (turns.some((t) => t.speaker !== null)) return liftTitle({ meta, turns, warnings });
  // A transcript without speaker labels (a written answer, a monologue) is still a source: its
  // paragraphs become the units.
  return {
    meta,
    turns: parseParagraphs(body, bodyLine),
    warnings: [...warnings, { message: 'no speaker labels found (expected lines like "Name: text"); paragraphs are the units' }],
  };
}

function canonicalizeDraft(draft: TranscriptDraft): void {
  for (const turn of draft.turns) {
    turn.text = canonicalizeText(turn.text);
    if (turn.speaker !== null) turn.speaker = canonicalizeText(turn.speaker);
  }
}

function formatWarning(file: string, w: ReadWarning): string {
  const where = w.line !== undefined ? `${file}:${w.line}${w.col !== undefined ? `:${w.col}` : ''}` : file;
  return `${where}: ${w.message}`;
}
