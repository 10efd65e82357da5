/**
 * A ZIP archive written entry by entry into an output, for a .qdpx too large to hold: bytes as writeZip
 * (fflate's zipSync) lays them out, header for header, so a project that fits gives the same archive. An
 * entry written in pieces is held until it passes a limit; past it, it is deflated as it comes and its
 * header, written first with zeros, is patched with its CRC and sizes at the end. From then on the archive
 * cannot be writeZip's anyway, so it is deflated by node:zlib (native, about three times fflate's speed):
 * the large entry in pieces, each primed with the 32 KB before it so the stream is as one deflate.
 */
import * as zlib from 'node:zlib';
import { deflateSync } from 'fflate';
import { InputError } from '../errors.js';
import { concatBytes } from '../core/concat-bytes.js';

/** Where an archive goes: bytes appended, and a few rewritten in place (an entry's header, once it is known). */
export interface ZipOutput {
  write(bytes: Uint8Array): void;
  writeAt(bytes: Uint8Array, position: number): void;
}

/** An entry being written in pieces. */
export interface ZipEntryWriter {
  write(bytes: Uint8Array): void;
  close(): void;
}

// An entry up to this size is deflated whole, as writeZip deflates it: the same project gives the same bytes.
const DEFAULT_HOLD = 32 * 1024 ** 2;
// Plain ZIP (no ZIP64) counts sizes and offsets in 32 bits and entries in 16.
const MAX_SIZE = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;
const LEVEL = 6;
// A streamed entry is deflated a piece of this size at a time.
const PIECE = 1 << 20;
const WINDOW = 32 * 1024;
const EMPTY = new Uint8Array(0);
// 1980-01-01 00:00, as zip.ts stamps every entry (DOS date 0x0021, time 0).
const DOS_TIME = 0x0021_0000;

/** Writes a deflated ZIP archive into `out`, one entry after another, then the central directory. */
export class ZipWriter {
  private offset = 0;
  private readonly central: Uint8Array[] = [];
  private centralSize = 0;
  private open = false;
  /** An entry has passed the hold: the archive is deflated by node:zlib from then on. */
  private native = false;

  /** `hold`: how much of an entry written in pieces is held to deflate whole; `piece`: how much is deflated at a time past it. */
  constructor(
    private readonly out: ZipOutput,
    private readonly hold = DEFAULT_HOLD,
    private readonly piece = PIECE,
  ) {}

  /** An entry whose bytes are all at hand. */
  add(path: string, bytes: Uint8Array): void {
    this.checkNotOpen();
    const name = new TextEncoder().encode(path);
    const compressed = this.native ? zlib.deflateRawSync(bytes, { level: LEVEL }) : deflateSync(bytes, { level: LEVEL });
    const entry: EntryHeader = { name, unicode: name.length !== path.length, crc: crc32(bytes), compressedSize: compressed.length, size: bytes.length, offset: this.offset };
    this.checkSizes(path, entry);
    this.emit(localHeader(entry));
    this.emit(compressed);
    this.addCentral(entry);
  }

  /** An entry to write in pieces; it must be closed before the next one. */
  entry(path: string): ZipEntryWriter {
    this.checkNotOpen();
    this.open = true;
    let held: Uint8Array[] = [];
    let heldSize = 0;
    let streamed: EntryHeader | undefined;
    let window: Uint8Array | undefined;
    const deflatePiece = (pieces: Uint8Array[], size: number, last: boolean): void => {
      const piece = concatBytes(pieces, size);
      streamed!.crc = crc32(piece, streamed!.crc);
      streamed!.size += piece.length;
      const options = { level: LEVEL, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH };
      const compressed = zlib.deflateRawSync(piece, window ? { ...options, dictionary: window } : options);
      streamed!.compressedSize += compressed.length;
      this.emit(compressed);
      window = piece.length >= WINDOW ? piece.slice(piece.length - WINDOW) : concatBytes([window ?? new Uint8Array(0), piece], (window?.length ?? 0) + piece.length).slice(-WINDOW);
    };
    // Deflates what is held a piece at a time, keeping back less than a piece (all of it when `last`).
    const deflateHeld = (last: boolean): void => {
      const pieces = held;
      held = [];
      heldSize = 0;
      for (let i = 0; i < pieces.length; i++) {
        held.push(pieces[i]!);
        heldSize += pieces[i]!.length;
        // Let go of each held part as it is deflated: the hold is tens of MB.
        pieces[i] = EMPTY;
        if (heldSize >= this.piece || (last && i === pieces.length - 1)) {
          deflatePiece(held, heldSize, last && i === pieces.length - 1);
          held = [];
          heldSize = 0;
        }
      }
      if (last && pieces.length === 0) deflatePiece([], 0, true);
    };
    return {
      write: (bytes) => {
        held.push(bytes);
        heldSize += bytes.length;
        if (streamed ? heldSize >= this.piece : heldSize > this.hold) {
          if (!streamed) {
            const name = new TextEncoder().encode(path);
            streamed = { name, unicode: name.length !== path.length, crc: 0, compressedSize: 0, size: 0, offset: this.offset };
            this.native = true;
            this.emit(localHeader(streamed));
          }
          deflateHeld(false);
        }
      },
      close: () => {
        this.open = false;
        if (!streamed) return this.add(path, concatBytes(held, heldSize));
        deflateHeld(true);
        this.checkSizes(path, streamed);
        // The CRC and both sizes, at their place in the local header.
        this.out.writeAt(localHeader(streamed).subarray(14, 26), streamed.offset + 14);
        this.addCentral(streamed);
      },
    };
  }

