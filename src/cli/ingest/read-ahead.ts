/**
 * The files of an ingest run as the main thread takes them, one by one in order: read and hashed here
 * (a small run), or read and parsed ahead by a worker thread (parse-worker.ts) while this thread hashes
 * (see hashesHere) and writes. The two threads take files from one shared claim counter: once the worker has kept this thread
 * waiting for a share of the run (WAIT_SHARE_TO_PARSE), this thread claims the next unclaimed file and
 * parses it itself rather than wait when the file it needs next is still in the worker's hands, so both
 * cores work whichever side is behind. The worker stays at most READ_AHEAD_BYTES of
 * parsed results ahead (it waits for the main thread to take them), and this thread parses ahead at most
 * OWN_AHEAD_BYTES, so memory stays bounded at any corpus size; one file larger than that still goes through.
 */
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import type { InputFile } from '../../io/collect-files.js';
import { InputError } from '../../errors.js';
import { packedBytes, sourceWords } from '../../core/transcript/packed-source.js';
import { hashBytes, readFileBytes } from '../../io/read-source-file.js';
import { EarlyWorker } from '../early-worker.js';
import { inputErrorFrom, parseFile, type InputErrorData, type ParseOutcome, type ParseRules, type ParseSetup } from './parse-file.js';

/**
 * Parsed results in flight between the threads, at most (about: UTF-16 text and the packed arrays). Each
 * result lives twice while in flight (the worker's serialized copy, this thread's), and 4 MB is hundreds of
 * typical files: on the 200 MB bench corpus 32 MB here peaked at ~400 MB RSS, 4 MB at ~285 MB.
 */
export const READ_AHEAD_BYTES = 4 * 1024 * 1024;
/**
 * Results this thread parses ahead while the worker has the file it needs, at most: it parses only while
 * it would otherwise wait, so a few files' worth keeps it busy until the worker's result arrives.
 */
const OWN_AHEAD_BYTES = 1024 * 1024;
/**
 * This thread parses only when waiting for the worker has taken more than this share of the run so far:
 * parsing here costs more than the parse itself (this thread's isolate compiles the parse code too, and
 * its heap grows with a parse's garbage), so it pays only where parsing dwarfs storing. On the 200 MB
 * bench corpus this thread waits 28-31% of the run; a share of 0.15 or 0.05 had it parse, and the run
 * took longer: 7.9-8.3 s against 7.5-7.8 s when it never parses (V8's compiler and collector threads
 * 2.9-3.4 against 2.2-2.4 CPU s; three runs each on a quiet machine). Before, at a share of 0, peak RSS
 * also went over 400 MB.
 */
const WAIT_SHARE_TO_PARSE = 0.5;
/** The parse worker's module (parse-worker.ts built), started early by the command (see early-worker.ts). */
export const PARSE_WORKER = new URL('./parse-worker.js', import.meta.url);
/**
 * The worker's young generation. Parsing makes short-lived objects at a high rate, so it is bounded to
 * keep the worker's heap (and the run's peak RSS) small. Ingest of the 200 MB bench corpus, two runs each
 * on a quiet machine: 8 MB 14.6-15.5 s / 324-327 MB RSS, 32 MB 13.6 s / 323-326 MB, 64 MB 13.5-13.8 s /
 * 381-399 MB; later 32 MB cost 20-60 MB more than 16 for no gain in time.
 */
export const PARSE_WORKER_YOUNG_GENERATION_MB = 16;
/** What a result costs beyond its text and arrays (names, warnings, the meta). */
export const MESSAGE_BYTES = 1024;
/** Below this many bytes of files the run parses here: starting a worker costs more than it saves. */
export const WORKER_THRESHOLD_BYTES = 4 * 1024 * 1024;

