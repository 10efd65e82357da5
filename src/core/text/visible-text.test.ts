import { describe, expect, it } from 'vitest';
import { clipText, controlPictures, messageLine, visibleText } from './visible-text.js';

describe('visibleText', () => {
  it('writes C0, DEL, C1, line separators and bidi overrides as escapes', () => {
    expect(visibleText('a\u001b[2Jb\nc\td\re\u0007f\u007fg\u009bh\u2028i\u202ej\u2066k')).toBe(
      'a\\x1b[2Jb\\nc\\td\\re\\x07f\\x7fg\\x9bh\\u2028i\\u202ej\\u2066k',
    );
  });

  it('leaves every printable character as it is, and keeps line breaks and tabs when asked', () => {
    const text = 'Bu Sumiati: “iurannya mahal” — café 😀 ٪';
    expect(visibleText(text)).toBe(text);
    expect(visibleText('satu\tdua\ntiga\u001b]0;x\u0007', { layout: true })).toBe('satu\tdua\ntiga\\x1b]0;x\\x07');
    expect(visibleText('\u001b[1mA\u001b[22m\n\u001b[2J', { layout: true, colour: true })).toBe('\u001b[1mA\u001b[22m\n\\x1b[2J');
  });

  it('keeps colour escapes only when asked, and escapes every other escape even then', () => {
    expect(visibleText('\u001b[32mok\u001b[39m \u001b[2J \u001b]52;c;AAAA\u0007', { colour: true })).toBe('\u001b[32mok\u001b[39m \\x1b[2J \\x1b]52;c;AAAA\\x07');
    expect(visibleText('\u001b[32mok\u001b[39m')).toBe('\\x1b[32mok\\x1b[39m');
    // A name's own escape that hides text (conceal, black on black) is escaped even where colour is kept.
    expect(visibleText('a\u001b[8mhidden\u001b[30;40mdark', { colour: true })).toBe('a\\x1b[8mhidden\\x1b[30;40mdark');
  });
});

describe('clipText and messageLine', () => {
  it('keeps short text and cuts long text to its start and end, counting what was left out', () => {
    expect(clipText('pendek', 10)).toBe('pendek');
    const long = `${'a'.repeat(1000)}${'z'.repeat(1000)}`;
    const clipped = clipText(long, 100);
    expect(clipped).toBe(`${'a'.repeat(75)} … (1,900 characters left out) … ${'z'.repeat(25)}`);
  });

  it('never splits a surrogate pair', () => {
    const clipped = clipText('😀'.repeat(100), 11);
    expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('makes a megabyte of echoed header one line of under 1 KB', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `col${i}\n`).join(', ');
    const line = messageLine(`no text column: the header has ${header}`);
    expect(line.length).toBeLessThan(700);
    expect(line).not.toMatch(/[\n\r]/);
    expect(line).toMatch(/^no text column: the header has col0\\n, col1\\n, .* … \([\d,]+ characters left out\) … .*col99999\\n$/);
  });
});

describe('controlPictures', () => {
  it('draws each control character as one visible character, keeping colour and the length the layout counted', () => {
    const line = '\u001b[1miuran\u001b[22m \u001b]0;owned\u0007 \u001b[2J\u007f\u009b\u202e';
    const drawn = controlPictures(line);
    expect(drawn).toBe('\u001b[1miuran\u001b[22m \u241b]0;owned\u2407 \u241b[2J\u2421\ufffd\ufffd');
    expect(drawn.length).toBe(line.length);
  });
});
