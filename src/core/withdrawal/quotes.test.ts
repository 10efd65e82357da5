import { describe, expect, it } from 'vitest';
import { QuoteFinder, WITHDRAWN_MARK } from './quotes.js';

describe('QuoteFinder', () => {
  const finder = new QuoteFinder(['KK-ku masih alamat Tebing Tinggi, NIK-ku nggak padan katanya.', 'Saya takut sekali.', 'Iya.']);

  it('replaces a run of five or more of their words, whatever the case and punctuation', () => {
    const { text, quotes } = finder.scrub('Dia bilang "kk-ku MASIH alamat tebing tinggi nik-ku" lalu diam.');
    expect(text).toBe(`Dia bilang "${WITHDRAWN_MARK}" lalu diam.`);
    expect(quotes).toBe(1);
  });

  it('replaces a short sentence of theirs only whole, and leaves shorter everyday words', () => {
    expect(finder.scrub('Catatan: saya takut sekali, katanya.').text).toBe(`Catatan: ${WITHDRAWN_MARK}, katanya.`);
    expect(finder.scrub('Saya takut. Iya. Alamat Tebing Tinggi.')).toEqual({ text: 'Saya takut. Iya. Alamat Tebing Tinggi.', quotes: 0 });
  });

  it('keeps two quotes in a list two, so a codebook stays valid YAML', () => {
    expect(finder.scrub('examples: ["Saya takut sekali.", "KK-ku masih alamat Tebing Tinggi"]').text).toBe(`examples: ["${WITHDRAWN_MARK}.", "${WITHDRAWN_MARK}"]`);
    expect(finder.scrub('Saya takut sekali. KK-ku masih alamat Tebing Tinggi.').text).toBe(`${WITHDRAWN_MARK}.`);
  });

  it('finds nothing to look for in passages too short to quote', () => {
    expect(new QuoteFinder(['Iya.', 'Nggak tau.']).empty).toBe(true);
  });
});
