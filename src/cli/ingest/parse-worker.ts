/**
 * The parse worker of `telaah ingest` (see read-ahead.ts): reads and parses the files it claims, in order
 * (hashing them only when the project holds sources, see hashesHere), and posts them as packed sources, a
 * few files a message, their arrays transferred, staying at most `budget` bytes ahead of the main thread,
 * which gives the bytes back as it takes them.
 */
import { parentPort } from 'node:worker_threads';
import { packedBuffers } from '../../core/transcript/packed-source.js';
import { InputError } from '../../errors.js';
import type { InputFile } from '../../io/collect-files.js';
import { readFileBytes } from '../../io/read-source-file.js';
import { compileRules, inputErrorData } from './parse-file.js';
import { filesFrom, hashesHere, MESSAGE_BYTES, readingCost, readingOf, type ParseJob, type ParseMessage, type PostedJob } from './read-ahead.js';

const port = parentPort!;
/** Files' results per message, at most, and bytes (a larger result goes alone). */
const BATCH_FILES = 16;
const BATCH_BYTES = 256 * 1024;
// Started early (early-worker.ts), the worker is given its job as its first message.
const posted = await new Promise<PostedJob>((resolve) => port.once('message', resolve));
const job: ParseJob = { ...posted, files: filesFrom(posted.files) };
// Words are counted by the main thread, from the UTF-8 text it is sent: it has time to spare, this thread has none.
const rules = { ...compileRules(job.setup), countingWords: false };
const known = job.skipKnown ? new Set(job.knownShas) : undefined;
const hash = hashesHere(job);
const claims = new Int32Array(job.claims);
const encoder = new TextEncoder();
let inFlight = 0;
let wake: (() => void) | undefined;
port.on('message', (cost: number) => {
  inFlight -= cost;
  wake?.();
  wake = undefined;
});

// Results go in batches (BATCH_FILES / BATCH_BYTES): a message per file cost this thread ~15 us of
// posting and transferring each (0.45 s of the 200 MB bench corpus's 30 k files), and the main thread a wake-up.
let batch: ParseMessage[] = [];
let batchTransfer: ArrayBuffer[] = [];
let batchBytes = 0;
const post = (): void => {
  if (batch.length === 0) return;
  port.postMessage(batch, batchTransfer);
  batch = [];
  batchTransfer = [];
  batchBytes = 0;
};
for (;;) {
  // One result is always let through, however large: a single huge file still goes. What is batched goes
  // before waiting, or the main thread, waiting for it, would never give credit back.
  if (inFlight > 0 && inFlight >= job.budget) post();
  while (inFlight > 0 && inFlight >= job.budget) await new Promise<void>((resolve) => (wake = resolve));
  // The next file neither thread has taken (see read-ahead.ts); past the last, this thread waits to be closed.
  const index = Atomics.add(claims, 0, 1);
  const file = job.files[index];
  if (file === undefined) break;
  const { message, transfer } = await readOne(index, file);
  inFlight += message.cost;
  batch.push(message);
  batchTransfer.push(...transfer);
  batchBytes += message.cost;
  if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) post();
}
post();

async function readOne(index: number, file: InputFile): Promise<{ message: ParseMessage; transfer: ArrayBuffer[] }> {
  let bytes: Buffer;
  try {
    // A plain blocking read: this thread has nothing else to do meanwhile, and it costs a third of the CPU
    // of libuv's callback reads (open, fstat, read, close each a round trip through the thread pool).
    bytes = readFileBytes(file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { message: { index, cost: MESSAGE_BYTES, error: inputErrorData(error) }, transfer: [] };
  }
  const reading = await readingOf(file, bytes, rules, known, hash);
  const { parsed } = reading;
  // Unhashed bytes go along for the main thread to hash (see hashesHere); an untyped file's go anyway.
  const unhashed = hash || parsed?.kind === 'untyped' ? undefined : transferable(bytes);
  const read = { index, size: reading.size, cost: readingCost(reading, unhashed?.byteLength), ...(hash ? { sha256: reading.sha256 } : {}), ...(unhashed ? { unhashed } : {}) };
  const sent = unhashed ? [unhashed.buffer as ArrayBuffer] : [];
  if (parsed === undefined) return { message: read, transfer: sent };
  if (parsed.kind === 'failed') return { message: { ...read, parsed: { kind: 'failed', error: inputErrorData(parsed.error) } }, transfer: sent };
  if (parsed.kind === 'untyped') {
    const copy = transferable(reading.bytes!);
    return { message: { ...read, parsed, bytes: copy }, transfer: [copy.buffer as ArrayBuffer] };
  }
  // The text goes as UTF-8 bytes, transferred (see FileReading.utf8Text).
  const utf8Text = encoder.encode(parsed.source.text);
  const source = { ...parsed.source, text: '' };
  return { message: { ...read, parsed: { ...parsed, source }, utf8Text }, transfer: [...packedBuffers(source), utf8Text.buffer, ...sent] };
}

/** The bytes in an ArrayBuffer of their own, which can be transferred (a small file's Buffer may share Node's pool). */
function transferable(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}