  /** Writes the central directory: the archive is complete. */
  finish(): void {
    this.checkNotOpen();
    const count = this.central.length;
    if (count > MAX_ENTRIES) throw tooLarge(`${count.toLocaleString('en')} entries`);
    const start = this.offset;
    for (const record of this.central) this.emit(record);
    const end = new Uint8Array(22);
    put32(end, 0, 0x0605_4b50);
    put16(end, 8, count);
    put16(end, 10, count);
    put32(end, 12, this.centralSize);
    put32(end, 16, start);
    this.emit(end);
  }

  private emit(bytes: Uint8Array): void {
    this.out.write(bytes);
    this.offset += bytes.length;
  }

  private addCentral(entry: EntryHeader): void {
    const record = centralHeader(entry);
    this.central.push(record);
    this.centralSize += record.length;
    if (this.offset + this.centralSize > MAX_SIZE) throw tooLarge('more than 4 GB');
  }

  private checkSizes(path: string, entry: EntryHeader): void {
    if (entry.size > MAX_SIZE || entry.compressedSize > MAX_SIZE || entry.offset > MAX_SIZE) throw tooLarge(`${path} of more than 4 GB`);
  }

  private checkNotOpen(): void {
    if (this.open) throw new Error('ZipWriter: an entry is still open');
  }
}

interface EntryHeader {
  name: Uint8Array;
  /** The name is not ASCII (general purpose flag bit 11, UTF-8). */
  unicode: boolean;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function localHeader(entry: EntryHeader): Uint8Array {
  const header = new Uint8Array(30 + entry.name.length);
  put32(header, 0, 0x0403_4b50);
  putEntryFields(header, 4, entry);
  header.set(entry.name, 30);
  return header;
}

function centralHeader(entry: EntryHeader): Uint8Array {
  const header = new Uint8Array(46 + entry.name.length);
  put32(header, 0, 0x0201_4b50);
  header[4] = 20; // version made by
  putEntryFields(header, 6, entry);
  put32(header, 42, entry.offset);
  header.set(entry.name, 46);
  return header;
}

/**
 * The fields both headers share, in the same order from `at` (the central header has "version made by"
 * before them): version needed, flags (bit 11: UTF-8 name), method (deflate), time, CRC, sizes, name length.
 */
function putEntryFields(header: Uint8Array, at: number, entry: EntryHeader): void {
  put16(header, at, 20);
  header[at + 3] = entry.unicode ? 8 : 0;
  put16(header, at + 4, 8);
  put32(header, at + 6, DOS_TIME);
  put32(header, at + 10, entry.crc);
  put32(header, at + 14, entry.compressedSize);
  put32(header, at + 18, entry.size);
  put16(header, at + 22, entry.name.length);
}

function tooLarge(what: string): InputError {
  return new InputError(`the archive would hold ${what}, past what a plain ZIP can (a .qdpx is one)`, {
    hint: 'Export part of the project (--coder, --origin) or move it in parts',
  });
}

function put16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
}

function put32(bytes: Uint8Array, at: number, value: number): void {
  put16(bytes, at, value & 0xffff);
  put16(bytes, at + 2, value >>> 16);
}

/** CRC-32 of `bytes` continuing from `crc`: node:zlib's where Node has it (20.15), a table otherwise. */
export const crc32: (bytes: Uint8Array, crc?: number) => number = (zlib as { crc32?: (bytes: Uint8Array, crc?: number) => number }).crc32 ?? tableCrc32;

let table: Int32Array | undefined;

/** CRC-32 by table, for a Node without zlib.crc32. */
export function tableCrc32(bytes: Uint8Array, crc = 0): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb8_8320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
