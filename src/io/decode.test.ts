import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { decodeBytes, decodeWindows1252, firstInvalidUtf8 } from './decode.js';

const reference = (path: string): Uint8Array => readFileSync(new URL(`../../../shared/reference/${path}`, import.meta.url));
const bytesOf = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const utf16le = (s: string): number[] => [...Buffer.from(s, 'utf16le')];
const utf16be = (s: string): number[] => {
  const le = utf16le(s);
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

/** The InputError decodeBytes throws, formatted as the CLI prints it. */
function refusal(bytes: Uint8Array, file = 'input.txt'): string {
  try {
    decodeBytes(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).format();
  }
  throw new Error('expected decodeBytes to refuse the bytes');
}

describe('decodeBytes: UTF-8', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    const text = 'PEWAWANCARA: Halo, Bu. Café ’kopi’ 😀\nSITI: Iya.\n';
    expect(decodeBytes(new TextEncoder().encode(text), 'a.txt')).toEqual({ text, encoding: 'utf-8', warnings: [] });
  });

  it('drops the byte-order mark of a real UTF-8 WebVTT file', () => {
    const { text, encoding, warnings } = decodeBytes(reference('subtitles/vttjs/file-layout/webvtt-with-bom.vtt'), 'b.vtt');
    expect(text.startsWith('WEBVTT')).toBe(true);
    expect(encoding).toBe('utf-8');
    expect(warnings).toEqual([]);
  });

  it('keeps CRLF as it is (canonicalisation comes later)', () => {
    const { text } = decodeBytes(reference('subtitles/exoplayer/subrip_typical_with_byte_order_mark.srt'), 'c.srt');
    expect(text.startsWith('1\r\n00:00:00,000 --> ')).toBe(true);
  });

  it('replaces bad bytes after a UTF-8 byte-order mark, with a warning naming the place', () => {
    const { text, encoding, warnings } = decodeBytes(bytesOf([0xef, 0xbb, 0xbf], 'satu\ndua ', [0xff], ' tiga'), 'd.txt');
    expect(text).toBe('satu\ndua \uFFFD tiga');
    expect(encoding).toBe('utf-8');
    expect(warnings).toEqual(['d.txt:2:5: invalid UTF-8 (byte 0xFF) was replaced with \uFFFD; check the text around it']);
  });
});

describe('decodeBytes: UTF-16', () => {
  it('reads UTF-16LE with a byte-order mark, emoji included', () => {
    const text = 'SITI (00:01:02): Senang sekali 😀👍🏽\r\nPEWAWANCARA: Baik.\r\n';
    const bytes = bytesOf([0xff, 0xfe], utf16le(text));
    // 😀 is the surrogate pair D83D DE00, little-endian
    expect(Buffer.from(bytes).includes(Buffer.from([0x3d, 0xd8, 0x00, 0xde]))).toBe(true);
    expect(decodeBytes(bytes, 'e.txt')).toEqual({ text, encoding: 'utf-16le', warnings: [] });
  });

  it('reads UTF-16BE with a byte-order mark', () => {
    const text = 'Nur Aisyah: “Iya…” 😀';
    expect(decodeBytes(bytesOf([0xfe, 0xff], utf16be(text)), 'f.txt')).toEqual({ text, encoding: 'utf-16be', warnings: [] });
  });

  it('warns about a UTF-16 file cut short', () => {
    const { text, warnings } = decodeBytes(bytesOf([0xff, 0xfe], utf16le('Halo'), [0x41]), 'g.txt');
    expect(text).toBe('Halo\uFFFD');
    expect(warnings).toEqual(['g.txt: not valid UTF-16LE; unreadable characters were replaced with \uFFFD. Re-save the file as UTF-8']);
  });
});

