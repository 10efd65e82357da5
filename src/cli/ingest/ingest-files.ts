import type { ProjectConfig } from '../../core/config.js';
import type { SourceInfo } from '../../core/model.js';
import type { Pseudonymizer } from '../../core/pseudonymize.js';
import { buildSource } from '../../core/transcript/build-source.js';
import { prepareSource } from '../../core/transcript/prepare-source.js';
import { compileSpeakerResolver } from '../../core/transcript/speakers.js';
import type { SourceType } from '../../core/transcript/types.js';
import { InputError } from '../../errors.js';
import type { InputFile } from '../../io/collect-files.js';
import { hashBytes, readFileBytes, readSourceFile, sourceNameOf, type ReadOptions } from '../../io/read-source-file.js';
import type { Db } from '../../store/open.js';
import { participantIdsByPseudonym } from '../../store/participants.js';
import { SourceWriter } from '../../store/sources.js';

const COMMIT_BYTES = 16 * 1024 * 1024;

/** What happened to one file. */
export type FileOutcome =
  | {
      status: 'added' | 'replaced';
      file: string;
      name: string;
      type: SourceType;
      turns: number;
      segments: number;
      bytes: number;
      replacements: number;
      /** Speaker labels that are neither the interviewer nor a known participant. */
      unknownSpeakers: string[];
    }
  | { status: 'unchanged'; file: string; name: string; sameAs?: string }
  | { status: 'skipped'; file: string; reason: string }
  | { status: 'failed'; file: string; message: string };

/** Settings of one ingest run. */
export interface IngestSettings {
  type?: SourceType;
  replace: boolean;
  strict: boolean;
  language?: string;
  columns: ReadOptions['columns'];
  pseudonymizer?: Pseudonymizer;
  realNames: readonly string[];
  speakerMap: ReadonlyMap<string, string>;
  now: string;
  /** Ctrl-C: the file in hand is finished, the rest are left, and every file that landed is committed. */
  signal?: AbortSignal;
}

/** Progress and warnings as the run goes. */
export interface IngestListener {
  /** Before each file; may return a promise (e.g. to let a Ctrl-C in, see interrupt.ts). */
  onFile?(index: number, total: number, file: InputFile): void | Promise<void>;
  /** After each file. */
  onOutcome?(outcome: FileOutcome): void;
  onWarning?(message: string): void;
}

/**
 * Ingests files one by one, each in its own transaction: a file that fails leaves nothing behind and
 * does not stop the others.
 */
export async function ingestFiles(db: Db, config: ProjectConfig, files: readonly InputFile[], settings: IngestSettings, listener: IngestListener = {}): Promise<FileOutcome[]> {
  const participantIds = participantIdsByPseudonym(db);
  const pseudonyms = [...participantIds.keys()];
  const resolveSpeaker = compileSpeakerResolver({
    interviewerLabels: config.interviewerLabels,
    speakerMap: settings.speakerMap,
    pseudonyms,
  });
  const readOptions: ReadOptions = {
    type: settings.type,
    strict: settings.strict,
    knownSpeakers: [...pseudonyms, ...config.interviewerLabels, ...settings.realNames, ...settings.speakerMap.keys()],
    columns: settings.columns,
  };
  const writer = new SourceWriter(db);
  const outcomes: FileOutcome[] = [];
  // Files are committed in groups (each still lands whole or not at all, see SourceWriter): a commit
  // per small file would cost more than reading it.
  let pendingBytes = 0;
  writer.begin();
  try {
    for (const [index, file] of files.entries()) {
      if (settings.signal?.aborted) break;
      await listener.onFile?.(index, files.length, file);
      try {
        const outcome = await ingestOne(file);
        outcomes.push(outcome);
        if (outcome.status === 'added' || outcome.status === 'replaced') pendingBytes += outcome.bytes;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        outcomes.push({ status: 'failed', file: file.display, message: error.inFile(file.display).format() });
      }
      listener.onOutcome?.(outcomes[outcomes.length - 1]!);
      if (pendingBytes >= COMMIT_BYTES) {
        writer.commit();
        writer.begin();
        pendingBytes = 0;
      }
    }
  } finally {
    writer.commit();
  }
  return outcomes;

  async function ingestOne(file: InputFile): Promise<FileOutcome> {
    // File names often carry the participant's real name; name and path are stored, so they are
    // pseudonymized too (messages keep the real path: they are not stored).
    const scrub = (text: string): string => settings.pseudonymizer?.replace(text, { anyCase: true }).text ?? text;
    const storedPath = scrub(file.display);
    const bytes = readFileBytes(file);
    const sha256 = hashBytes(bytes);
    const name = scrub(sourceNameOf(file));
    const storedSha = writer.shaOf(name);
    if (storedSha === sha256) return { status: 'unchanged', file: file.display, name };
    if (storedSha !== undefined && !settings.replace) {
      throw new InputError(`source "${name}" is already in the project with different content`, {
        hint: 'Pass --replace to replace it (its codings go with it), or rename the file',
      });
    }
    const twin = storedSha === undefined ? writer.nameWithSha(sha256) : undefined;
    if (twin !== undefined) return { status: 'unchanged', file: file.display, name, sameAs: twin };

    const read = await readSourceFile(file, bytes, readOptions);
    if (read.type === undefined) {
      if (!file.explicit) return { status: 'skipped', file: file.display, reason: 'no source type (not in interviews/, fgd/, observations/ or documents/, no type: in front matter)' };
      throw new InputError('cannot tell the source type', {
        hint: 'Pass --type interview|fgd|observation|document, add "type:" front matter, or put the file in interviews/, fgd/, observations/ or documents/',
      });
    }
    const prepared = prepareSource(read.draft, { pseudonymizer: settings.pseudonymizer, resolveSpeaker });
    const built = buildSource(prepared.turns);
    if (built.turns.length === 0) throw new InputError('no text to ingest', { hint: 'The file has no turns or paragraphs with text' });
    for (const warning of read.warnings) listener.onWarning?.(warning);
    for (const warning of prepared.warnings) listener.onWarning?.(`${file.display}: ${warning}`);
    const attributes: Record<string, string> = { ...prepared.meta.attributes };
    if (prepared.meta.title) attributes.title = prepared.meta.title;
    if (prepared.meta.participants?.length) attributes.participants = prepared.meta.participants.join(', ');
    const info: SourceInfo = {
      name,
      type: read.type,
      file: storedPath,
      sha256,
      encoding: read.encoding,
      language: settings.language ?? prepared.meta.language ?? config.languages[0] ?? null,
      date: prepared.meta.date ?? null,
      site: prepared.meta.site ?? null,
      attributes,
    };
    writer.write(info, built, participantIds, settings.now, storedSha !== undefined);
    const segments = built.turns.reduce((n, t) => n + 1 + t.sentences.length, 0);
    return {
      status: storedSha !== undefined ? 'replaced' : 'added',
      file: file.display,
      name,
      type: read.type,
      turns: built.turns.length,
      segments,
      bytes: bytes.length,
      replacements: prepared.replacements,
      unknownSpeakers: read.type === 'interview' || read.type === 'fgd' ? prepared.unknownSpeakers : [],
    };
  }
}