/** One file as the main thread takes it. */
export interface FileReading {
  size: number;
  sha256: string;
  /** The bytes, when this thread read them or the worker found no type in them (a stored type may be tried). */
  bytes?: Buffer;
  /** The worker's parse; absent when nothing parsed the file (no worker, or a hash the project already holds). */
  parsed?: ParseOutcome;
  /**
   * The worker's parsed source's text as UTF-8 (parsed.source.text is then empty): it crosses without a
   * copy, and a new source stores these bytes, so this thread never holds the text as a string.
   */
  utf8Text?: Buffer;
}

/** The files of the run, taken in order; `close` stops a worker. */
export interface FileReader {
  /** File `index`'s reading; bad input (an unreadable file) is thrown as the InputError a serial read throws. */
  take(index: number): Promise<FileReading>;
  close(): Promise<void>;
  /** Whether a worker parses (a run of WORKER_THRESHOLD_BYTES or more, unless told otherwise). */
  readonly threaded: boolean;
}

/** What the worker is given. */
export interface ParseJob {
  files: readonly InputFile[];
  setup: ParseSetup;
  /** Hashes the project holds: such a file is unchanged or a twin, so it is hashed but not parsed. */
  knownShas: readonly string[];
  /** Whether a known hash (and one seen earlier in the run) spares the parse (not under --replace). */
  skipKnown: boolean;
  budget: number;
  /** Int32 [0]: the next file index to parse, taken by either thread with Atomics.add. */
  claims: SharedArrayBuffer;
}

/** A ParseJob as posted to the worker: its files as FileListData. */
export type PostedJob = Omit<ParseJob, 'files'> & { files: FileListData };

/**
 * The run's files as they cross to the worker: joined strings (no path holds a NUL) clone in a few
 * milliseconds, where 30 k objects took ~40 ms to send and as long to receive, at the start of the run.
 */
export interface FileListData {
  paths: string;
  displays: string;
  /** 1 where the file was named by the user. */
  explicit: Uint8Array;
}

/** The files as FileListData. */
export function fileListData(files: readonly InputFile[]): FileListData {
  return { paths: files.map((f) => f.path).join('\0'), displays: files.map((f) => f.display).join('\0'), explicit: Uint8Array.from(files, (f) => (f.explicit ? 1 : 0)) };
}

/** The files again from FileListData. */
export function filesFrom(data: FileListData): InputFile[] {
  if (data.explicit.length === 0) return [];
  const displays = data.displays.split('\0');
  return data.paths.split('\0').map((path, i) => ({ path, display: displays[i]!, explicit: data.explicit[i] === 1 }));
}

/** What the worker sends for each file, in file order (a few files' in one message). */
export interface ParseMessage {
  index: number;
  /** Bytes this message holds against the budget; given back when the main thread takes it. */
  cost: number;
  error?: InputErrorData;
  size?: number;
  /** The file's hash; absent when the worker left hashing to the main thread (see hashesHere), which hashes `unhashed`. */
  sha256?: string;
  unhashed?: Uint8Array;
  bytes?: Uint8Array;
  utf8Text?: Uint8Array;
  parsed?: Exclude<ParseOutcome, { kind: 'failed' }> | { kind: 'failed'; error: InputErrorData };
}

/**
 * A reader for the run: a worker when `thread` says so, or (undefined) when the files add up to
 * WORKER_THRESHOLD_BYTES (the early one, or one started now for a run the command did not guess large, such
 * as a few big files); else this thread reads each file when it is taken (and the early worker is stopped).
 */
export async function startReader(files: readonly InputFile[], job: () => Omit<ParseJob, 'files' | 'budget' | 'claims'>, thread: boolean | undefined, rules: ParseRules, early: EarlyWorker | undefined): Promise<FileReader> {
  const wanted = thread ?? atLeastBytes(files, WORKER_THRESHOLD_BYTES);
  const worker = wanted ? (early ?? EarlyWorker.start(PARSE_WORKER, PARSE_WORKER_YOUNG_GENERATION_MB)) : undefined;
  if (!worker) {
    await early?.stop();
    return inlineReader(files);
  }
  return new WorkerReader({ files, budget: READ_AHEAD_BYTES, claims: new SharedArrayBuffer(4), ...job() }, rules, worker);
}

