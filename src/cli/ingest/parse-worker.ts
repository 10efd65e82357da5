/**
 * The parse worker of `telaah ingest` (see read-ahead.ts): reads, hashes and parses the run's files in
 * order and posts each as a packed source, its arrays transferred, staying at most `budget` bytes ahead
 * of the main thread, which gives the bytes back as it takes them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packedBuffers, packedBytes } from '../../core/transcript/packed-source.js';
import { InputError } from '../../errors.js';
import type { InputFile } from '../../io/collect-files.js';
import { hashBytes, readFileBytes } from '../../io/read-source-file.js';
import { compileRules, inputErrorData, parseFile } from './parse-file.js';
import type { ParseJob, ParseMessage } from './read-ahead.js';

/** What a message costs beyond its text and arrays (names, warnings, the meta). */
const MESSAGE_BYTES = 1024;

const job = workerData as ParseJob;
const port = parentPort!;
const rules = compileRules(job.setup);
const known = new Set(job.knownShas);
let inFlight = 0;
let wake: (() => void) | undefined;
port.on('message', (cost: number) => {
  inFlight -= cost;
  wake?.();
  wake = undefined;
});

for (const [index, file] of job.files.entries()) {
  // One result is always let through, however large: a single huge file still goes.
  while (inFlight > 0 && inFlight >= job.budget) await new Promise<void>((resolve) => (wake = resolve));
  const { message, transfer } = await readOne(index, file);
  inFlight += message.cost;
  port.postMessage(message, transfer);
}

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
  const read = { index, size: bytes.length, sha256: hashBytes(bytes) };
  if (job.skipKnown) {
    if (known.has(read.sha256)) return { message: { ...read, cost: MESSAGE_BYTES }, transfer: [] };
    known.add(read.sha256);
  }
  const parsed = await parseFile(file, bytes, rules);
  if (parsed.kind === 'failed') return { message: { ...read, cost: MESSAGE_BYTES, parsed: { kind: 'failed', error: inputErrorData(parsed.error) } }, transfer: [] };
  if (parsed.kind === 'untyped') {
    // A stored source's type may still apply (replace): the main thread reads these bytes again with it.
    const copy = new Uint8Array(bytes);
    return { message: { ...read, cost: MESSAGE_BYTES + copy.byteLength, parsed, bytes: copy }, transfer: [copy.buffer] };
  }
  return { message: { ...read, cost: MESSAGE_BYTES + packedBytes(parsed.source), parsed }, transfer: packedBuffers(parsed.source) };
}
