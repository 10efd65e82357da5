import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences, type SentenceRange } from './sentences.js';

const sentencesOf = (text: string): string[] => splitSentences(text).map((r) => text.slice(r.start, r.end));

describe('splitSentences on Indonesian', () => {
  it.each([
    ['two plain sentences', 'Saya pedagang kaki lima. Sudah lima tahun di Medan.', ['Saya pedagang kaki lima.', 'Sudah lima tahun di Medan.']],
    ['a question and an exclamation', 'Sudah daftar BPJS? Belum, Pak! Mahal.', ['Sudah daftar BPJS?', 'Belum, Pak!', 'Mahal.']],
    ['a trailing "..." before lower case is a pause, not an end', 'Iya... terus gimana?', ['Iya... terus gimana?']],
    ['"..." before upper case ends a sentence', 'Iya... Terus gimana? Saya bingung!', ['Iya...', 'Terus gimana?', 'Saya bingung!']],
    ['"…" behaves like "..."', 'Gimana ya… nggak tahu. Ya udah… Nanti saja.', ['Gimana ya… nggak tahu.', 'Ya udah…', 'Nanti saja.']],
    ['lower case after ? starts a sentence in speech', 'Kenapa belum daftar? karena mahal.', ['Kenapa belum daftar?', 'karena mahal.']],
    ['runs like ?! and !!!', 'Apa?! Serius? Wah!!! Keren.', ['Apa?!', 'Serius?', 'Wah!!!', 'Keren.']],
    ['a quoted sentence closes with its quote', 'Dia bilang, "Saya mau daftar." Lalu dia pergi.', ['Dia bilang, "Saya mau daftar."', 'Lalu dia pergi.']],
    ['curly quotes', 'Kata petugas: “Daftar saja dulu.” Saya ikut.', ['Kata petugas: “Daftar saja dulu.”', 'Saya ikut.']],
    ['a quoted question followed by lower case continues', '"Kenapa?" tanya dia. "Karena mahal."', ['"Kenapa?" tanya dia.', '"Karena mahal."']],
    ['brackets', '(Tertawa.) Iya, betul.', ['(Tertawa.)', 'Iya, betul.']],
    ['a dotted title of short groups goes on, a long word ends', 'Gelarnya S.Kom.I. Dia pedagang. Namanya Ir.Sutarjo. Sudah.', ['Gelarnya S.Kom.I. Dia pedagang.', 'Namanya Ir.Sutarjo.', 'Sudah.']],
    ['an opening quote starts a sentence', 'Saya tanya. "Berapa iurannya?"', ['Saya tanya.', '"Berapa iurannya?"']],
    ['a digit starts a sentence', 'Itu tahun 2020. 70% pekerja sudah ikut.', ['Itu tahun 2020.', '70% pekerja sudah ikut.']],
    ['no split inside numbers', 'Iurannya Rp16.800 per bulan, atau 3.5 persen. Murah.', ['Iurannya Rp16.800 per bulan, atau 3.5 persen.', 'Murah.']],
    ['no split after Rp. and Tgl.', 'Bayar Rp. 16.800 tiap Tgl. 10 ya. Jangan lupa.', ['Bayar Rp. 16.800 tiap Tgl. 10 ya.', 'Jangan lupa.']],
    ['titles and street names', 'Yth. Bpk. Hotman di Jl. Gatot Subroto No. 12. Beliau datang.', ['Yth. Bpk. Hotman di Jl. Gatot Subroto No. 12.', 'Beliau datang.']],
    ['Dr. and dr.', 'Dr. Siti dan dr. Budi datang. Mereka ramah.', ['Dr. Siti dan dr. Budi datang.', 'Mereka ramah.']],
    ['Sdr., Sdri., Hj., Prof.', 'Sdr. Benny, Sdri. Nur, Hj. Suryani dan Prof. Teguh hadir. Rapat mulai.', ['Sdr. Benny, Sdri. Nur, Hj. Suryani dan Prof. Teguh hadir.', 'Rapat mulai.']],
    ['degrees with inner dots', 'Narasumber: Nur Aisyah, S.Sos. M.Si. Ia pekerja sosial.', ['Narasumber: Nur Aisyah, S.Sos. M.Si. Ia pekerja sosial.']],
    ['a.n. and u.p.', 'Transfer a.n. Koperasi Maju u.p. Bendahara. Sudah.', ['Transfer a.n. Koperasi Maju u.p. Bendahara.', 'Sudah.']],
    ['dll. dsb. dst. before lower case', 'Ada beras, minyak, dll. yang dibagi. Selesai.', ['Ada beras, minyak, dll. yang dibagi.', 'Selesai.']],
    ['a single capital initial', 'Kantornya di Jalan A. Yani. Dekat pasar.', ['Kantornya di Jalan A. Yani.', 'Dekat pasar.']],
    ['H. as a title', 'Ketua RT, H. Sudarto, setuju. Kami lanjut.', ['Ketua RT, H. Sudarto, setuju.', 'Kami lanjut.']],
    ['Pak. as a title', 'Saya ketemu Pak. Sudarto kemarin.', ['Saya ketemu Pak. Sudarto kemarin.']],
    ['Pak. after a comma is someone being addressed', 'Iya, Pak. Saya sudah daftar. Betul, Bu. Sudah lama.', ['Iya, Pak.', 'Saya sudah daftar.', 'Betul, Bu.', 'Sudah lama.']],
    ['a blank line always ends a sentence', 'Catatan lapangan hari pertama\n\nlokasi pasar', ['Catatan lapangan hari pertama', 'lokasi pasar']],
    ['a blank line holding spaces', 'satu\n  \t\ndua', ['satu', 'dua']],
    ['a single line break is a space', 'Saya datang\nke kantor BPJS. Ramai\nsekali.', ['Saya datang\nke kantor BPJS.', 'Ramai\nsekali.']],
    ['CRLF blank lines', 'satu\r\n\r\ndua\r\ntiga', ['satu', 'dua\r\ntiga']],
    ['a numbered list at line starts', 'Langkahnya:\n1. Daftar online.\n2. Bayar iuran.', ['Langkahnya:\n1. Daftar online.', '2. Bayar iuran.']],
    ['a number answer mid-line is a sentence', 'Umurnya berapa? 45. Sudah tua.', ['Umurnya berapa?', '45.', 'Sudah tua.']],
    ['a web address is not an end, its final dot is', 'Buka bpjs.go.id. Gampang kok.', ['Buka bpjs.go.id.', 'Gampang kok.']],
    ['punctuation alone is not a sentence', '... Iya. Oke.', ['... Iya.', 'Oke.']],
    ['leading and trailing space is trimmed', '  \n Iya.  Oke.  \n\n ', ['Iya.', 'Oke.']],
    ['empty and blank text', '   \n\n ', []],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe('splitSentences on English', () => {
  it.each([
    ['plain', 'We met at the market. She sells vegetables.', ['We met at the market.', 'She sells vegetables.']],
    ['Mr. Mrs. Ms. St.', 'Mr. Lubis and Mrs. Harahap live on St. Thomas Road. Ms. Nasution does not.', ['Mr. Lubis and Mrs. Harahap live on St. Thomas Road.', 'Ms. Nasution does not.']],
    ['e.g. i.e. etc. vs. approx.', 'Costs, e.g. Fees, i.e. Monthly ones, vs. Approx. Ten others, etc. Are high. Yes.', ['Costs, e.g. Fees, i.e. Monthly ones, vs. Approx. Ten others, etc. Are high.', 'Yes.']],
    ['"no." ends a sentence, "No." is a number', 'She said no. Then No. 4 came. Fine.', ['She said no.', 'Then No. 4 came.', 'Fine.']],
    ['a time and a decimal', 'It started at 10.30 and cost 2.5 dollars. Late!', ['It started at 10.30 and cost 2.5 dollars.', 'Late!']],
    ['quoted speech', '"Why not?" she asked. "Because."', ['"Why not?" she asked.', '"Because."']],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

describe('splitSentences with emoji and other scripts', () => {
  it.each([
    ['an emoji after the end belongs to that sentence', 'Senang sekali! 😀 Terima kasih.', ['Senang sekali! 😀', 'Terima kasih.']],
    ['several emoji with skin tones and ZWJ', 'Bagus. 👍🏽👨‍👩‍👧 Lanjut.', ['Bagus. 👍🏽👨‍👩‍👧', 'Lanjut.']],
    ['an emoji before the end', 'Iya 😀. Oke.', ['Iya 😀.', 'Oke.']],
    ['an emoji followed by lower case', 'Mantap. 😀 terus gimana', ['Mantap. 😀 terus gimana']],
    ['accented capitals start sentences', 'Ça va. Élodie datang.', ['Ça va.', 'Élodie datang.']],
    ['no-break space counts as space', 'Iya.\u00a0Oke.', ['Iya.', 'Oke.']],
  ])('%s', (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});

/** The invariants every caller relies on. */
function checkRanges(text: string, ranges: SentenceRange[]): void {
  const covered = new Uint8Array(text.length);
  let previousEnd = 0;
  for (const { start, end } of ranges) {
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(/\s/.test(text[start]!)).toBe(false);
    expect(/\s/.test(text[end - 1]!)).toBe(false);
    covered.fill(1, start, end);
    previousEnd = end;
  }
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) expect(covered[i], `index ${i} of ${JSON.stringify(text)}`).toBe(1);
}

const trickyPiece = fc.constantFrom(
  'a', 'B', 'é', 'Ö', ' ', '  ', '\n', '\n\n', '\r\n', '\r', '\t', '\u00a0', '\u2029', '.', '...', '!', '?', '…', '?!',
  '"', '“', '”', "'", '’', '(', ')', '[', ']', '😀', '👍🏽', '\u200d', '1', '42', 'Pak', 'dr', 'No', 'A', 'S.Sos', ',', 'e.g',
);
const trickyText = fc.array(trickyPiece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('splitSentences properties', () => {
  it('ranges are ordered, disjoint, trimmed and cover every non-space character', () => {
    fc.assert(
      fc.property(fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 80 })), (text) => {
        checkRanges(text, splitSentences(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('a sentence on its own is one sentence', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        for (const { start, end } of splitSentences(text)) {
          const sentence = text.slice(start, end);
          expect(splitSentences(sentence)).toEqual([{ start: 0, end: sentence.length }]);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Intl.Segmenter on plain generated sentences', () => {
    // Words that are abbreviations (or single-letter initials) are split differently on purpose.
    const notAbbreviations = new Set(['sdri', 'prof', 'approx']);
    const word = fc
      .string({ unit: fc.constantFrom(...'abcdefghijklmnoprstuwy'), minLength: 4, maxLength: 9 })
      .filter((w) => !notAbbreviations.has(w));
    const sentence = fc
      .tuple(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom('.', '!', '?'))
      .map(([words, end]) => {
        const text = words.join(' ') + end;
        return text[0]!.toUpperCase() + text.slice(1);
      });
    const segmenter = new Intl.Segmenter('id', { granularity: 'sentence' });
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (sentences) => {
        const text = sentences.join(' ');
        const expected = [...segmenter.segment(text)].map((s) => s.segment.trim());
        expect(sentencesOf(text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
