import { describe, expect, it } from 'vitest';
import { cuesToTurns } from './cues-to-turns.js';
import type { Cue } from './parse-webvtt.js';
import type { ReadWarning } from './types.js';

/** Cues one second apart, timing lines four lines apart, as a WebVTT file would have them. */
function cues(...texts: string[]): Cue[] {
  return texts.map((text, i) => ({ id: '', startMs: i * 1000, endMs: i * 1000 + 900, text, line: 3 + i * 4 }));
}

const speakersAndTexts = (list: Cue[]) => cuesToTurns(list).map((t) => [t.speaker, t.text]);

describe('cuesToTurns: speakers from voice spans', () => {
  it.each([
    ['<v Mary>No way!</v>', 'Mary', 'No way!'],
    ['<v.loud Joe>That\'s awesome!</v>', 'Joe', "That's awesome!"],
    ['<v.loud.fast Roger Bingham>We are in New York City', 'Roger Bingham', 'We are in New York City'], // unclosed span is fine
    ['<v   Bu   Sumiati >Iya, Pak.', 'Bu Sumiati', 'Iya, Pak.'],
    ['<v Ani &amp; Budi>Kami berdua.', 'Ani & Budi', 'Kami berdua.'],
    ['<v Mary><i>Laughs</i></v>', 'Mary', 'Laughs'],
  ])('%j → %s', (text, speaker, words) => {
    expect(speakersAndTexts(cues(text))).toEqual([[speaker, words]]);
  });

  it('an empty <v> names nobody, so the cue continues the previous speaker', () => {
    expect(speakersAndTexts(cues('<v Mary>Halo.', "<v>It's a blue apple tree!"))).toEqual([['Mary', "Halo. It's a blue apple tree!"]]);
  });

  it('a malformed `<v Mary` without ">" keeps its words as text, names nobody, and warns', () => {
    const warnings: ReadWarning[] = [];
    const turns = cuesToTurns(cues('<v Joe>Halo.', "first line\n<v It's a blue apple tree!"), warnings);
    expect(turns.map((t) => [t.speaker, t.text])).toEqual([['Joe', "Halo. first line It's a blue apple tree!"]]);
    expect(warnings).toEqual([
      { line: 9, message: 'voice tag "<v" is not closed with ">": its words are kept as text and no speaker is taken from it' },
    ]);
  });

  it('splits a cue holding two voices into two turns', () => {
    const turns = cuesToTurns(cues('<v Roger>Didn\'t we?</v>\n<v Neil>No!</v>'));
    expect(turns).toEqual([
      { speaker: 'Roger', text: "Didn't we?", startMs: 0, endMs: 900, line: 3 },
      { speaker: 'Neil', text: 'No!', startMs: 0, endMs: 900, line: 3 },
    ]);
  });

  it('prefers the voice span over a label-like start', () => {
    expect(speakersAndTexts(cues('<v Ani>Catatan: besok libur.'))).toEqual([['Ani', 'Catatan: besok libur.']]);
  });
});

