import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/spawn-cli.js';
import { readZip, writeZip } from './zip.js';
import { crc32, tableCrc32, ZipWriter, type ZipOutput } from './zip-writer.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** An output in memory that takes patches as a file does. */
class MemoryOutput implements ZipOutput {
  private bytes = new Uint8Array(0);
  private length = 0;
  write(bytes: Uint8Array): void {
    this.writeAt(bytes, this.length);
  }
  writeAt(bytes: Uint8Array, position: number): void {
    if (position + bytes.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(2 * this.bytes.length, position + bytes.length));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(bytes, position);
    this.length = Math.max(this.length, position + bytes.length);
  }
  result(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.length));
  }
}

const ENTRIES: [string, Uint8Array][] = [
  ['project.qde', text('<?xml version="1.0"?>\n<Project>\n'.repeat(500))],
  ['sources/0A.txt', text('Sumiati: Belum daftar. 🙂\n'.repeat(300))],
  ['sources/catatan-ñ.txt', text('nama berbeda')],
  ['sources/empty.txt', new Uint8Array(0)],
];

function written(hold: number, pieces: number, piece?: number): Buffer {
  const out = new MemoryOutput();
  const zip = new ZipWriter(out, hold, piece);
  const [qdePath, qde] = ENTRIES[0]!;
  const rest = ENTRIES.slice(1);
  const entry = zip.entry(qdePath);
  const size = Math.ceil(qde.length / pieces);
  for (let at = 0; at < qde.length; at += size) entry.write(qde.slice(at, at + size));
  entry.close();
  for (const [path, bytes] of rest) zip.add(path, bytes);
  zip.finish();
  return out.result();
}

describe('ZipWriter', () => {
  it('lays out an archive byte for byte as writeZip does, an entry in pieces included', () => {
    const expected = Buffer.from(writeZip(ENTRIES));
    expect(written(1 << 20, 1).equals(expected)).toBe(true);
    expect(written(1 << 20, 7).equals(expected)).toBe(true);
  });

  it('streams an entry past its hold, with its CRC and sizes patched into its header', () => {
    // Held parts deflated in pieces when the hold is passed (5000 / 1000), or the whole hold as one piece (1000 / 3000).
    for (const [hold, piece] of [[1000, 3000], [5000, 1000], [1000, 1 << 20]] as const) {
      const zip = written(hold, 9, piece);
      const read = readZip(zip, 'x.qdpx', () => true);
      expect([...read.keys()]).toEqual(ENTRIES.map(([p]) => p));
      for (const [path, bytes] of ENTRIES) expect(Buffer.from(read.get(path)!).equals(Buffer.from(bytes))).toBe(true);
      // Sizes in the local header, not a data descriptor after the data (flag bit 3 clear), as other readers expect.
      expect(zip.readUInt16LE(6) & 8).toBe(0);
      expect(zip.readUInt32LE(14)).toBe(zlibCrc32(ENTRIES[0]![1]));
      expect(zip.readUInt32LE(22)).toBe(ENTRIES[0]![1].length);
    }
  });

  it('gives an archive unzip tests clean', () => {
    const file = join(tempDir(), 'x.qdpx');
    writeFileSync(file, written(1000, 9, 3000));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });

  it('counts CRC-32 in steps as in one', () => {
    const bytes = ENTRIES[1]![1];
    expect(crc32(bytes.subarray(100), crc32(bytes.subarray(0, 100)))).toBe(zlibCrc32(bytes));
    expect(tableCrc32(bytes.subarray(100), tableCrc32(bytes.subarray(0, 100)))).toBe(zlibCrc32(bytes));
  });
});
