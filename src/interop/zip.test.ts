import { constants, deflateRawSync } from 'node:zlib';
import { Zip, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { DEFAULT_ZIP_LIMITS, readZip, writeZip } from './zip.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('writeZip', () => {
  it('gives the same bytes for the same entries', () => {
    const a = writeZip([['project.qde', text('<Project/>')], ['sources/A.txt', text('halo')]]);
    const b = writeZip([['project.qde', text('<Project/>')], ['sources/A.txt', text('halo')]]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('reads back what it wrote', () => {
    const zip = writeZip([['project.qde', text('<Project/>')], ['sources/A.txt', text('halo 🙂')]]);
    const read = readZip(zip, 'x.qdpx', () => true);
    expect(new TextDecoder().decode(read.get('sources/A.txt'))).toBe('halo 🙂');
  });
});

describe('readZip limits', () => {
  it('stops at the inflated size actually reached, whatever the archive claims', () => {
    const bomb = zipSync({ 'project.qde': new Uint8Array(5_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => readZip(bomb, 'bomb.qdpx', () => true, { maxEntries: 10, maxTotalBytes: 1_000_000 })).toThrow(/inflates to more than/);
    // An entry not read costs nothing.
    expect(readZip(bomb, 'bomb.qdpx', () => false, { maxEntries: 10, maxTotalBytes: 1_000_000 }).size).toBe(0);
  });

  it('stops at too many entries', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`sources/${i}.txt`, text('x')])));
    expect(() => readZip(many, 'many.qdpx', () => true, { maxEntries: 10, maxTotalBytes: 1_000_000 })).toThrow(/more than 10 entries/);
  });

  it('refuses what is not a ZIP, as bad input', () => {
    expect(() => readZip(text('<?xml version="1.0"?><Project/>'), 'p.qdpx', () => true)).toThrow(InputError);
  });
});

describe('readZip default limits', () => {
  it('refuses a .qdpx inflating past 256 MB, which would otherwise be held in memory and parsed', () => {
    // 272 MB of zeros as raw deflate, made fast: one 16 MB block flushed (not final) 17 times, then a final empty block.
    const block = deflateRawSync(new Uint8Array(16 * 1024 ** 2), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, data) => {
      if (error) throw error;
      chunks.push(data);
    });
    const entry = new ZipPassThrough('project.qde');
    entry.compression = 8;
    zip.add(entry);
    for (let i = 0; i < 17; i++) entry.push(block);
    entry.push(deflateRawSync(new Uint8Array(0)), true);
    zip.end();
    const bomb = new Uint8Array(Buffer.concat(chunks));
    expect(bomb.length).toBeLessThan(2 * 1024 ** 2);
    expect(DEFAULT_ZIP_LIMITS.maxTotalBytes).toBe(256 * 1024 ** 2);
    expect(() => readZip(bomb, 'bomb.qdpx', () => true)).toThrow('the archive inflates to more than 256 MB (at project.qde)');
  });
});
