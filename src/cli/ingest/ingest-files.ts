import type { ProjectConfig } from '../../core/config.js';
import type { SourceInfo } from '../../core/model.js';
import type { PseudonymEntry, Pseudonymizer } from '../../core/pseudonymize.js';
import { unpackTurns, type PackedSource } from '../../core/transcript/packed-source.js';
import { sameSource } from '../../core/transcript/same-source.js';
import { PARTICIPANT_ROLE_LABELS } from '../../core/transcript/role-labels.js';
import type { SourceType } from '../../core/transcript/types.js';
import { InputError } from '../../errors.js';
import type { InputFile } from '../../io/collect-files.js';
import { readFileBytes, sourceNameOf, type ReadOptions } from '../../io/read-source-file.js';
import type { CarryReport } from '../../store/human-work.js';
import type { Db } from '../../store/open.js';
import { participantIdsByPseudonym } from '../../store/participants.js';
import { listWithdrawnPseudonyms } from '../../store/withdrawal-record.js';
import { useRollbackJournal } from '../../store/bulk-journal.js';
import { SourceWriter, type CatalogueEntry, type StoredSource } from '../../store/sources.js';
import { compileRules, parseFile, type ParseOutcome, type ParseSetup } from './parse-file.js';
import type { EarlyWorker } from '../early-worker.js';
import { startReader, type FileReading } from './read-ahead.js';
import { SourceIdentity, type NameClash } from './source-identity.js';

