import { describe, expect, it } from 'vitest';
import { createStemmers } from '../coding/stemmers.js';
import { compileSearch, type SearchMode } from './compile-search.js';
import { parseSearchWords } from './parse-search.js';
import { SearchKeys } from './search-keys.js';

const stemmers = createStemmers();
const keys = new SearchKeys(stemmers);
const STEMS: SearchMode = { exact: false, any: false, languages: ['id', 'en'] };

const compile = (args: string[], mode: Partial<SearchMode> = {}) => compileSearch(parseSearchWords(args), { ...STEMS, ...mode }, stemmers);
/** The words `args` highlights in `text`. */
const found = (text: string, args: string[], mode: Partial<SearchMode> = {}): string[] => compile(args, mode).find(text, keys).map((r) => text.slice(r.start, r.end));

describe('compileSearch: the FTS5 expression', () => {
  it('looks a word up by its stem in each language of the project', () => {
    expect(compile(['pendaftaran']).expression).toBe('(stems_id : "daftar" OR stems_en : "pendaftaran")');
    expect(compile(['pendaftaran'], { languages: ['id'] }).expression).toBe('stems_id : "daftar"');
    expect(compile(['registered'], { languages: ['en'] }).expression).toBe('stems_en : "regist"');
  });

  it('takes every term (AND), or one of them with any', () => {
    expect(compile(['daftar', 'kartu keluarga'], { languages: ['id'] }).expression).toBe('stems_id : "daftar" AND stems_id : "kartu keluarga"');
    expect(compile(['daftar', 'iuran'], { languages: ['id'], any: true }).expression).toBe('stems_id : "daftar" OR stems_id : "iur"');
  });

  it('compares surface words with exact, and prefixes always', () => {
    expect(compile(['Pendaftaran', '"Kartu Keluarga"'], { exact: true }).expression).toBe('words : "pendaftaran" AND words : "kartu keluarga"');
    expect(compile(['daft*']).expression).toBe('words : "daft" *');
  });

  it('writes every key as a quoted FTS5 string, whatever the input held', () => {
    const expression = compile(['AND', 'OR', 'NOT', 'NEAR(x', 'y)', 'words:daftar', '-iuran', "don't"], { languages: ['id'] }).expression;
    expect(expression).toBe('stems_id : "and" AND stems_id : "or" AND stems_id : "not" AND stems_id : "near x" AND stems_id : "y" AND stems_id : "words daftar" AND stems_id : "iur" AND stems_id : "don\'t"');
  });

  it('folds diacritics in surface words and before stemming', () => {
    expect(compile(['CAFÉ'], { exact: true }).expression).toBe('words : "cafe"');
    expect(compile(['cafe\u0301'], { exact: true }).expression).toBe('words : "cafe"');
  });
});

describe('compileSearch: what it highlights', () => {
  const text = 'Saya mendaftar tahun lalu. Pendaftaran di pojok, lalu didaftarkan lagi; Daftar baru keluar.';

  it('finds every form of the stem, as the auto-coder does', () => {
    expect(found(text, ['daftar'])).toEqual(['mendaftar', 'Pendaftaran', 'didaftarkan', 'Daftar']);
  });

  it('finds the word as written with exact (case aside)', () => {
    expect(found(text, ['daftar'], { exact: true })).toEqual(['Daftar']);
  });

  it('finds the start of surface words with a prefix', () => {
    expect(found('daftarnya, mendaftar, Daftar', ['daft*'])).toEqual(['daftarnya', 'Daftar']);
  });

  it('finds a phrase only where its words stand together', () => {
    expect(found('Bawa Kartu Keluarga. Kartu lama, keluarga baru. kartu, keluarga', ['kartu keluarga'])).toEqual(['Kartu Keluarga', 'kartu, keluarga']);
    // Stems count inside phrases too: keluarganya has the stem keluarga.
    expect(found('kartu keluarganya hilang', ['kartu keluarga'])).toEqual(['kartu keluarganya']);
  });

  it('finds each term wherever it stands', () => {
    expect(found('Iuran naik, saya tidak daftar, iurannya mahal', ['daftar', 'iuran'])).toEqual(['Iuran', 'daftar', 'iurannya']);
  });

  it('ignores case and diacritics in both modes', () => {
    expect(found('Café, CAFE and cafe\u0301', ['cafe'], { exact: true })).toEqual(['Café', 'CAFE', 'cafe\u0301']);
    expect(found('Café, CAFE and cafe\u0301', ['CAFÉ'])).toEqual(['Café', 'CAFE', 'cafe\u0301']);
  });

  it('gives UTF-16 offsets around emoji and combining marks', () => {
    const emoji = '👍🏽 daftar 👩‍👩‍👧 sudah cafe\u0301 daftar';
    const ranges = compile(['daftar']).find(emoji, keys);
    expect(ranges.map((r) => emoji.slice(r.start, r.end))).toEqual(['daftar', 'daftar']);
    expect(ranges[0]!.start).toBe(5);
  });
});
