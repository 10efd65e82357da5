import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { compilePseudonymizer, type PseudonymEntry } from './pseudonymize.js';

// The sample study's map (samples/bpjs-medan/pseudonyms.csv), plus names that exercise diacritics and apostrophes.
const MAP: PseudonymEntry[] = [
  { realName: 'Siti Aminah Lubis', pseudonym: 'Sumiati', variants: ['Siti Aminah', 'Siti'] },
  { realName: 'Sudarto Wibowo', pseudonym: 'Darto', variants: ['Sudarto'] },
  { realName: 'Rizky Pratama Nasution', pseudonym: 'Rudi', variants: ['Rizky'] },
  { realName: 'Hotman Sitorus', pseudonym: 'Tigor', variants: ['Hotman'] },
  { realName: 'Nur Aisyah Harahap', pseudonym: 'Rahmawati', variants: ['Aisyah'] },
  { realName: 'Benny Simanjuntak', pseudonym: 'Bonar', variants: ['Benny'] },
  { realName: 'Pak Teguh Santoso', pseudonym: 'Joko', variants: ['Pak Teguh'] },
  { realName: 'José Hernández', pseudonym: 'Mateo', variants: ['José'] },
  { realName: "Ma'ruf Siregar", pseudonym: 'Amir', variants: ["Ma'ruf"] },
];
const pseudonymizer = compilePseudonymizer(MAP);
const replaced = (text: string): string => pseudonymizer.replace(text).text;

describe('compilePseudonymizer().replace', () => {
  it.each([
    ['a full name', 'Saya Siti Aminah Lubis.', 'Saya Sumiati.'],
    ['the full name before its first-name variant', 'Siti Aminah Lubis datang, lalu Siti duduk.', 'Sumiati datang, lalu Sumiati duduk.'],
    ['a two-word variant', 'Namanya Siti Aminah saja.', 'Namanya Sumiati saja.'],
    ['the longest form that ends at a word boundary', 'Siti Aminah Lubisan', 'Sumiati Lubisan'],
    ['in the case style of the match', 'Siti dan SITI dan Siti Aminah', 'Sumiati dan SUMIATI dan Sumiati'],
    ['a speaker label in capitals', 'SITI AMINAH (00:01:02): Iya, Pak.', 'SUMIATI (00:01:02): Iya, Pak.'],
    ['keeping Pak and Bu as written', 'Pak Sudarto dan Bu Siti, juga bapak Hotman.', 'Pak Darto dan Bu Sumiati, juga bapak Tigor.'],
    ['after English titles', 'Mr. Benny and Mrs Aisyah met Ms. Nur Aisyah Harahap.', 'Mr. Bonar and Mrs Rahmawati met Ms. Rahmawati.'],
    // The map wrote "Pak Teguh": that is replaced as written; the name alone is replaced where the text has another honorific.
    ['a map name that begins with an honorific', 'Kata Pak Teguh, Teguh Santoso sibuk. Mas Teguh juga.', 'Kata Joko, Joko sibuk. Mas Joko juga.'],
    ['not inside another word', 'Pak Sitinjak dan Bu Sitorus, bukan Siti.', 'Pak Sitinjak dan Bu Sitorus, bukan Sumiati.'],
    ['not when a digit touches the name', 'Siti2 dan 2Siti', 'Siti2 dan 2Siti'],
    ['a possessive', "Siti's stall, Siti’s too", "Sumiati's stall, Sumiati’s too"],
    ['a name with an Indonesian clitic, keeping the clitic', 'Sitinya, Siti-lah, Sitiku, Sitimu, Bennypun, Hotmankah', 'Sumiatinya, Sumiati-lah, Sumiatiku, Sumiatimu, Bonarpun, Tigorkah'],
    ['a name with two clitics, in capitals', 'SITINYALAH dan Sitikupun', 'SUMIATINYALAH dan Sumiatikupun'],
    ['not a name followed by other letters', 'Sitinyah, Sitikan, Bennyta', 'Sitinyah, Sitikan, Bennyta'],
    ['names with diacritics', 'José dan JOSÉ HERNÁNDEZ', 'Mateo dan MATEO'],
    ['an accented letter is a letter: no match inside "Josély"', 'Josély', 'Josély'],
    ['any apostrophe', 'Ma’ruf, Ma\'ruf dan Maʼruf Siregar', 'Amir, Amir dan Amir'],
    ['a name broken over lines', 'kata Siti\nAminah   Lubis kemarin', 'kata Sumiati kemarin'],
    ['next to emoji and punctuation', '😀Siti😀 (Benny) "Hotman"', '😀Sumiati😀 (Bonar) "Tigor"'],
    ['nothing to do', 'Tidak ada nama di sini.', 'Tidak ada nama di sini.'],
  ])('replaces %s', (_name, text, expected) => {
    expect(replaced(text)).toBe(expected);
  });

  it('counts replacements', () => {
    expect(pseudonymizer.replace('Siti Aminah Lubis, Siti, Benny, Sitinjak')).toEqual({
      text: 'Sumiati, Sumiati, Bonar, Sitinjak',
      count: 3,
    });
  });

  it('counts only what it replaced', () => {
    expect(pseudonymizer.replace('Siti, siti, bu siti')).toEqual({ text: 'Sumiati, siti, bu sumiati', count: 2 });
  });

  it('writes a pseudonym containing $ literally', () => {
    const p = compilePseudonymizer([{ realName: 'Budi', pseudonym: 'P$&1', variants: [] }]);
    expect(p.replace('Halo Budi.').text).toBe('Halo P$&1.');
  });

  it('matches names holding punctuation literally', () => {
    const p = compilePseudonymizer([{ realName: 'A.B. (Bob) Tan+', pseudonym: 'Ucok', variants: [] }]);
    expect(p.replace('kata A.B. (Bob) Tan+ dan AxBx (Bob) Tan').text).toBe('kata A.B. (Bob) Tan+ dan AxBx (Bob) Tan'.replace('A.B. (Bob) Tan+', 'Ucok'));
  });

  it('does nothing with an empty map', () => {
    expect(compilePseudonymizer([]).replace('Siti')).toEqual({ text: 'Siti', count: 0 });
  });
});

