import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import type { Codebook, CodeDef, CodePatterns, PatternTerm } from '../codebook/types.js';
import { compileCoder, createAutoSpans, type AutoCoder } from './auto-coder.js';
import { createStemmers } from './stemmers.js';

/** Terms as a codebook author writes them: `word`, `"exact phrase"`, `prefix*`. */
const term = (written: string): PatternTerm =>
  written.startsWith('"')
    ? { text: written.slice(1, -1), kind: 'exact' }
    : written.endsWith('*')
      ? { text: written.slice(0, -1), kind: 'prefix' }
      : { text: written, kind: 'stem' };

interface PatternSpec {
  id?: string[];
  en?: string[];
  all?: string[][];
  near?: { terms: string[]; within: number }[];
  not?: string[];
  regex?: string[];
  fireWhenNegated?: boolean;
}

function patternsOf(spec: PatternSpec): CodePatterns {
  return {
    any: { ...(spec.id && { id: spec.id.map(term) }), ...(spec.en && { en: spec.en.map(term) }) },
    all: (spec.all ?? []).map((group) => group.map(term)),
    near: (spec.near ?? []).map((n) => ({ terms: n.terms.map(term), within: n.within })),
    not: (spec.not ?? []).map(term),
    regex: (spec.regex ?? []).map((source) => ({ source, flags: 'i' })),
    fireWhenNegated: spec.fireWhenNegated ?? false,
  };
}

function codeDef(id: string, spec: PatternSpec = {}): CodeDef {
  const slash = id.lastIndexOf('/');
  return {
    id,
    parent: slash < 0 ? null : id.slice(0, slash),
    label: { en: id },
    definition: `Test code ${id}.`,
    whenToUse: null,
    whenNotToUse: null,
    examples: [],
    counterexamples: [],
    patterns: patternsOf(spec),
    required: false,
    contrasts: [],
  };
}

const DEFAULT_NEGATION = {
  id: ['tidak', 'tak', 'nggak', 'ngga', 'gak', 'enggak', 'engga', 'kagak', 'belum', 'bukan', 'jangan', 'tanpa', 'tiada'],
  en: ['not', 'no', 'never', "n't", 'without', 'nobody', 'none'],
};

function codebookOf(codes: CodeDef[], window = 3): Codebook {
  return {
    name: 'test',
    version: '1',
    languages: ['id', 'en'],
    authors: [],
    description: null,
    negation: { words: DEFAULT_NEGATION, window },
    codes,
  };
}

const stemmers = createStemmers();
const coderOf = (codes: CodeDef[], window = 3): AutoCoder => compileCoder(codebookOf(codes, window), stemmers);
const one = (spec: PatternSpec, window = 3): AutoCoder => coderOf([codeDef('c', spec)], window);

/** What fired, as [code, evidence text, terms]. */
function fired(coder: AutoCoder, text: string): [string, string, string[]][] {
  return coder.code(text).map((m) => [m.code, text.slice(m.start, m.end), m.terms]);
}
const fires = (coder: AutoCoder, text: string): boolean => coder.code(text).length > 0;