describe('decodeBytes: Windows-1252 fallback', () => {
  it('reads an old Word/Notepad export with é and ’, and says where UTF-8 failed', () => {
    const { text, encoding, warnings } = decodeBytes(bytesOf('Caf', [0xe9], ' ', [0x92], 'ok', [0x92]), 'h.txt');
    expect(text).toBe('Café ’ok’');
    expect(encoding).toBe('windows-1252');
    expect(warnings).toEqual([
      'h.txt:1:4: not valid UTF-8 (byte 0xE9), so the file was read as Windows-1252; if characters look wrong, re-save it as UTF-8',
    ]);
  });

  it('counts lines and columns up to the first bad byte', () => {
    const { text, warnings } = decodeBytes(bytesOf('baris satu\r\nkata dia ', [0x93], 'iya', [0x94, 0x85]), 'i.txt');
    expect(text).toBe('baris satu\r\nkata dia “iya”…');
    expect(warnings[0]).toMatch(/^i\.txt:2:10: not valid UTF-8 \(byte 0x93\)/);
  });

  it('counts a lone CR as a line end, as the readers do (fuzz counterexample)', () => {
    const { warnings } = decodeBytes(bytesOf('\r---\ntype: document\ntitle: Daftar Pe', [0x80], 'riksa'), 'j.txt');
    expect(warnings[0]).toMatch(/^j\.txt:4:17: not valid UTF-8 \(byte 0x80\)/);
    expect(() => decodeBytes(bytesOf('satu\rdua\r\ntiga', [0]), 'k.txt')).toThrow(expect.objectContaining({ location: { file: 'k.txt', line: 3, col: 5 } }));
  });

  it('counts a valid UTF-8 character before the bad byte as one column', () => {
    // A file mixing encodings: é as UTF-8 (C3 A9), then a Windows-1252 ’ (92).
    const { warnings } = decodeBytes(bytesOf('x ', [0xc3, 0xa9], ' ', [0x92]), 'j.txt');
    expect(warnings[0]).toMatch(/^j\.txt:1:5: /);
  });

  it('decodes every byte to one character', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (raw) => {
        const bytes = raw.map((b) => (b < 0x20 && b !== 0x0a ? 0x41 : b)).map((b, i) => (i === 0 ? 0x92 : b));
        const { text, encoding } = decodeBytes(bytes, 'k.txt');
        expect(encoding).toBe('windows-1252');
        expect(text.length).toBe(bytes.length);
      }),
    );
  });
});

