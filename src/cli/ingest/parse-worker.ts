/**
 * The parse worker of `telaah ingest` (see read-ahead.ts): reads (a few files ahead, without blocking),
 * hashes and parses the run's files in order and posts each as a packed source, its arrays transferred,
 * staying at most `budget` bytes ahead of the main thread, which gives the bytes back as it takes them.
 */
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { packedBuffers } from '../../core/transcript/packed-source.js';
import { InputError } from '../../errors.js';
import type { InputFile } from '../../io/collect-files.js';
import { readFileBytesAsync } from '../../io/read-source-file.js';
import { compileRules, inputErrorData } from './parse-file.js';
import { MESSAGE_BYTES, readingCost, readingOf, type ParseJob, type ParseMessage } from './read-ahead.js';
/** Files being read ahead of the parse, at most: the disk works while this thread parses. */
const READS_AHEAD = 8;
/** …and at most this many bytes of them (one file is always read, however large). */
const READ_BYTES_AHEAD = 4 * 1024 * 1024;

const job = workerData as ParseJob;
const port = parentPort!;
const rules = compileRules(job.setup);
const known = job.skipKnown ? new Set(job.knownShas) : undefined;
const claims = new Int32Array(job.claims);
const encoder = new TextEncoder();
let inFlight = 0;
let wake: (() => void) | undefined;
port.on('message', (cost: number) => {
  inFlight -= cost;
  wake?.();
  wake = undefined;
});

/** The files' reads, started a few ahead of the one being parsed. */
const reads = new Map<number, { size: number; bytes: Promise<Buffer> }>();
let nextRead = 0;
let bytesAhead = 0;

/** File `index`'s bytes; starts the reads of the files after it. */
function takeRead(index: number): Promise<Buffer> {
  // Files skipped since the last take were claimed by the main thread: their reads are dropped.
  for (const [skipped, read] of reads) {
    if (skipped >= index) break;
    reads.delete(skipped);
    bytesAhead -= read.size;
  }
  nextRead = Math.max(nextRead, index);
  while (nextRead < job.files.length && nextRead - index < READS_AHEAD && (nextRead === index || bytesAhead < READ_BYTES_AHEAD)) {
    const file = job.files[nextRead]!;
    const size = fileSize(file);
    const bytes = readFileBytesAsync(file);
    // Awaited in turn; a failure before then must not go unhandled.
    bytes.catch(() => undefined);
    reads.set(nextRead++, { size, bytes });
    bytesAhead += size;
  }
  const read = reads.get(index)!;
  reads.delete(index);
  bytesAhead -= read.size;
  return read.bytes;
}

function fileSize(file: InputFile): number {
  try {
    return statSync(file.path).size;
  } catch {
    return 0; // the read fails with its own message
  }
}

for (;;) {
  // One result is always let through, however large: a single huge file still goes.
  while (inFlight > 0 && inFlight >= job.budget) await new Promise<void>((resolve) => (wake = resolve));
  // The next file neither thread has taken (see read-ahead.ts); past the last, this thread waits to be closed.
  const index = Atomics.add(claims, 0, 1);
  const file = job.files[index];
  if (file === undefined) break;
  const { message, transfer } = await readOne(index, file);
  inFlight += message.cost;
  port.postMessage(message, transfer);
}

async function readOne(index: number, file: InputFile): Promise<{ message: ParseMessage; transfer: ArrayBuffer[] }> {
  let bytes: Buffer;
  try {
    bytes = await takeRead(index);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { message: { index, cost: MESSAGE_BYTES, error: inputErrorData(error) }, transfer: [] };
  }
  const reading = await readingOf(file, bytes, rules, known);
  const { parsed } = reading;
  const read = { index, size: reading.size, sha256: reading.sha256, cost: readingCost(reading) };
  if (parsed === undefined) return { message: read, transfer: [] };
  if (parsed.kind === 'failed') return { message: { ...read, parsed: { kind: 'failed', error: inputErrorData(parsed.error) } }, transfer: [] };
  if (parsed.kind === 'untyped') {
    const copy = new Uint8Array(reading.bytes!);
    return { message: { ...read, parsed, bytes: copy }, transfer: [copy.buffer] };
  }
  // The text goes as UTF-8 bytes, transferred (see FileReading.utf8Text).
  const utf8Text = encoder.encode(parsed.source.text);
  const source = { ...parsed.source, text: '' };
  return { message: { ...read, parsed: { ...parsed, source }, utf8Text }, transfer: [...packedBuffers(source), utf8Text.buffer] };
}