describe('any terms', () => {
  const coder = one({ id: ['daftar', 'paham manfaat', '"kartu peserta"', 'ikut*'], en: ['register', 'apply'] });

  it.each([
    ['an Indonesian stem', 'Saya sudah mendaftar kemarin.', 'mendaftar', ['daftar']],
    ['an Indonesian stem with a suffix and upper case', 'PENDAFTARANNYA lama sekali', 'PENDAFTARANNYA', ['daftar']],
    ['an English stem', 'She registered last year.', 'registered', ['register']],
    ['a two-word stem phrase', 'Mereka akhirnya memahami manfaatnya.', 'memahami manfaatnya', ['paham manfaat']],
    ['an exact phrase, any case', 'Kartu Peserta sudah di tangan.', 'Kartu Peserta', ['"kartu peserta"']],
    ['a prefix', 'Mau ikutan juga dia.', 'ikutan', ['ikut*']],
    ['code-mixed speech', 'udah apply lewat JMO', 'apply', ['apply']],
  ])('%s', (_name, text, evidence, terms) => {
    expect(fired(coder, text)).toEqual([['c', evidence, terms]]);
  });

  it.each([
    ['a phrase in the wrong order', 'manfaatnya baru dia pahami'],
    ['a phrase split by a comma', 'Dia memahami, manfaatnya belakangan.'],
    ['an exact phrase needs the surface words', 'kartunya peserta lain'],
    ['a prefix matches the surface, not the stem', 'Dia mengikuti arisan.'],
    ['nothing related', 'Hari ini hujan deras di Medan.'],
  ])('does not fire on %s', (_name, text) => {
    expect(fires(coder, text)).toBe(false);
  });

  it('matches Indonesian terms on Indonesian stems only, English terms on English stems only', () => {
    const idOnly = one({ id: ['apply'] });
    const enOnly = one({ en: ['apply'] });
    expect(fires(idOnly, 'She applied twice')).toBe(false); // Sastrawi leaves "applied" alone
    expect(fires(enOnly, 'She applied twice')).toBe(true); // Porter: applied → appli
    expect(fires(one({ en: ['daftar'] }), 'Saya mendaftar')).toBe(false);
  });

  it('colloquial forms need their own term or a prefix', () => {
    expect(fires(one({ id: ['daftar'] }), 'Udah saya daftarin kemarin')).toBe(false);
    expect(fired(one({ id: ['daftar*'] }), 'Udah saya daftarin kemarin')).toEqual([['c', 'daftarin', ['daftar*']]]);
  });

  it('fires once per unit with the earliest evidence and every term that fired', () => {
    expect(fired(coder, 'Saya apply dulu, lalu mendaftar, lalu daftar lagi.')).toEqual([['c', 'apply', ['apply', 'daftar']]]);
  });

  it('offsets are UTF-16 offsets into the unit, also after emoji and combining marks', () => {
    const text = '👍🏽 Sudah, bu\u0301 👩‍👩‍👧 mendaftar';
    const [match] = coder.code(text);
    expect(match).toBeDefined();
    expect(text.slice(match!.start, match!.end)).toBe('mendaftar');
    expect(match!.start).toBe(text.indexOf('mendaftar'));
  });
});

describe('negation', () => {
  const daftar = one({ id: ['daftar'] });
  const distrust = coderOf([codeDef('barrier/distrust', { id: ['takut', 'tipu'] })]);

  it.each([
    ['bukan karena tidak mau daftar', false],
    ['Saya tidak daftar', false],
    ['Nggak pernah daftar dia', false],
    ['tidak a b daftar', false], // the negation word 3 words before: inside the window
    ['tidak a b c daftar', true], // 4 words before: outside
    ['Tidak, saya sudah daftar.', true], // a comma ends the clause
    ['Tidak. Saya daftar.', true],
    ['Belum tahu; daftar minggu depan', true],
    ['Saya tidak\ndaftar', true], // a line break ends the clause too
    ['Saya daftar, tidak bayar', true], // negation after the match does not reach back
    ['tidak mau daftar, tapi akhirnya daftar juga', true], // a later plain occurrence still counts
  ])('%s → fires: %s', (text, expected) => {
    expect(fires(daftar, text)).toBe(expected);
  });

  it('a later un-negated occurrence is the evidence', () => {
    expect(fired(daftar, 'tidak mau daftar, tapi akhirnya daftar juga')).toEqual([['c', 'daftar', ['daftar']]]);
    const [match] = daftar.code('tidak mau daftar, tapi akhirnya daftar juga');
    expect(match!.start).toBe(32);
  });

  it('"Saya tidak pernah takut ditipu" does not fire distrust', () => {
    expect(fires(distrust, 'Saya tidak pernah takut ditipu')).toBe(false);
    expect(fired(distrust, 'Saya takut ditipu')).toEqual([['barrier/distrust', 'takut', ['takut', 'tipu']]]);
  });

  it("English negation, including n't with either apostrophe", () => {
    const register = one({ en: ['register'] });
    expect(fires(register, "I didn't register")).toBe(false);
    expect(fires(register, 'I didn’t register')).toBe(false);
    expect(fires(register, 'I never registered')).toBe(false);
    expect(fires(register, 'I registered, not him')).toBe(true);
  });

  it('fireWhenNegated keeps negated matches', () => {
    expect(fired(one({ id: ['daftar'], fireWhenNegated: true }), 'tidak mau daftar')).toEqual([['c', 'daftar', ['daftar']]]);
  });

  it('a window of 0 turns negation off', () => {
    expect(fires(one({ id: ['daftar'] }, 0), 'tidak daftar')).toBe(true);
  });

  it('a term that contains the negation word is not negated by itself', () => {
    expect(fired(one({ id: ['tidak percaya'] }), 'Saya tidak percaya petugas')).toEqual([['c', 'tidak percaya', ['tidak percaya']]]);
    expect(fires(one({ id: ['percaya'] }), 'Saya tidak percaya petugas')).toBe(false);
  });
});

