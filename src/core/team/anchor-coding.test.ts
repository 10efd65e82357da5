import { describe, expect, it } from 'vitest';
import { countCodePoints } from '../text/code-points.js';
import { SourceAnchors, type AnchorSegment } from './anchor-coding.js';

/**
 * A source from turns of sentences, laid out one turn per line, with segments as ingest stores them
 * (each turn, then its sentences; offsets in code points).
 */
function source(turns: string[][], firstId = 100): { text: string; segments: AnchorSegment[] } {
  const segments: AnchorSegment[] = [];
  let text = '';
  let id = firstId;
  turns.forEach((sentences, t) => {
    if (t > 0) text += '\n';
    const turnStart = countCodePoints(text);
    const turn: AnchorSegment = { id: id++, turn: t + 1, sentence: 0, start: turnStart, end: 0 };
    segments.push(turn);
    sentences.forEach((s, i) => {
      if (i > 0) text += ' ';
      const start = countCodePoints(text);
      text += s;
      segments.push({ id: id++, turn: t + 1, sentence: i + 1, start, end: countCodePoints(text) });
    });
    turn.end = countCodePoints(text);
  });
  return { text, segments };
}

const OLD = source([
  ['Selamat pagi, Bu Siti.', 'Sudah lama?'],
  ['Dia bawa leaflet 📄 bergambar.', 'Iya.'],
  ['Iya.', 'Kata dia iya juga.'],
]);

function at(s: { text: string; segments: AnchorSegment[] }, address: string): AnchorSegment {
  return s.segments.find((g) => (g.sentence === 0 ? String(g.turn) : `${g.turn}.${g.sentence}`) === address)!;
}

function coding(s: { text: string; segments: AnchorSegment[] }, address: string, words?: string) {
  const g = at(s, address);
  const whole = Array.from(s.text).slice(g.start, g.end).join('');
  if (words === undefined) return { segment: address, start: g.start, end: g.end, text: whole };
  const start = g.start + countCodePoints(whole.slice(0, whole.indexOf(words)));
  return { segment: address, start, end: start + countCodePoints(words), text: words };
}

describe('placing a coding', () => {
  it('puts it on the segment its address names when the words at its offsets are its words', () => {
    const anchors = new SourceAnchors(OLD.text, OLD.segments);
    const c = coding(OLD, '2.1', 'leaflet 📄 bergambar');
    expect(anchors.place(c)).toEqual({ placed: true, segment: at(OLD, '2.1'), start: c.start, end: c.end, moved: false });
  });

  it('finds the words where the text moved (a longer name earlier), counting code points past an emoji', () => {
    const NEW = source([
      ['Selamat pagi, Bu Sumiati.', 'Sudah lama?'],
      ['Dia bawa leaflet 📄 bergambar.', 'Iya.'],
      ['Iya.', 'Kata dia iya juga.'],
    ]);
    const anchors = new SourceAnchors(NEW.text, NEW.segments);
    const sentence = coding(OLD, '3.2');
    expect(anchors.place(sentence)).toEqual({ placed: true, segment: at(NEW, '3.2'), start: sentence.start + 3, end: sentence.end + 3, moved: true });
    const turn = coding(OLD, '2');
    expect(anchors.place(turn)).toMatchObject({ placed: true, segment: at(NEW, '2'), start: turn.start + 3, moved: true });
    // The words changed: not placed anywhere.
    expect(anchors.place(coding(OLD, '1.1'))).toEqual({ placed: false });
  });

  it('prefers an occurrence that is a whole segment of the same kind, then the nearest', () => {
    const NEW = source([
      ['Selamat pagi, Bu Sumiati.', 'Sudah lama?'],
      ['Dia bawa leaflet 📄 bergambar.', 'Iya.'],
      ['Iya.', 'Kata dia iya juga.'],
    ]);
    const anchors = new SourceAnchors(NEW.text, NEW.segments);
    // "Iya." is sentence 2.2 and sentence 3.1; the coding on 3.1 goes to 3.1, the nearer.
    expect(anchors.place(coding(OLD, '3.1'))).toMatchObject({ placed: true, segment: at(NEW, '3.1') });
    expect(anchors.place(coding(OLD, '2.2'))).toMatchObject({ placed: true, segment: at(NEW, '2.2') });
    // "iya" inside 3.2 is found (lower case), not the turn "Iya." sentences; a sentence's words stay in a sentence.
    expect(anchors.place(coding(OLD, '3.2', 'iya'))).toMatchObject({ placed: true, segment: at(NEW, '3.2') });
  });

  it('keeps a coding on a turn on a turn and one on a sentence on a sentence', () => {
    const single = source([['Iya.'], ['Baik.']]);
    const anchors = new SourceAnchors(single.text, single.segments);
    // Turn 1 and its sentence 1.1 have the same span: the address decides.
    expect(anchors.place({ segment: '1', start: 50, end: 54, text: 'Iya.' })).toMatchObject({ placed: true, segment: at(single, '1'), start: 0, end: 4 });
    expect(anchors.place({ segment: '1.1', start: 50, end: 54, text: 'Iya.' })).toMatchObject({ placed: true, segment: at(single, '1.1') });
  });

  it('does not place words that cross segments, or empty words away from their place', () => {
    const anchors = new SourceAnchors(OLD.text, OLD.segments);
    expect(anchors.place({ segment: '1.2', start: 0, end: 5, text: 'lama? Dia' })).toEqual({ placed: false });
    expect(anchors.place({ segment: '9.1', start: 3, end: 3, text: '' })).toEqual({ placed: false });
  });
});