const COMMIT_BYTES = 16 * 1024 * 1024;
// …or when the group has been open this long: a crash loses no more than this much ingesting, and
// another process waiting to write waits no longer for the write lock.
const COMMIT_MS = 250;

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
      /** Set when another file has or takes the file's own name, so it was named differently. */
      nameClash?: NameClash;
      /** Replaced only: human work carried to the new text, and what could not be. */
      keptCodings?: number;
      keptDecisions?: number;
      keptMemos?: number;
      notKept?: ({ source: string } & CarryReport['notKept'][number])[];
      /** Replaced only: auto and suggested codings that went with the old text. */
      removedProposals?: number;
      /** Turns of withdrawn participants left out, by pseudonym (see `telaah withdraw`). */
      withheld?: Record<string, number>;
    }
  | { status: 'unchanged'; file: string; name: string; sameAs?: string; withheld?: Record<string, number> }
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
  /** The entries `pseudonymizer` was compiled from: a parse worker compiles its own (without them, no worker). */
  pseudonymEntries?: readonly PseudonymEntry[];
  realNames: readonly string[];
  speakerMap: ReadonlyMap<string, string>;
  now: string;
  /** Ctrl-C: the file in hand is finished, the rest are left, and every file that landed is committed. */
  signal?: AbortSignal;
  /** The project folder: stored paths are relative to it. */
  projectDir: string;
  /** Keep the turns of participants who withdrew (`--include-withdrawn`) instead of leaving them out. */
  includeWithdrawn?: boolean;
  /** Parse in a worker thread while this one writes; undefined: when the files are large enough to gain. */
  parseThread?: boolean;
  /** The worker started as the command began (see early-worker.ts); without one this thread parses. */
  earlyWorker?: EarlyWorker;
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
  // A withdrawn participant's label still resolves to them, so their turns can be left out.
  const withdrawn = new Map(listWithdrawnPseudonyms(db).map((p) => [p.toLowerCase(), p]));
  const pseudonyms = [...participantIds.keys(), ...[...withdrawn.values()].filter((p) => !participantIds.has(p))];
  const readOptions: ReadOptions = {
    type: settings.type,
    strict: settings.strict,
    knownSpeakers: [...pseudonyms, ...config.interviewerLabels, ...PARTICIPANT_ROLE_LABELS, ...settings.realNames, ...settings.speakerMap.keys()],
    columns: settings.columns,
  };
  const setup: ParseSetup = {
    pseudonymEntries: settings.pseudonymEntries ?? [],
    speakerRules: { interviewerLabels: config.interviewerLabels, speakerMap: settings.speakerMap, pseudonyms },
    readOptions,
    withdrawn,
    includeWithdrawn: settings.includeWithdrawn === true,
  };
  const rules = compileRules(setup, settings.pseudonymizer);
  const writer = new SourceWriter(db);
  // File names often carry the participant's real name; name and path are stored, so they are
  // pseudonymized too (messages keep the real path: they are not stored). A lower-case name is still a
  // name there, unlike in prose (text kept from a stored source, quotes of old text).
  const scrubName = (text: string): string => settings.pseudonymizer?.replace(text, { anyCase: true }).text ?? text;
  const scrub = (text: string): string => settings.pseudonymizer?.replace(text).text ?? text;
  const outcomes: FileOutcome[] = [];
  // Files are committed in groups (each still lands whole or not at all, see SourceWriter): a commit
  // per small file would cost more than reading it.
  let pendingBytes = 0;
  // A worker rebuilds the pseudonymizer from its entries; without them this thread parses. A file whose
  // hash the project holds is unchanged or a twin (unless --replace reads every file again): not parsed.
  const canThread = settings.pseudonymizer === undefined || settings.pseudonymEntries !== undefined;
  const job = () => ({ setup, knownShas: settings.replace ? [] : [...writer.catalogue()].map((e) => e.sha256), skipKnown: !settings.replace });
  const reader = await startReader(files, job, canThread ? settings.parseThread : false, rules, settings.earlyWorker);
  let identity: SourceIdentity;
  let restoreJournal: () => void;
  try {
    // Worked out while the worker starts (30 k files: ~0.1 s of paths), not before.
    identity = new SourceIdentity(writer, files, settings.projectDir, scrubName);
    // A large run appends hundreds of MB: a rollback journal writes those pages once (see bulk-journal.ts).
    restoreJournal = reader.threaded ? useRollbackJournal(db) : () => {};
  } catch (error) {
    await reader.close();
    throw error;
  }
  writer.begin();
  try {
    for (const [index, file] of files.entries()) {
      if (settings.signal?.aborted) break;
      await listener.onFile?.(index, files.length, file);
      try {
        const outcome = await ingestOne(file, await reader.take(index));
        outcomes.push(outcome);
        if (outcome.status === 'added' || outcome.status === 'replaced') pendingBytes += outcome.bytes;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        outcomes.push({ status: 'failed', file: file.display, message: error.inFile(file.display).format() });
      }
      listener.onOutcome?.(outcomes[outcomes.length - 1]!);
      if (pendingBytes >= COMMIT_BYTES || writer.openMs() >= COMMIT_MS) {
        writer.commit();
        writer.begin();
        pendingBytes = 0;
      }
    }
  } finally {
    try {
      writer.commit();
    } finally {
      restoreJournal();
      await reader.close();
    }
  }
  return outcomes;

  async function ingestOne(file: InputFile, reading: FileReading): Promise<FileOutcome> {
    const { sha256 } = reading;
    const existing = identity.existing(file);
    if (existing === undefined) {
      const twin = writer.nameWithSha(sha256);
      if (twin !== undefined) return { status: 'unchanged', file: file.display, name: scrubName(sourceNameOf(file)), sameAs: twin };
    } else if (!settings.replace) {
      if (existing.sha256 === sha256) return { status: 'unchanged', file: file.display, name: existing.name };
      throw new InputError(`source "${existing.name}" is already in the project with different content`, {
        hint: 'Pass --replace to replace it (human codings on unchanged sentences are kept)',
      });
    }
    // Under --replace an unchanged file is read again too: the run's options (--pseudonyms, --speakers,
    // --type, columns) may store it differently, and then it is replaced.
    const stored = existing ? writer.load(existing.name) : undefined;
    const parsed = await readOne(file, reading, stored?.type);
    if (parsed === undefined) return { status: 'skipped', file: file.display, reason: 'no source type (not in interviews/, fgd/, observations/ or documents/, no type: in front matter)' };
    const built = parsed.source;
    // The worker's text came as UTF-8 (see FileReading.utf8Text): a new source stores those bytes, a
    // replaced one needs the text to compare and to carry human work.
    const utf8Text = parsed === reading.parsed ? reading.utf8Text : undefined;
    if (utf8Text !== undefined && stored) built.text = utf8Text.toString('utf8');
    const withheld = Object.keys(parsed.withheld).length ? { withheld: parsed.withheld } : {};
    const named = existing ? { name: identity.nameExisting(file, existing) } : identity.nameNew(file);
    const info = describeSource(named.name, identity.storedPath(file), sha256, parsed, stored);
    const type = info.type;
    if (existing && stored && existing.sha256 === sha256 && sameSource({ info: stored, text: stored.text, turns: stored.turns }, { info, text: built.text, turns: unpackTurns(built) })) {
      return { status: 'unchanged', file: file.display, name: existing.name, ...withheld };
    }
    const outcome = {
      file: file.display,
      name: info.name,
      type,
      turns: built.turnCount,
      segments: built.segmentCount,
      bytes: reading.size,
      replacements: parsed.replacements,
      unknownSpeakers: type === 'interview' || type === 'fgd' ? parsed.unknownSpeakers : [],
      ...(named.clash ? { nameClash: named.clash } : {}),
      ...withheld,
    };
    if (!existing) {
      writer.write(info, built, participantIds, settings.now, false, utf8Text);
      return { status: 'added', ...outcome };
    }
    return { status: 'replaced', ...outcome, ...replaceSource(existing, info, built) };
  }

  /**
   * The file parsed (by the worker, or here when nothing parsed it); a file that says nothing of its type
   * may keep `storedType`. Warnings are reported here, in file order.
   */
  async function readOne(file: InputFile, reading: FileReading, storedType: SourceType | undefined): Promise<Extract<ParseOutcome, { kind: 'parsed' }> | undefined> {
    let bytes = reading.bytes;
    // The worker leaves a file it took for unchanged unparsed; read again in the rare case it was not.
    const parseHere = (type?: SourceType): Promise<ParseOutcome> => parseFile(file, (bytes ??= readFileBytes(file)), rules, type);
    let parsed = reading.parsed ?? (await parseHere());
    if (parsed.kind === 'untyped' && storedType !== undefined) parsed = await parseHere(storedType);
    if (parsed.kind === 'failed') throw parsed.error;
    if (parsed.kind === 'untyped') {
      if (!file.explicit) return undefined;
      throw new InputError('cannot tell the source type', {
        hint: 'Pass --type interview|fgd|observation|document, add "type:" front matter, or put the file in interviews/, fgd/, observations/ or documents/',
      });
    }
    for (const warning of parsed.warnings) listener.onWarning?.(warning);
    return parsed;
  }

  /**
   * The source's fields from the file. When it replaces a stored source, what the file does not say
   * (a date, site, attribute or type set with `sources set`, a language) is kept, with real names
   * replaced; a type only from the folder name does not override the stored one.
   */
  function describeSource(name: string, file: string, sha256: string, reading: Extract<ParseOutcome, { kind: 'parsed' }>, stored: StoredSource | undefined): SourceInfo {
    const { meta, encoding } = reading;
    const typeGiven = settings.type !== undefined || meta.type !== undefined;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(stored?.attributes ?? {})) attributes[scrubName(key)] = scrub(value);
    Object.assign(attributes, meta.attributes);
    if (meta.title) attributes.title = meta.title;
    if (meta.participants?.length) attributes.participants = meta.participants.join(', ');
    const kept = (value: string | null | undefined): string | null => (value == null ? null : scrub(value));
    return {
      name,
      type: stored && !typeGiven ? stored.type : reading.type,
      file,
      sha256,
      encoding,
      language: settings.language ?? meta.language ?? stored?.language ?? config.languages[0] ?? null,
      date: meta.date ?? stored?.date ?? null,
      site: meta.site ?? kept(stored?.site),
      attributes,
    };
  }

  /** Replaces a stored source; human work on unchanged segments moves along, what cannot is reported. */
  function replaceSource(existing: CatalogueEntry, info: SourceInfo, built: PackedSource): Pick<FileOutcome & { status: 'replaced' }, 'keptCodings' | 'keptDecisions' | 'keptMemos' | 'notKept' | 'removedProposals'> {
    const { carried } = writer.replace(existing.name, info, built, participantIds, settings.now);
    return {
      keptCodings: carried.keptCodings,
      keptDecisions: carried.keptDecisions,
      keptMemos: carried.keptMemos,
      // The old text is quoted so a person can find the work again; a real name in it is not repeated.
      notKept: carried.notKept.map((n) => ({ source: info.name, ...n, text: scrub(n.text) })),
      removedProposals: carried.removedProposals,
    };
  }
}
