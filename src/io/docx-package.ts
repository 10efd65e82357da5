/**
 * The parts of a .docx that mammoth may read, checked before it reads them. A .docx from elsewhere may be a
 * zip bomb (300 KB that inflate to gigabytes of XML, which mammoth's DOM then multiplies by ~40) or carry a
 * DOCTYPE (external entities, billion laughs). So the archive's central directory — the same entries mammoth's
 * JSZip reads — is walked here: the entry count is capped, each XML part is inflated as a stream with the
 * bytes counted as they come (not the sizes the archive claims) and reading stops at the cap, and a part with
 * a DOCTYPE is refused. Mammoth then gets a new archive holding only what passed: XML parts as inflated,
 * every other entry (images, embedded objects) empty, since telaah reads no images.
 */
import { Inflate, zipSync, type Zippable } from 'fflate';
import { InputError } from '../errors.js';
import { concatBytes } from '../core/concat-bytes.js';

/** What reading a .docx may cost before mammoth sees it. */
export interface DocxLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Bytes of XML inflated, summed over the archive's parts. */
  maxXmlBytes: number;
}

/**
 * 10,000 entries and 16 MB of XML: a two-hour interview's document.xml is well under 2 MB and a whole thesis
 * under 8 MB, while mammoth needs about 90 MB of memory per MB of XML (30 MB took 2.8 GB and 54 s).
 */
export const DOCX_LIMITS: DocxLimits = { maxEntries: 10_000, maxXmlBytes: 16 * 1024 ** 2 };

const HINT = 'open it in Word or LibreOffice and save it again as .docx';
const BOMB_HINT = 'A file like this is refused as a possible zip bomb; check where it comes from, or split the document';
// Input is fed to the inflater in slices so no single output chunk exceeds ~1,000 × this (deflate's maximum ratio).
const SLICE = 16 * 1024;

interface CentralEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The archive mammoth should read instead of `bytes`, or an InputError (no file name: the caller adds it). */
export function checkedDocxPackage(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Uint8Array {
  const entries = centralDirectory(bytes, limits);
  const files: Zippable = {};
  let xmlBytes = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (!/\.(xml|rels)$/i.test(entry.name)) {
      files[entry.name] = new Uint8Array(0);
      continue;
    }
    const data = inflateEntry(bytes, entry, limits.maxXmlBytes - xmlBytes, () => tooMuchXml(entry.name, limits));
    xmlBytes += data.length;
    if (Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf('<!DOCTYPE') !== -1) {
      throw new InputError(`${entry.name} has a DOCTYPE declaration, which Word never writes`, {
        hint: 'It may define entities that expand without end or read other files; this file was altered or is not from Word',
      });
    }
    files[entry.name] = data;
  }
  return zipSync(files, { level: 0 });
}

function tooMuchXml(name: string, limits: DocxLimits): InputError {
  const mb = limits.maxXmlBytes / 1024 ** 2;
  return new InputError(`the .docx inflates to more than ${mb.toLocaleString('en')} MB of XML (at ${name}); a transcript needs a few MB`, { hint: BOMB_HINT });
}

/** The central directory's entries (what JSZip, and so mammoth, reads), within the entry cap. */
function centralDirectory(bytes: Uint8Array, limits: DocxLimits): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) throw new InputError('not a readable Word .docx file: it is not a ZIP archive', { hint: HINT });
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new InputError('not a readable Word .docx file: it is a ZIP64 archive, which Word does not write for documents', { hint: HINT });
  if (count > limits.maxEntries) {
    throw new InputError(`the .docx has ${count.toLocaleString('en')} entries, more than the ${limits.maxEntries.toLocaleString('en')} a document may have`, { hint: BOMB_HINT });
  }
  const entries: CentralEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw damaged('its list of entries is cut short');
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > bytes.length) throw damaged('its list of entries is cut short');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** Offset of the end-of-central-directory record: the last one, within the 64 KB a comment may take. */
function findEndOfDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= 0 && at >= view.byteLength - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  return -1;
}

/** One entry's bytes, inflated as a stream and stopped as soon as they pass `budget`. */
function inflateEntry(bytes: Uint8Array, entry: CentralEntry, budget: number, overBudget: () => InputError): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged(`${entry.name} is not where its directory says`);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged(`${entry.name} is cut short`);
  const compressed = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (compressed.length > budget) throw overBudget();
    return compressed;
  }
  if (entry.method !== 8) throw damaged(`${entry.name} uses compression method ${entry.method}, which Word does not use`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget) throw overBudget();
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < compressed.length; at += SLICE) inflater.push(compressed.subarray(at, at + SLICE), at + SLICE >= compressed.length);
    if (compressed.length === 0) inflater.push(compressed, true);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw damaged(`${entry.name} cannot be inflated (${(error as Error).message})`);
  }
  return concatBytes(chunks, total);
}

function damaged(what: string): InputError {
  return new InputError(`not a readable Word .docx file: ${what}`, { hint: HINT });
}
