/**
 * Reading one file into a source ready to store: decode, parse, pseudonymize, resolve speakers, leave out
 * withdrawn participants, lay out. The same code runs on the main thread and in the parse worker
 * (parse-worker.ts), which builds its rules from the plain data of a ParseSetup.
 */
import { compilePseudonymizer, type PseudonymEntry, type Pseudonymizer } from '../../core/pseudonymize.js';
import { buildPackedSource } from '../../core/transcript/build-source.js';
import type { PackedSource } from '../../core/transcript/packed-source.js';
import { prepareSource, type PreparedSource } from '../../core/transcript/prepare-source.js';
import { compileSpeakerResolver, type SpeakerResolution, type SpeakerRules } from '../../core/transcript/speakers.js';
import type { DraftMeta, SourceType } from '../../core/transcript/types.js';
import { InputError } from '../../errors.js';
import type { InputFile } from '../../io/collect-files.js';
import { readSourceFile, type ReadOptions } from '../../io/read-source-file.js';

/** Everything a thread needs to read files as the run reads them, as plain data (it crosses to a worker). */
export interface ParseSetup {
  pseudonymEntries: readonly PseudonymEntry[];
  speakerRules: SpeakerRules;
  readOptions: ReadOptions;
  /** Withdrawn participants by lower-cased pseudonym; their turns are left out unless includeWithdrawn. */
  withdrawn: ReadonlyMap<string, string>;
  includeWithdrawn: boolean;
}

/** A ParseSetup compiled: the pseudonymizer and speaker resolver built once per thread. */
export interface ParseRules {
  setup: ParseSetup;
  pseudonymizer: Pseudonymizer | undefined;
  resolveSpeaker: (label: string) => SpeakerResolution;
  /** False in the parse worker: the storing thread counts a source's words from its UTF-8 (see sourceWords). */
  countingWords: boolean;
}

/** What reading a file gave: a source, no type to read it as, or bad input. */
export type ParseOutcome =
  | {
      kind: 'parsed';
      type: SourceType;
      encoding: string;
      meta: DraftMeta;
      replacements: number;
      unknownSpeakers: string[];
      /** The reader's and the pipeline's warnings, each naming the file, in the order a serial run gives them. */
      warnings: string[];
      /** Turns of withdrawn participants left out, by pseudonym. */
      withheld: Record<string, number>;
      source: PackedSource;
    }
  | { kind: 'untyped' }
  | { kind: 'failed'; error: InputError };

/** Compiles a setup (the main thread passes the pseudonymizer it already has). */
export function compileRules(setup: ParseSetup, pseudonymizer?: Pseudonymizer): ParseRules {
  return {
    setup,
    pseudonymizer: pseudonymizer ?? (setup.pseudonymEntries.length ? compilePseudonymizer(setup.pseudonymEntries) : undefined),
    resolveSpeaker: compileSpeakerResolver(setup.speakerRules),
    countingWords: true,
  };
}

/** Reads a file's bytes into a source; `type` overrides what the run's options and the file say. */
export async function parseFile(file: InputFile, bytes: Buffer, rules: ParseRules, type?: SourceType): Promise<ParseOutcome> {
  try {
    const read = await readSourceFile(file, bytes, type === undefined ? rules.setup.readOptions : { ...rules.setup.readOptions, type });
    if (read.type === undefined) return { kind: 'untyped' };
    const prepared = prepareSource(read.draft, { pseudonymizer: rules.pseudonymizer, resolveSpeaker: rules.resolveSpeaker });
    const withheld = rules.setup.includeWithdrawn ? {} : withholdWithdrawn(prepared, rules.setup.withdrawn);
    const source = buildPackedSource(prepared.turns, rules.countingWords);
    if (source.turnCount === 0) throw new InputError('no text to ingest', { hint: 'The file has no turns or paragraphs with text' });
    return {
      kind: 'parsed',
      type: read.type,
      encoding: read.encoding,
      meta: prepared.meta,
      replacements: prepared.replacements,
      unknownSpeakers: prepared.unknownSpeakers,
      warnings: [...read.warnings, ...prepared.warnings.map((warning) => `${file.display}: ${warning}`)],
      withheld,
      source,
    };
  } catch (error) {
    if (error instanceof InputError) return { kind: 'failed', error };
    throw error;
  }
}

/**
 * Marks the turns of withdrawn participants to be left out, and takes them off the list of who took
 * part (as `telaah withdraw` does to a stored source); counts their turns by pseudonym.
 */
function withholdWithdrawn(prepared: PreparedSource, withdrawn: ReadonlyMap<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  if (withdrawn.size === 0) return counts;
  if (prepared.meta.participants) prepared.meta.participants = prepared.meta.participants.filter((p) => !withdrawn.has(p.toLowerCase()));
  for (const turn of prepared.turns) {
    const pseudonym = turn.participant === null ? undefined : withdrawn.get(turn.participant.toLowerCase());
    if (pseudonym === undefined || turn.text.trim() === '') continue;
    turn.withheld = true;
    counts[pseudonym] = (counts[pseudonym] ?? 0) + 1;
  }
  return counts;
}

/** An InputError as plain data, to cross from the worker. */
export interface InputErrorData {
  message: string;
  hint: string | undefined;
  file: string | undefined;
  line: number | undefined;
  col: number | undefined;
}

/** The plain data of an InputError. */
export function inputErrorData(error: InputError): InputErrorData {
  return { message: error.message, hint: error.hint, file: error.location.file, line: error.location.line, col: error.location.col };
}

/** The same InputError again on this side: message, hint and position. */
export function inputErrorFrom(data: InputErrorData): InputError {
  return new InputError(data.message, { hint: data.hint, file: data.file, line: data.line, col: data.col });
}