describe('cuesToTurns: speakers from `Name:` labels', () => {
  it.each([
    ['Bu Sumiati: Saya jualan sayur.', 'Bu Sumiati', 'Saya jualan sayur.'],
    ['Pak Joko: Iya.', 'Pak Joko', 'Iya.'],
    ['Dr. Rina Wulandari: Baik.', 'Dr. Rina Wulandari', 'Baik.'],
    ['Peneliti 1: Sejak kapan?', 'Peneliti 1', 'Sejak kapan?'],
    ['Ibu Siti Nur Aisyah: Empat kata.', 'Ibu Siti Nur Aisyah', 'Empat kata.'],
    ['H.M. Siregar: Ya.', 'H.M. Siregar', 'Ya.'],
    ['Ñuño: ¿Sí?', 'Ñuño', '¿Sí?'],
    ['Đặng Thị Hương: Vâng.', 'Đặng Thị Hương', 'Vâng.'],
    ['P1: Ya.', 'P1', 'Ya.'],
    ["O'Brien-Smith: Right.", "O'Brien-Smith", 'Right.'],
    ['<b>Moderator:</b> Kita mulai.', 'Moderator', 'Kita mulai.'], // label found after markup is stripped
    ['Joe:\nhalo', 'Joe', 'halo'], // label alone on the first line
  ])('%j → %s', (text, speaker, words) => {
    expect(speakersAndTexts(cues(text))).toEqual([[speaker, words]]);
  });

  it.each([
    ['Lihat https://bpjsketenagakerjaan.go.id: daftar di sana'], // URL
    ['Jam 10:30 kita mulai'], // time
    ['Pukul 09:00: rapat'], // time before the colon
    ['Satu dua tiga empat lima: terlalu panjang'], // five words
    ['12: nomor saja'], // no letter
    ['www.contoh.id: situs'], // a host name, not a name
    ['😀: senyum'], // no letter
    ['Rasio 3:1 sudah benar'], // colon inside a token
    [': kosong'], // nothing before the colon
  ])('%j has no speaker label', (text) => {
    expect(speakersAndTexts(cues(text))).toEqual([[null, text.replace(/\n/g, ' ')]]);
  });

  it('a label-only cue sets the speaker for the cues after it', () => {
    expect(speakersAndTexts(cues('Pewawancara:', 'Bagaimana awalnya?'))).toEqual([['Pewawancara', 'Bagaimana awalnya?']]);
  });
});

describe('cuesToTurns: turns', () => {
  it('merges three cues of one speaker: first start, last end, texts joined with a space, first line', () => {
    expect(cuesToTurns(cues('Bu Sumiati: Saya jualan', 'di pasar sejak', '<v Bu Sumiati>tahun 2010.'))).toEqual([
      { speaker: 'Bu Sumiati', text: 'Saya jualan di pasar sejak tahun 2010.', startMs: 0, endMs: 2900, line: 3 },
    ]);
  });

  it('alternates two speakers', () => {
    const turns = cuesToTurns(cues('Peneliti: Sudah daftar?', 'Bu Sumiati: Belum, Pak.', 'Peneliti: Kenapa?', 'Bu Sumiati: Tidak tahu caranya.'));
    expect(turns.map((t) => [t.speaker, t.text, t.startMs, t.endMs, t.line])).toEqual([
      ['Peneliti', 'Sudah daftar?', 0, 900, 3],
      ['Bu Sumiati', 'Belum, Pak.', 1000, 1900, 7],
      ['Peneliti', 'Kenapa?', 2000, 2900, 11],
      ['Bu Sumiati', 'Tidak tahu caranya.', 3000, 3900, 15],
    ]);
  });

  it('continues the previous speaker; before any speaker the speaker is null and cues stay separate', () => {
    expect(speakersAndTexts(cues('Pembukaan.', 'Rekaman dimulai.', 'Ani: Halo.', 'Apa kabar?'))).toEqual([
      [null, 'Pembukaan.'],
      [null, 'Rekaman dimulai.'],
      ['Ani', 'Halo. Apa kabar?'],
    ]);
  });

  it('skips empty cues and cues of markup only, without breaking a merge', () => {
    expect(speakersAndTexts(cues('Ani: Satu,', '', '<i></i> {\\an8}', '&nbsp;', 'dua.'))).toEqual([['Ani', 'Satu, dua.']]);
  });

  it('keeps emoji and combining marks intact', () => {
    expect(speakersAndTexts(cues('Ani: Iya 😀👍🏽 cafe\u0301'))).toEqual([['Ani', 'Iya 😀👍🏽 cafe\u0301']]);
  });

  it('never ends a turn before it starts, even for a cue with reversed times or a later cue ending early', () => {
    const list: Cue[] = [
      { id: '', startMs: 5000, endMs: 4000, text: 'Ani: mundur', line: 3 },
      { id: '', startMs: 6000, endMs: 7000, text: 'Budi: satu', line: 6 },
      { id: '', startMs: 6500, endMs: 6800, text: 'dua', line: 9 },
    ];
    expect(cuesToTurns(list).map((t) => [t.startMs, t.endMs])).toEqual([
      [5000, 5000],
      [6000, 7000],
    ]);
  });
});