/**
 * A file's bytes hashed and, unless `known` holds the hash (an unchanged file or a twin: not parsed),
 * parsed; either thread reads a file it claimed with this. With `hash` false (the worker, see
 * hashesHere) nothing is skipped and the hash is left empty for the main thread to fill in.
 */
export async function readingOf(file: InputFile, bytes: Buffer, rules: ParseRules, known: Set<string> | undefined, hash = true): Promise<FileReading> {
  const reading = { size: bytes.length, sha256: hash ? hashBytes(bytes) : '' };
  if (known && hash) {
    if (known.has(reading.sha256)) return reading;
    known.add(reading.sha256);
  }
  const parsed = await parseFile(file, bytes, rules);
  // A stored source's type may still apply (replace): the main thread reads these bytes again with it.
  return parsed.kind === 'untyped' ? { ...reading, parsed, bytes } : { ...reading, parsed };
}

/**
 * Whether the worker hashes the files it reads: only when the project holds sources whose files may come
 * again unchanged (then a known hash spares the parse). Otherwise the main thread hashes them, from the
 * bytes the worker hands over: on a new project's 200 MB bench run that moved 0.45 s of CPU from the
 * worker, the slower side, to the storing thread. A twin within such a run is parsed, and found a twin when stored.
 */
export function hashesHere(job: Pick<ParseJob, 'knownShas' | 'skipKnown'>): boolean {
  return job.skipKnown && job.knownShas.length > 0;
}

/** What a reading holds against the budget while it waits to be taken (with the bytes left to hash, `unhashed`). */
export function readingCost(reading: FileReading, unhashed = 0): number {
  if (reading.parsed?.kind === 'parsed') return MESSAGE_BYTES + packedBytes(reading.parsed.source) + unhashed;
  return MESSAGE_BYTES + (reading.bytes?.byteLength ?? unhashed);
}

function inlineReader(files: readonly InputFile[]): FileReader {
  return {
    take: (index) => {
      const bytes = readFileBytes(files[index]!);
      return Promise.resolve({ size: bytes.length, sha256: hashBytes(bytes), bytes });
    },
    close: () => Promise.resolve(),
    threaded: false,
  };
}

/** Whether the files add up to `limit` bytes (stats no more files than it takes to tell). */
function atLeastBytes(files: readonly InputFile[], limit: number): boolean {
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file.path).size;
    } catch {
      // An unreadable file fails when it is read, with its own message.
    }
    if (total >= limit) return true;
  }
  return false;
}

interface Waiter {
  index: number;
  resolve: (message: ParseMessage) => void;
  reject: (error: Error) => void;
}

/** A file this thread claimed and parsed: its reading, or the bad input reading it found. */
interface OwnReading {
  cost: number;
  reading?: FileReading;
  error?: InputError;
}

class WorkerReader implements FileReader {
  readonly threaded = true;
  private readonly worker: Worker;
  private readonly arrived = new Map<number, ParseMessage>();
  private readonly claims: Int32Array;
  private readonly own = new Map<number, OwnReading>();
  private ownBytes = 0;
  /** How long this thread has waited for the worker, and since when it runs (see WAIT_SHARE_TO_PARSE). */
  private waitedMs = 0;
  private readonly startedAt = performance.now();
  /** Hashes this thread has seen (the project's, and the files it parsed): see readingOf. */
  private readonly known: Set<string> | undefined;
  private waiter: Waiter | undefined;
  private failure: Error | undefined;
  /** Bytes taken but not yet given back: a message per file would cost this thread more than the files' parse. */
  private owed = 0;