// Names that are also words: English given names and Indonesian ones (indah = beautiful, bunga = flower, putri = princess).
const WORDS = compilePseudonymizer([
  { realName: 'Will Turner', pseudonym: 'Sam', variants: ['Will'] },
  { realName: 'April Jones', pseudonym: 'May', variants: ['April'] },
  { realName: 'Hope Adams', pseudonym: 'Faith', variants: ['Hope'] },
  { realName: 'Joy Brown', pseudonym: 'Grace', variants: ['Joy'] },
  { realName: 'Indah Permata', pseudonym: 'Wulan', variants: ['Indah'] },
  { realName: 'Bunga Citra', pseudonym: 'Mawar', variants: ['Bunga'] },
  { realName: 'Putri Ayu', pseudonym: 'Dewi', variants: ['Putri'] },
]);

describe('names that are also common words', () => {
  it.each([
    ['English', 'Will said he will come in April. I hope Joy brings joy. WILL?', 'Sam said he will come in May. I hope Grace brings joy. SAM?'],
    ['Indonesian', 'Bunga membeli bunga. Rumah Indah indah sekali. PUTRI dan putri raja.', 'Mawar membeli bunga. Rumah Wulan indah sekali. DEWI dan putri raja.'],
    ['a lower-case name after an honorific', 'kata bu indah, mbak bunga dan pak will', 'kata bu wulan, mbak mawar dan pak sam'],
    ['a full name written in lower case but for one word', 'bunga Citra datang', 'Mawar datang'],
  ])('replaces only names written as names (%s)', (_name, text, expected) => {
    expect(WORDS.replace(text).text).toBe(expected);
  });

  it('replaces lower-case names too in file names and paths (anyCase)', () => {
    expect(WORDS.replace('interviews/w03-indah.txt', { anyCase: true }).text).toBe('interviews/w03-wulan.txt');
    expect(WORDS.replace('interviews/w03-indah.txt').text).toBe('interviews/w03-indah.txt');
    expect(pseudonymizer.replace('w01-siti', { anyCase: true })).toEqual({ text: 'w01-sumiati', count: 1 });
  });

  it('find marks lower-case occurrences as possible', () => {
    expect(WORDS.find('Bunga, bunga, bu bunga, BUNGA').map((m) => [m.matched, m.possible])).toEqual([
      ['Bunga', false],
      ['bunga', true],
      ['bunga', false],
      ['BUNGA', false],
    ]);
  });
});

describe('honorifics in the map and in the text', () => {
  const titled = compilePseudonymizer([
    { realName: 'Dr. Lin Wei', pseudonym: 'Dr. Chen', variants: [] },
    { realName: 'Pak Sudarto', pseudonym: 'Pak Darto', variants: [] },
    { realName: 'Teh Siew Ling', pseudonym: 'Mei', variants: [] },
    { realName: 'Ani Rahayu', pseudonym: 'Bu Nani', variants: ['Ani'] },
  ]);
  it.each([
    ['English, as the map writes it', 'Dr. Lin Wei said so.', 'Dr. Chen said so.'],
    ['English, another title', 'Prof. Lin Wei and Mr Lin Wei', 'Prof. Chen and Mr Chen'],
    ['English, no title in the text', 'Lin Wei said so.', 'Dr. Chen said so.'],
    ['English, in capitals', 'DR. LIN WEI:', 'DR. CHEN:'],
    ['Indonesian, as the map writes it', 'Pak Sudarto bilang begitu.', 'Pak Darto bilang begitu.'],
    ['Indonesian, another honorific', 'Bapak Sudarto dan Mas Sudarto', 'Bapak Darto dan Mas Darto'],
    ['Indonesian, two honorifics', 'Ibu Hj. Ani datang', 'Ibu Hj. Nani datang'],
    ['Indonesian, no honorific in the text', 'Sudarto dan Ani', 'Pak Darto dan Bu Nani'],
    ['Indonesian, an honorific glued by its dot', 'Bu.Ani', 'Bu.Nani'],
    ['a surname that looks like an honorific is replaced with the name', 'Teh Siew Ling pulang; Siew Ling juga.', 'Mei pulang; Mei juga.'],
    ['a word ending like an honorific is not one', 'Kabupaten Ani', 'Kabupaten Bu Nani'],
  ])('never doubles an honorific (%s)', (_name, text, expected) => {
    expect(titled.replace(text).text).toBe(expected);
  });
});