describe('decodeBytes refuses what is not text', () => {
  it.each([
    ['no bytes', bytesOf(), 'input.txt: is empty. Check that this is the file you meant'],
    ['only white space', bytesOf(' \r\n\t\n'), 'input.txt: is empty (only white space). Check that this is the file you meant'],
    ['only a UTF-16 byte-order mark', bytesOf([0xff, 0xfe]), 'input.txt: is empty (only white space). Check that this is the file you meant'],
    ['a PDF', bytesOf('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n'), 'input.txt: is a PDF, not a text file. Export it as text or Word (.docx) first'],
    ['a PNG', bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'input.txt: is a PNG image, not a text file. Transcribe it, or give the transcript file'],
    ['a JPEG', bytesOf([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0]), 'input.txt: is a JPEG image, not a text file. Transcribe it, or give the transcript file'],
    ['a GIF', bytesOf('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]), 'input.txt: is a GIF image, not a text file. Transcribe it, or give the transcript file'],
    ['an ELF program', bytesOf([0x7f], 'ELF', [2, 1, 1, 0]), 'input.txt: is a program (ELF executable), not a text file. Check the path'],
    ['an SQLite database', bytesOf('SQLite format 3', [0, 0x10, 0, 1, 1]), 'input.txt: is an SQLite database, not a text file. Check the path; a telaah project is not an input'],
    ['a Word 97-2003 .doc', bytesOf([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'input.txt: is an old Office file (Word 97-2003 .doc or .xls). Open it in Word and save it as .docx or plain text'],
    ['an RTF document', bytesOf('{\\rtf1\\ansi\\deff0 {\\fonttbl}Halo}'), 'input.txt: is an RTF document. Save it as .docx or plain text (.txt) and try again'],
    ['UTF-32', bytesOf([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'input.txt: is UTF-32 text, which telaah does not read. Re-save it as UTF-8'],
  ])('%s', (_name, bytes, message) => {
    expect(refusal(bytes)).toBe(message);
  });

  it('refuses a UTF-8 byte-order mark and nothing else (a real file)', () => {
    expect(refusal(reference('subtitles/vttjs/file-layout/blank-file-with-bom.vtt'), 'blank.vtt')).toMatch(/^blank\.vtt: is empty/);
  });

  it.each([['transcripts/qualcoder/ID1.docx'], ['transcripts/qualcoder/ID2.odt']])('refuses the ZIP container %s', (path) => {
    expect(refusal(reference(path), 'notes.txt')).toBe(
      'notes.txt: is a ZIP archive (a Word, Excel or OpenDocument file, or a .zip), not a text file. If it is a Word document, give it the .docx extension; otherwise save it as .docx or plain text',
    );
  });

  it('refuses NUL bytes with their line and column', () => {
    expect(refusal(bytesOf('abc\nde', [0], 'f'))).toBe(
      'input.txt:2:3: looks like a binary file (it holds NUL bytes, the first at byte offset 6). Give a text (.txt, .md), subtitle (.vtt, .srt), .csv or Word (.docx) file',
    );
  });

  it('suspects UTF-16 without a byte-order mark', () => {
    expect(refusal(bytesOf(utf16le('PEWAWANCARA: Halo, Bu.\r\n')))).toMatch(/^input\.txt:1:2: looks like a binary file.*UTF-16 text without a byte-order mark/);
  });
});

describe('decodeWindows1252', () => {
  it('maps 0x80-0x9F as Windows-1252 does (as Python\'s cp1252 codec does), not as ISO-8859-1', () => {
    const defined = [...Array(32).keys()].map((i) => 0x80 + i).filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b));
    expect(decodeWindows1252(Uint8Array.from(defined))).toBe('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\u0081\u008d\u008f\u0090\u009d');
  });

  it('maps every other byte to the code point of the same value', () => {
    const others = [...Array(256).keys()].filter((b) => b < 0x80 || b > 0x9f);
    expect(decodeWindows1252(Uint8Array.from(others))).toBe(String.fromCharCode(...others));
  });

  it('decodes a view into a larger buffer', () => {
    const buffer = Uint8Array.from([0x41, 0x92, 0x42, 0x43]);
    expect(decodeWindows1252(buffer.subarray(1, 3))).toBe('’B');
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0xc3, 0xa9], -1],
    [[0x61, 0xc3], 1], // cut short
    [[0x61, 0x80], 1], // lone continuation byte
    [[0xc0, 0xaf], 0], // overlong '/'
    [[0xe0, 0x80, 0xaf], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // UTF-16 surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // beyond U+10FFFF
    [[0xf0, 0x9f, 0x98, 0x80, 0x92], 4], // 😀 then a Windows-1252 ’
  ])('%j → %i', (bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });

  it('agrees with a fatal TextDecoder on arbitrary bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array): boolean => {
      try {
        decoder.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    const nearlyUtf8 = fc
      .tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.nat(), fc.integer({ min: 0, max: 255 }))
      .map(([s, at, byte]) => {
        const b = [...new TextEncoder().encode(s)];
        b.splice(at % (b.length + 1), 0, byte);
        return Uint8Array.from(b);
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 12 }), nearlyUtf8), (bytes) => {
        const bad = firstInvalidUtf8(bytes);
        expect(bad === -1).toBe(valid(bytes));
        if (bad > 0) expect(valid(bytes.subarray(0, bad))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('decodeBytes refuses binary data that has no NUL and no known signature', () => {
  it('refuses compressed data (control bytes throughout) at the first control byte, with its offset', () => {
    const compressed = new Uint8Array(deflateSync(Buffer.from('Pewawancara: iurannya berapa, Bu? '.repeat(2000))).map((b) => (b === 0 ? 1 : b)));
    expect(() => decodeBytes(compressed, 'blob.txt')).toThrow(/^looks like a binary file \(\d+ control bytes in its first [\d,]+, the first at byte offset \d+\)$/);
    try {
      decodeBytes(compressed, 'blob.txt');
    } catch (error) {
      expect((error as InputError).format()).toMatch(/^blob\.txt:\d+:\d+: looks like a binary file .*Give a text/);
    }
  });

  it('refuses valid UTF-8 that is full of control bytes, at the first one', () => {
    // Decodes as UTF-8 without error: only the count of control characters tells it from text.
    const bytes = new TextEncoder().encode(`abc${'\u0001\u0002x\u0003'.repeat(20)}`);
    expect(() => decodeBytes(bytes, 'c.txt')).toThrow('looks like a binary file (60 control bytes in its first 83, the first at byte offset 3)');
  });

  it('keeps a real transcript with a stray control character (a Word line break, a bell)', () => {
    const text = `Pewawancara: halo\u000bBu.\nSumiati: iuran\u0007 mahal.\n${'Sumiati: ya.\n'.repeat(50)}`;
    expect(decodeBytes(new TextEncoder().encode(text), 'a.txt').text).toBe(text);
  });
});
