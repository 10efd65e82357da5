/**
 * How much of a picture is ink: the share of pixels that are not (near) white, read from a PNG (8-bit,
 * not interlaced, as Chromium and pdftoppm write them) or a binary PGM. Tests use it to tell a rendered
 * page from a blank one without an image library.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** Gray levels (0-255) of every pixel of an image file, with its size. */
export function readGray(file: string): { width: number; height: number; gray: Uint8Array } {
  const b = readFileSync(file);
  if (b.subarray(0, 2).toString() === 'P5') return readPgm(b);
  return readPng(b);
}

function readPgm(b: Buffer): { width: number; height: number; gray: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(b.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM file');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, gray: b.subarray(header[0].length, header[0].length + width * height) };
}

function readPng(b: Buffer): { width: number; height: number; gray: Uint8Array } {
  if (b.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG file');
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const [depth, colour, interlace] = [b[24], b[25], b[28]];
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour ?? -1];
  if (depth !== 8 || !channels || interlace !== 0) throw new Error(`PNG kind not read here (depth ${depth}, colour ${colour}, interlace ${interlace})`);
  const idat: Buffer[] = [];
  for (let p = 8; p < b.length; ) {
    const len = b.readUInt32BE(p);
    if (b.toString('latin1', p + 4, p + 8) === 'IDAT') idat.push(b.subarray(p + 8, p + 8 + len));
    p += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const paeth = (): number => {
        const p = a + up - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - up), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      };
      const predictor = [0, a, up, (a + up) >> 1, filter === 4 ? paeth() : 0][filter ?? 0] ?? 0;
      rows[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const px = rows.subarray(i * channels, i * channels + channels);
    gray[i] = channels >= 3 ? Math.round((px[0]! + px[1]! + px[2]!) / 3) : px[0]!;
  }
  return { width, height, gray };
}

/** The share (0..1) of pixels darker than near-white. */
export function inkShare(file: string): number {
  const { gray } = readGray(file);
  let ink = 0;
  for (const g of gray) if (g < 235) ink += 1;
  return ink / Math.max(1, gray.length);
}