  constructor(
    private readonly job: ParseJob,
    private readonly rules: ParseRules,
    early: EarlyWorker,
  ) {
    this.claims = new Int32Array(job.claims);
    this.known = job.skipKnown ? new Set(job.knownShas) : undefined;
    if (early.failure) this.fail(early.failure);
    this.worker = early.adopt({ ...job, files: fileListData(job.files) } satisfies PostedJob);
    this.worker.on('message', (messages: ParseMessage[]) => {
      for (const message of messages) {
        const waiter = this.waiter;
        if (waiter?.index === message.index) {
          this.waiter = undefined;
          waiter.resolve(message);
        } else this.arrived.set(message.index, message);
      }
    });
    this.worker.on('error', (error) => this.fail(error));
    // The worker waits for more credit until it is closed: an exit before then is a failure.
    this.worker.on('exit', (code) => this.fail(new Error(`the parsing worker stopped (exit code ${code})`)));
  }

  async take(index: number): Promise<FileReading> {
    const mine = this.own.get(index);
    if (mine) return this.takeOwn(index, mine);
    // While the worker has the file, parse the next unclaimed ones here when the worker is the slower
    // side; wait only when there is none (or this thread is far enough ahead).
    while (!this.arrived.has(index) && !this.own.has(index) && this.workerBehind() && (await this.parseAhead()));
    const parsedHere = this.own.get(index);
    if (parsedHere) return this.takeOwn(index, parsedHere);
    const message = this.arrived.get(index) ?? (await this.timedWait(index));
    this.arrived.delete(index);
    // Given back in lumps well under the budget, so the worker never waits on bytes already taken.
    this.owed += message.cost;
    if (this.owed >= READ_AHEAD_BYTES / 8) {
      this.worker.postMessage(this.owed);
      this.owed = 0;
    }
    if (message.error) throw inputErrorFrom(message.error);
    const bytes = message.bytes ? Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength) : undefined;
    const parsed = message.parsed?.kind === 'failed' ? { kind: 'failed' as const, error: inputErrorFrom(message.parsed.error) } : message.parsed;
    const utf8 = message.utf8Text;
    if (utf8 && parsed?.kind === 'parsed') parsed.source.words = sourceWords(parsed.source, utf8);
    const utf8Text = utf8 ? { utf8Text: Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength) } : {};
    const sha256 = message.sha256 ?? hashBytes(message.unhashed ?? message.bytes!);
    return { size: message.size!, sha256, ...(bytes ? { bytes } : {}), ...(parsed ? { parsed } : {}), ...utf8Text };
  }

  /**
   * Claims the next unclaimed file and parses it here; false when none is left or this thread is
   * OWN_AHEAD_BYTES ahead. Then it yields, so the worker's results that came meanwhile are seen.
   */
  private async parseAhead(): Promise<boolean> {
    if (this.failure || this.ownBytes >= OWN_AHEAD_BYTES) return false;
    const index = Atomics.add(this.claims, 0, 1);
    const file = this.job.files[index];
    if (file === undefined) return false;
    let own: OwnReading;
    try {
      const reading = await readingOf(file, readFileBytes(file), this.rules, this.known);
      own = { cost: readingCost(reading), reading };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      own = { cost: MESSAGE_BYTES, error };
    }
    this.own.set(index, own);
    this.ownBytes += own.cost;
    await new Promise((resolve) => setImmediate(resolve));
    return true;
  }

  private takeOwn(index: number, own: OwnReading): FileReading {
    this.own.delete(index);
    this.ownBytes -= own.cost;
    if (own.error) throw own.error;
    return own.reading!;
  }

  async close(): Promise<void> {
    this.failure ??= new Error('the parsing worker was closed');
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  /** Has waiting for the worker taken more than WAIT_SHARE_TO_PARSE of the run so far? */
  private workerBehind(): boolean {
    return this.waitedMs > WAIT_SHARE_TO_PARSE * (performance.now() - this.startedAt);
  }

  private async timedWait(index: number): Promise<ParseMessage> {
    const from = performance.now();
    try {
      return await this.wait(index);
    } finally {
      this.waitedMs += performance.now() - from;
    }
  }

  private wait(index: number): Promise<ParseMessage> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { index, resolve, reject }));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiter?.reject(error);
    this.waiter = undefined;
  }
}
