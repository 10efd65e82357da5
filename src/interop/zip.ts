/**
 * ZIP for .qdpx files, through fflate (pure JS, no native code). Writing is deterministic: entries in the
 * order given, one fixed time stamp, one compression level, so the same project gives the same bytes.
 * Reading is capped: a .qdpx from elsewhere may be a zip bomb, so the number of entries and the bytes
 * actually inflated (not the sizes the archive claims) are counted as they come, and reading stops at a cap.
 */
import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import { InputError } from '../errors.js';

/** Limits on what reading an archive may cost. */
export interface ZipLimits {
  /** Entries in the archive (every entry counts, read or not). */
  maxEntries: number;
  /** Bytes inflated, summed over the entries read. */
  maxTotalBytes: number;
}

/**
 * 10,000 entries and 256 MB inflated: a real project's .qde and source texts come to tens of MB, and what is
 * read is held in memory and parsed (300 MB of .qde took 1 GB; 1.9 GB took 5 GB and failed).
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxTotalBytes: 256 * 1024 ** 2 };

// Deflate inflates at most ~1,000:1, so no piece of output is larger than ~16 MB.
const SLICE = 16 * 1024;

// 1980-01-01 00:00 in local time: DOS time stamps are local, so the bytes are the same in every time zone.
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** A ZIP archive of `entries` (path → bytes), deflated, with a fixed time stamp on every entry. */
export function writeZip(entries: readonly [string, Uint8Array][]): Uint8Array {
  const files: Zippable = {};
  for (const [path, bytes] of entries) files[path] = [bytes, { level: 6, mtime: FIXED_TIME }];
  return zipSync(files);
}

/**
 * The entries of an archive that `wanted` picks (by path), inflated, within `limits`. `file` names the
 * archive in messages. Every entry's name is seen by `wanted`, so it may also note what else is there.
 */
export function readZip(bytes: Uint8Array, file: string, wanted: (path: string) => boolean, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new InputError('not a ZIP archive (a .qdpx file is a ZIP holding project.qde)', { file, hint: 'Export the project again as REFI-QDA (.qdpx) from its program' });
  }
  const out = new Map<string, Uint8Array>();
  let entries = 0;
  let total = 0;
  let failure: Error | undefined;
  const unzip = new Unzip((entry) => {
    if (failure) return;
    entries += 1;
    if (entries > limits.maxEntries) {
      failure = new InputError(`the archive has more than ${limits.maxEntries.toLocaleString('en')} entries`, { file, hint: 'A REFI-QDA project has one per source; check that this is the right file' });
      return;
    }
    if (!wanted(entry.name)) return;
    if (entry.originalSize !== undefined && total + entry.originalSize > limits.maxTotalBytes) {
      failure = tooBig(file, entry.name, limits);
      return;
    }
    const chunks: Uint8Array[] = [];
    entry.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new InputError(`cannot inflate ${entry.name}: ${error.message}`, { file, hint: 'The archive is damaged; export it again' });
        return;
      }
      total += chunk.length;
      if (total > limits.maxTotalBytes) {
        failure = tooBig(file, entry.name, limits);
        entry.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) out.set(entry.name, concat(chunks));
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    // In slices, so an entry is inflated a bounded piece at a time and the count can stop it early: pushed
    // whole, a bomb would inflate completely before the first count.
    for (let at = 0; at < bytes.length && !failure; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch (error) {
    if (!failure) failure = new InputError(`not a readable ZIP archive: ${(error as Error).message}`, { file, hint: 'The file is damaged or not a .qdpx; export it again' });
  }
  if (failure) throw failure;
  return out;
}

function tooBig(file: string, entry: string, limits: ZipLimits): InputError {
  const mb = (limits.maxTotalBytes / 1024 ** 2).toLocaleString('en', { maximumFractionDigits: 3 });
  return new InputError(`the archive inflates to more than ${mb} MB (at ${entry})`, { file, hint: 'A file this large is refused as a possible zip bomb; check where it comes from' });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
