import { Document, Packer, Paragraph } from 'docx';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { checkedDocxPackage, DOCX_LIMITS } from './docx-package.js';
import { readDocx } from './read-docx.js';
import { errorOf } from '../../test/helpers/input-error.js';

const PARAGRAPH = '<w:p><w:r><w:t>Sumiati: saya belum daftar BPJS karena iurannya mahal.</w:t></w:r></w:p>';

/** The parts of a real one-paragraph .docx, to alter. */
async function parts(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Pewawancara: halo')] }] })));
}

function zip(files: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) zippable[name] = [bytes, { level: 9 }];
  return zipSync(zippable);
}

/** A document.xml whose body repeats one paragraph until it is `bytes` long. */
function documentOf(template: Uint8Array, bytes: number): Uint8Array {
  const xml = new TextDecoder().decode(template);
  const at = xml.indexOf('<w:body>') + '<w:body>'.length;
  return strToU8(xml.slice(0, at) + PARAGRAPH.repeat(Math.ceil(bytes / PARAGRAPH.length)) + xml.slice(at));
}

describe('checkedDocxPackage', () => {
  it('refuses a zip bomb (a few hundred KB inflating past 16 MB of XML) by the bytes it inflates', async () => {
    const files = await parts();
    files['word/document.xml'] = documentOf(files['word/document.xml']!, 20 * 1024 ** 2);
    const bomb = zip(files);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const error = errorOf(() => checkedDocxPackage(bomb));
    expect(error.message).toBe('the .docx inflates to more than 16 MB of XML (at word/document.xml); a transcript needs a few MB');
    expect(error.hint).toMatch(/zip bomb/);
    expect(DOCX_LIMITS.maxXmlBytes).toBe(16 * 1024 ** 2);
  });

  it('counts what is inflated, not the size the archive claims', async () => {
    const files = await parts();
    files['word/document.xml'] = documentOf(files['word/document.xml']!, 3 * 1024 ** 2);
    const bomb = zip(files);
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    // Claim a tiny size in every central directory record.
    for (let at = bomb.length - 22; at >= 0; at--) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 10, true);
    expect(() => checkedDocxPackage(bomb, { maxEntries: 100, maxXmlBytes: 1024 ** 2 })).toThrow(/more than 1 MB of XML/);
  });

  it('refuses more entries than a document has, before inflating any', async () => {
    const files = await parts();
    for (let i = 0; i < 10_001; i++) files[`word/media/x${i}.png`] = new Uint8Array(0);
    expect(errorOf(() => checkedDocxPackage(zip(files))).message).toMatch(/^the \.docx has 10,0\d\d entries, more than the 10,000 a document may have$/);
  });

  it('refuses a DOCTYPE (external entities, billion laughs) in any XML part, before mammoth parses it', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const external = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    for (const [part, prolog, body] of [
      ['word/document.xml', laughs, '&lol3;'],
      ['word/document.xml', external, '&xxe;'],
      ['word/_rels/document.xml.rels', external, ''],
    ] as const) {
      const files = await parts();
      const xml = new TextDecoder().decode(files[part]!).replace(/^<\?xml[^>]*\?>/, prolog);
      files[part] = strToU8(body ? xml.replace('Pewawancara: halo', body) : xml);
      const error = await readDocx(Buffer.from(zip(files))).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, part).toBeInstanceOf(InputError);
      expect((error as InputError).message).toBe(`${part} has a DOCTYPE declaration, which Word never writes`);
    }
  });

  it('passes a real document through, with images and other binary parts emptied', async () => {
    const files = await parts();
    files['word/media/image1.png'] = new Uint8Array(5000).fill(7);
    const checked = unzipSync(checkedDocxPackage(zip(files)));
    expect(checked['word/document.xml']).toEqual(files['word/document.xml']);
    expect(checked['word/media/image1.png']).toEqual(new Uint8Array(0));
    const draft = await readDocx(Buffer.from(zip(files)));
    expect(draft.turns.map((t) => [t.speaker, t.text])).toEqual([[null, 'Pewawancara: halo']]);
  });

  it('refuses what is not a ZIP, or is cut short, as an unreadable .docx', async () => {
    expect(errorOf(() => checkedDocxPackage(strToU8('Pewawancara: halo'))).message).toMatch(/^not a readable Word \.docx file: it is not a ZIP/);
    const whole = zip(await parts());
    const cut = whole.slice(0, 200);
    const tail = whole.slice(whole.length - 22);
    const broken = new Uint8Array([...cut, ...tail]);
    expect(errorOf(() => checkedDocxPackage(broken)).message).toMatch(/^not a readable Word \.docx file: /);
  });
});
