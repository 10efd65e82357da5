import { describe, expect, it } from 'vitest';
import { XmlWriter } from './xml-writer.js';

function write(xml: XmlWriter): XmlWriter {
  xml.start('Project', [['name', 'a & b']]);
  for (let i = 0; i < 50; i++) xml.empty('User', [['id', `u${i}`]]).text('Description', `teks <${i}>`);
  return xml.end();
}

describe('XmlWriter with a sink', () => {
  it('hands over the document toString gives, in pieces ending at line ends', () => {
    const pieces: string[] = [];
    write(new XmlWriter((piece) => pieces.push(piece), 100)).finish();
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
    expect(pieces.join('')).toBe(write(new XmlWriter()).toString());
  });

  it('refuses to finish with an element still open', () => {
    expect(() => new XmlWriter(() => undefined).start('Project').finish()).toThrow(/<Project> is still open/);
  });
});
