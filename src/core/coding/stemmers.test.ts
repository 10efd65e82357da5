import indonesianStemmer from 'natural/lib/natural/stemmers/indonesian/stemmer_id.js';
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it, vi } from 'vitest';
import { createStemmers } from './stemmers.js';

const stemmers = createStemmers();

describe('Indonesian stemmer (Sastrawi via natural)', () => {
  it.each([
    ['mendaftar', 'daftar'],
    ['pendaftaran', 'daftar'],
    ['didaftarkan', 'daftar'],
    ['terdaftar', 'daftar'],
    ['daftarnya', 'daftar'],
    ['penjelasan', 'jelas'],
    ['menjelaskan', 'jelas'],
    ['dijelaskan', 'jelas'],
    ['membayar', 'bayar'],
    ['pembayaran', 'bayar'],
    ['kepercayaan', 'percaya'],
    ['ditipu', 'tipu'],
    ['penipuan', 'tipu'],
    ['pekerja', 'kerja'],
    ['memahami', 'paham'],
    ['kartunya', 'kartu'],
    ['mengedukasi', 'edukasi'],
    // reduplication: both halves stem alike
    ['ibu-ibu', 'ibu'],
    // the root "iur" is in the dictionary, so iuran and iurannya meet there, not at "iuran"
    ['iuran', 'iur'],
    ['iurannya', 'iur'],
  ])('%s → %s', (word, stem) => {
    expect(stemmers.id(word)).toBe(stem);
  });

  // Colloquial Jakarta/Medan forms are not in Sastrawi's dictionary and pass through unchanged, so a
  // codebook must list them (nggak, udah) or use a prefix (daftar* catches daftarin).
  it.each([
    ['nggak', 'nggak'],
    ['udah', 'udah'],
    ['daftarin', 'daftarin'],
    ['dijelasin', 'dijelasin'],
    ['ngedaftar', 'ngedaftar'],
    ['bayarin', 'bayarin'],
  ])('colloquial %s stays %s', (word, stem) => {
    expect(stemmers.id(word)).toBe(stem);
  });

  it('leaves unknown words, names and acronyms alone', () => {
    expect(['bpjs', 'jmo', 'e-ktp', 'apply', '16.800'].map(stemmers.id)).toEqual(['bpjs', 'jmo', 'e-ktp', 'apply', '16.800']);
  });
});

describe('English stemmer (Porter)', () => {
  it.each([
    ['registered', 'regist'],
    ['register', 'regist'],
    ['registering', 'regist'],
    // Porter strips -ation further than -ed: "registration" does not meet "registered"
    ['registration', 'registr'],
    ['explained', 'explain'],
    ['explaining', 'explain'],
    ['trusted', 'trust'],
    ['payments', 'payment'],
    ['apply', 'appli'],
    ['applied', 'appli'],
    ['workers', 'worker'],
    ['cards', 'card'],
  ])('%s → %s', (word, stem) => {
    expect(stemmers.en(word)).toBe(stem);
  });
});

describe('createStemmers', () => {
  it('stems each word form once per stemmer set', () => {
    const idSpy = vi.spyOn(indonesianStemmer, 'stem');
    const enSpy = vi.spyOn(porterStemmer, 'stem');
    const own = createStemmers();
    for (let k = 0; k < 3; k++) {
      expect(own.id('pendaftaran')).toBe('daftar');
      expect(own.en('registered')).toBe('regist');
    }
    expect(idSpy).toHaveBeenCalledTimes(1);
    expect(enSpy).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });
});
