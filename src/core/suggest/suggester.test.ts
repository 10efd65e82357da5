import { describe, expect, it } from 'vitest';
import { createStemmers } from '../coding/stemmers.js';
import { extractFeatures } from './features.js';
import { countSupport, labelOf, MIN_UNITS_PER_CLASS, scoreCodes, selectTrainableCodes, trainSuggester, type LabelledUnit } from './suggester.js';

const stemmers = createStemmers();

/** Sentences on three topics, coded as a researcher would, plus two units judged to need no code. */
const CODED: [string, string[]][] = [
  ['Penghasilan saya nggak tentu, kadang ada kadang tidak.', ['barrier/economic']],
  ['Iuran bulanan terasa mahal buat kami.', ['barrier/economic']],
  ['Bulan lalu saya nunggak karena uang habis.', ['barrier/economic']],
  ['Uang dagangan habis buat makan anak.', ['barrier/economic']],
  ['Kalau pendapatan turun, iuran tidak terbayar.', ['barrier/economic']],
  ['Harga naik terus, uang untuk iuran kurang.', ['barrier/economic']],
  ['KTP saya hilang waktu banjir.', ['barrier/documentation']],
  ['Alamat di KK beda dengan alamat tinggal sekarang.', ['barrier/documentation']],
  ['NIK saya tidak terbaca di sistem.', ['barrier/documentation']],
  ['Tanpa KTP domisili, pendaftaran ditolak.', ['barrier/documentation']],
  ['Surat keterangan dari kelurahan belum keluar.', ['barrier/documentation']],
  ['KK masih ikut orang tua di kampung.', ['barrier/documentation']],
  ['Dia bawa leaflet bergambar yang gampang dipahami.', ['strategy/tailored-education']],
  ['Ada poster besar dengan gambar orang jatuh.', ['strategy/tailored-education']],
  ['Dia putar video pendek tentang klaim kecelakaan.', ['strategy/tailored-education']],
  ['Bahasanya sederhana, pakai contoh dari pasar.', ['strategy/tailored-education']],
  ['Gambarnya bikin kami langsung ngerti.', ['strategy/tailored-education']],
  ['Leaflet dengan gambar itu ditempel di warung, uangnya dari iuran kas.', ['strategy/tailored-education', 'barrier/economic']],
  ['Cuaca hari ini cerah sekali.', []],
  ['Saya biasa berangkat jam lima pagi.', []],
];

/** The coded sentences as labelled units. */
function codedUnits(): LabelledUnit[] {
  return CODED.map(([text, codes]) => ({ features: extractFeatures(text, stemmers), codes: new Set(codes) }));
}

const CODES = ['barrier/economic', 'barrier/documentation', 'strategy/tailored-education'];

describe('labelOf and countSupport', () => {
  const unit = (codes: string[], extra: Partial<LabelledUnit> = {}): LabelledUnit => ({ features: [], codes: new Set(codes), ...extra });

  it('counts a judged unit as a negative of every code it lacks, a rejection only for its code', () => {
    expect(labelOf(unit(['a']), 'a')).toBe(true);
    expect(labelOf(unit(['a']), 'b')).toBe(false);
    expect(labelOf(unit([]), 'b')).toBe(false);
    const rejectedOnly = unit([], { judged: false, rejected: new Set(['b']) });
    expect(labelOf(rejectedOnly, 'b')).toBe(false);
    expect(labelOf(rejectedOnly, 'a')).toBeUndefined();
    // One coder's code beats another's rejection.
    expect(labelOf(unit(['b'], { rejected: new Set(['b']) }), 'b')).toBe(true);
  });

  it('counts positives and negatives per code, in the order asked', () => {
    const units = [unit(['a']), unit(['a', 'b']), unit([]), unit([], { judged: false, rejected: new Set(['a']) })];
    expect(countSupport(units, ['b', 'a', 'c'])).toEqual([
      { code: 'b', positives: 1, negatives: 2 },
      { code: 'a', positives: 2, negatives: 2 },
      { code: 'c', positives: 0, negatives: 3 },
    ]);
  });
});

describe('selectTrainableCodes', () => {
  it(`skips a code with fewer than ${MIN_UNITS_PER_CLASS} positives or negatives, saying why`, () => {
    const units = codedUnits();
    const few = units.slice(0, 8); // 6 economic, 2 documentation, no third code
    const { trainable, skipped } = selectTrainableCodes(few, ['barrier/economic', 'barrier/documentation']);
    expect(trainable).toEqual([]);
    expect(skipped).toEqual([
      { code: 'barrier/economic', positives: 6, negatives: 2, reason: 'needs at least 5 human-coded units without it to contrast with (has 2)' },
      { code: 'barrier/documentation', positives: 2, negatives: 6, reason: 'needs at least 5 coded units (has 2)' },
    ]);
    expect(selectTrainableCodes(units, CODES).trainable.map((t) => t.code)).toEqual(CODES);
  });
});

describe('trainSuggester and scoreCodes', () => {
  const units = codedUnits();
  const suggester = trainSuggester(units, CODES, { seed: 1 });
  const score = (text: string): Record<string, number> => Object.fromEntries(scoreCodes(suggester, extractFeatures(text, stemmers)).map((s) => [s.code, s.confidence]));

  it('ranks every training unit above every unit without the code', () => {
    for (const code of CODES) {
      const scores = units.map((u) => scoreCodes(suggester, u.features).find((s) => s.code === code)!.confidence);
      const positives = scores.filter((_, i) => units[i]!.codes.has(code));
      const negatives = scores.filter((_, i) => !units[i]!.codes.has(code));
      expect(Math.min(...positives)).toBeGreaterThan(Math.max(...negatives));
    }
  });

  it('gives an unseen sentence its topic, with confidences in [0, 1]', () => {
    const economic = score('Penghasilan turun, jadi iuran sering nunggak.');
    const documents = score('KTP dan KK saya beda alamat.');
    const pictures = score('Poster bergambar itu gampang dipahami.');
    expect(economic['barrier/economic']).toBeGreaterThan(0.6);
    expect(documents['barrier/documentation']).toBeGreaterThan(0.6);
    expect(pictures['strategy/tailored-education']).toBeGreaterThan(0.6);
    for (const scores of [economic, documents, pictures]) {
      for (const p of Object.values(scores)) expect(p >= 0 && p <= 1).toBe(true);
    }
    expect(economic['barrier/documentation']).toBeLessThan(0.5);
    expect(documents['barrier/economic']).toBeLessThan(0.5);
  });

  it('is deterministic: the same units and seed give the same models', () => {
    expect(trainSuggester(codedUnits(), CODES, { seed: 1 })).toEqual(suggester);
    const other = trainSuggester(codedUnits(), CODES, { seed: 2 });
    expect(other.models.get('barrier/economic')!.model.weights).not.toEqual(suggester.models.get('barrier/economic')!.model.weights);
  });

  it('learns a rejection as a negative of its code only', () => {
    const rejected: LabelledUnit = { features: extractFeatures('Uang habis buat beli gambar.', stemmers), codes: new Set(), rejected: new Set(['strategy/tailored-education']), judged: false };
    const withRejection = [...units, rejected];
    expect(countSupport(withRejection, CODES).map((s) => s.negatives)).toEqual([13, 14, 15]);
    expect(trainSuggester(withRejection, CODES, { seed: 1 }).models.size).toBe(3);
  });
});