describe('not terms', () => {
  const coder = one({ id: ['daftar'], not: ['BPJS Kesehatan', 'KIS', 'payment'] });

  it.each([
    ['mendaftar BPJS Kesehatan', false],
    ['Saya daftar, kartunya KIS', false],
    ['Saya daftar BPJS Ketenagakerjaan', true],
    ['Saya daftar, kesehatan saya baik', true], // one word of a two-word not-term is not enough
    ['Saya daftar, bukan BPJS Kesehatan', false], // not-terms cancel even when negated
    ['Saya daftar, payments are late', false], // not-terms match English stems too
  ])('%s → fires: %s', (text, expected) => {
    expect(fires(coder, text)).toBe(expected);
  });

  it('cancels only its own code', () => {
    const coder2 = coderOf([codeDef('a', { id: ['daftar'], not: ['KIS'] }), codeDef('b', { id: ['daftar'] })]);
    expect(fired(coder2, 'daftar KIS')).toEqual([['b', 'daftar', ['daftar']]]);
  });
});

describe('all groups', () => {
  const coder = one({ all: [['iuran', 'bayar', 'rutin']] });

  it('fires when every term is in the unit, in any order, with evidence from first to last', () => {
    expect(fired(coder, 'Iurannya saya bayar rutin tiap bulan.')).toEqual([['c', 'Iurannya saya bayar rutin', ['iuran', 'bayar', 'rutin']]]);
    expect(fired(coder, 'Rutin. Saya membayar. Iuran itu penting.')).toEqual([['c', 'Rutin. Saya membayar. Iuran', ['iuran', 'bayar', 'rutin']]]);
  });

  it('does not fire when a term is missing or negated', () => {
    expect(fires(coder, 'Iurannya saya bayar kalau ada uang.')).toBe(false);
    expect(fires(coder, 'Iurannya tidak saya bayar rutin.')).toBe(false);
  });

  it('matches all-terms in both languages', () => {
    expect(fires(one({ all: [['payment', 'iuran']] }), 'Payments iurannya telat')).toBe(true);
  });

  it('state does not leak from one unit to the next', () => {
    expect(fires(coder, 'iuran')).toBe(false);
    expect(fires(coder, 'bayar rutin')).toBe(false);
  });
});

describe('near patterns', () => {
  const within3 = one({ near: [{ terms: ['kartu', 'keluar'], within: 3 }] });

  it.each([
    ['kartu keluar', true],
    ['kartunya sudah lama keluar', true], // 3 words apart: within
    ['kartunya sudah lama sekali keluar', false], // 4 apart
    ['Keluar juga akhirnya kartunya', true], // either order
    ['kartu itu hilang, lalu baru keluar yang baru', false],
    ['kartu ... keluar', true], // punctuation is not a word
  ])('%s → fires: %s', (text, expected) => {
    expect(fires(within3, text)).toBe(expected);
  });

  it('finds the pair anywhere in a long unit, with evidence from the first to the last word', () => {
    const text = 'kartu a b c d e f g kartunya sudah keluar';
    expect(fired(within3, text)).toEqual([['c', 'kartunya sudah keluar', ['kartu', 'keluar']]]);
  });

  it('three terms must all fall in the window', () => {
    const coder = one({ near: [{ terms: ['kartu', 'keluar', 'lama'], within: 4 }] });
    expect(fires(coder, 'lama sekali kartu baru keluar')).toBe(true);
    expect(fires(coder, 'lama sekali x kartu baru keluar')).toBe(false);
  });

  it('negated occurrences do not count', () => {
    expect(fires(within3, 'kartunya belum keluar')).toBe(false);
  });

  it('names the terms of several near-patterns in pattern order, whatever order the unit names them in', () => {
    const coder = one({ near: [{ terms: ['kartu', 'keluar'], within: 2 }, { terms: ['iuran', 'bayar'], within: 2 }, { terms: ['kantor', 'cabang'], within: 2 }] });
    expect(fired(coder, 'kantor cabang tutup, iuran sudah bayar, kartu akhirnya keluar')).toEqual([['c', 'kantor cabang', ['kartu', 'keluar', 'iuran', 'bayar', 'kantor', 'cabang']]]);
  });

  it('forgets the near-patterns a unit touched before the next unit', () => {
    const coder = one({ near: [{ terms: ['kartu', 'keluar'], within: 2 }, { terms: ['iuran', 'bayar'], within: 2 }] });
    expect(fires(coder, 'kartu keluar')).toBe(true);
    expect(fires(coder, 'iuran saja')).toBe(false);
  });
});