describe('compilePseudonymizer().find', () => {
  it('gives UTF-16 offsets, the real name and the text as written', () => {
    const text = 'Bu SITI bilang 😀 Siti Aminah Lubis dan Benny.';
    const found = pseudonymizer.find(text);
    expect(found).toEqual([
      { start: 3, end: 7, realName: 'Siti Aminah Lubis', matched: 'SITI', possible: false },
      { start: 18, end: 35, realName: 'Siti Aminah Lubis', matched: 'Siti Aminah Lubis', possible: false },
      { start: 40, end: 45, realName: 'Benny Simanjuntak', matched: 'Benny', possible: false },
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.matched);
  });

  it('can be called again on another text', () => {
    expect(pseudonymizer.find('Hotman').length).toBe(1);
    expect(pseudonymizer.find('Hotman Sitorus').length).toBe(1);
  });
});

describe('compilePseudonymizer validation', () => {
  it('refuses a name form shared by two people', () => {
    expect(() =>
      compilePseudonymizer([
        { realName: 'Siti Aminah', pseudonym: 'A1', variants: ['Siti'] },
        { realName: 'Siti Rahma', pseudonym: 'B1', variants: ['siti'] },
      ]),
    ).toThrow(InputError);
    expect(() =>
      compilePseudonymizer([
        { realName: 'Siti Aminah', pseudonym: 'A1', variants: ['Siti'] },
        { realName: 'Siti', pseudonym: 'B1', variants: [] },
      ]),
    ).toThrow(/"Siti" is a name form of both "Siti Aminah" and "Siti"/);
  });

  it('refuses a one-letter variant', () => {
    expect(() => compilePseudonymizer([{ realName: 'Ahmad Yani', pseudonym: 'Ucok', variants: ['A'] }])).toThrow(/too short/);
  });

  it('ignores empty variants and a variant equal to the real name', () => {
    const p = compilePseudonymizer([{ realName: 'Teguh Santoso', pseudonym: 'Joko', variants: ['', '  ', 'teguh santoso'] }]);
    expect(p.replace('Teguh Santoso').text).toBe('Joko');
  });
});

describe('compilePseudonymizer properties', () => {
  const filler = fc.constantFrom(' ', '. ', ', ', '\n', 'dan', 'Sitinjak', 'pak', 'Bu ', '😀', 'é', "'s", '2', 'x', 'nya', 'lah', 'ku', '-');
  const name = fc.constantFrom(
    'Siti', 'SITI', 'Siti Aminah Lubis', 'siti aminah', 'Benny', 'Hotman Sitorus', 'hOTMAN', 'José', 'JOSÉ HERNÁNDEZ',
    'Ma’ruf', "ma'ruf siregar", 'Pak Teguh', 'Teguh  Santoso', 'Aisyah', 'nur aisyah\nharahap',
  );
  const text = fc.array(fc.oneof(filler, name), { maxLength: 25 }).map((parts) => parts.join(''));

  it('leaves no real name behind, and counts what find sees', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { text: out, count } = pseudonymizer.replace(t);
        expect(pseudonymizer.find(out).filter((m) => !m.possible)).toEqual([]);
        expect(count).toBe(pseudonymizer.find(t).filter((m) => !m.possible).length);
        const anyCase = pseudonymizer.replace(t, { anyCase: true });
        expect(pseudonymizer.find(anyCase.text)).toEqual([]);
        expect(anyCase.count).toBe(pseudonymizer.find(t).length);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds what one combined case-insensitive RegExp finds', () => {
    // The obvious implementation, too slow for 100 MB but a good oracle.
    const forms = MAP.flatMap((e) => [e.realName, ...e.variants].flatMap((f) => [{ f, e }, { f: f.replace(/^Pak /, ''), e }]));
    forms.sort((a, b) => b.f.length - a.f.length);
    const escape = (f: string) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’‘ʼ`]").replace(/ /g, '\\s+');
    const clitics = '(?:nya|ku|mu)?(?:lah|kah|pun|tah)?';
    const oracle = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${forms.map(({ f }) => escape(f)).join('|')})(?=${clitics}(?![\\p{L}\\p{N}\\p{M}]))`, 'giu');
    fc.assert(
      fc.property(text, (t) => {
        const expected = [...t.matchAll(oracle)].map((m) => ({ start: m.index, end: m.index + m[0].length, matched: m[0] }));
        expect(pseudonymizer.find(t).map(({ start, end, matched }) => ({ start, end, matched }))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('find returns ordered, disjoint ranges that hold what they say', () => {
    fc.assert(
      fc.property(text, (t) => {
        let previousEnd = 0;
        for (const f of pseudonymizer.find(t)) {
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          expect(t.slice(f.start, f.end)).toBe(f.matched);
          previousEnd = f.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