describe('regex patterns', () => {
  const coder = one({ regex: ['\\bJMO\\b'] });

  it('tests the unit text case-insensitively', () => {
    expect(fired(coder, 'Daftar lewat jmo saja')).toEqual([['c', 'jmo', ['/\\bJMO\\b/']]]);
    expect(fires(coder, 'JMOX bukan')).toBe(false);
  });

  it('skips a negated match and takes a later one', () => {
    expect(fires(coder, 'tidak pakai JMO')).toBe(false);
    const text = 'tidak pakai JMO. Sekarang JMO jalan.';
    const [match] = coder.code(text);
    expect(match!.start).toBe(text.lastIndexOf('JMO'));
  });

  it('combines with terms: code-mixed "udah apply lewat JMO"', () => {
    const broker = coderOf([codeDef('role/broker', { id: ['daftar', 'daftar*'], en: ['apply', 'register'], regex: ['\\bJMO\\b'] })]);
    expect(fired(broker, 'udah apply lewat JMO')).toEqual([['role/broker', 'apply', ['apply', '/\\bJMO\\b/']]]);
  });
});

describe('codes', () => {
  it('parents without patterns are not auto-coded; results come in codebook order', () => {
    const coder = coderOf([
      codeDef('role'),
      codeDef('role/educator', { id: ['jelas', 'sosialisasi'] }),
      codeDef('role/broker', { id: ['daftar'] }),
    ]);
    expect(fired(coder, 'Saya daftar setelah dia menjelaskan')).toEqual([
      ['role/educator', 'menjelaskan', ['jelas']],
      ['role/broker', 'daftar', ['daftar']],
    ]);
  });

  it('the earliest evidence wins across pattern kinds', () => {
    const coder = one({ id: ['klaim'], all: [['iuran', 'bayar']] });
    expect(fired(coder, 'Iuran dibayar, lalu klaim')).toEqual([['c', 'Iuran dibayar', ['klaim', 'iuran', 'bayar']]]);
  });

  it('refuses a term without words', () => {
    expect(() => one({ id: ['!!!'] })).toThrow(InputError);
  });
});

describe('code() on arbitrary text', () => {
  const codes = [
    codeDef('a', { id: ['daftar', 'kartu peserta', '"e-KTP"', 'ibu*'], en: ["don't", 'register'], not: ['KIS'] }),
    codeDef('b', { all: [['iuran', 'bayar']], near: [{ terms: ['kartu', 'keluar'], within: 2 }], regex: ['\\bJMO\\b', 'x*'] }),
    codeDef('c', { en: ['trust'], fireWhenNegated: true }),
  ];
  const coder = coderOf(codes);
  const word = fc.constantFrom('daftar', 'Mendaftar', 'kartu', 'peserta', 'e-KTP', 'ibu-ibu', 'iuran', 'bayar', 'keluar', 'JMO', 'KIS', 'tidak', "don't", 'trust', 'register', '👍🏽', 'İ', 'é');
  const gap = fc.constantFrom(' ', ', ', '. ', '\n', '', '-', '\u0301');
  const text = fc.oneof(
    fc.array(fc.tuple(word, gap), { maxLength: 30 }).map((parts) => parts.map(([w, g]) => w + g).join('')),
    fc.string({ unit: 'binary', maxLength: 80 }),
  );

  it('never throws, and every span lies inside the text and has terms', () => {
    fc.assert(
      fc.property(text, (t) => {
        const codes = new Set<string>();
        for (const m of coder.code(t)) {
          expect(codes.has(m.code)).toBe(false);
          codes.add(m.code);
          expect(0 <= m.start && m.start < m.end && m.end <= t.length).toBe(true);
          expect(m.terms.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('codeSpans finds in a range of a longer text what code() finds in the slice, at offsets into the text', () => {
    const spans = createAutoSpans(1);
    fc.assert(
      fc.property(text, text, text, (before, t, after) => {
        const whole = before + t + after;
        coder.codeSpans(whole, before.length, before.length + t.length, spans);
        const found = Array.from({ length: spans.count }, (_, k) => ({ code: coder.codeIds[spans.codes[k]!], start: spans.starts[k]! - before.length, end: spans.ends[k]! - before.length }));
        expect(found).toEqual(coder.code(t).map((m) => ({ code: m.code, start: m.start, end: m.end })));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same answer for a unit whatever came before it', () => {
    fc.assert(
      fc.property(text, text, (before, t) => {
        const expected = coderOf(codes).code(t);
        coder.code(before);
        expect(coder.code(t)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
