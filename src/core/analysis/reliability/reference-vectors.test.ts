/**
 * Every published vector in ../shared/reference/reliability that a nominal statistic of ours applies to,
 * checked to the decimals its file asserts (at least 3). Weighted kappa, kappa's standard errors and
 * ordinal, interval and ratio alpha are not computed by telaah (its judgements are nominal: a unit
 * carries a code or not), so those expectations are listed as not applicable rather than skipped silently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE } from '../../../../test/helpers/spawn-cli.js';
import { cohenKappa, crossTabulate } from './cohen-kappa.js';
import { fleissKappa } from './fleiss-kappa.js';
import { nominalAlpha, nominalAlphaOfCounts, valueCountsOf } from './krippendorff-alpha.js';
import { percentAgreement } from './percent-agreement.js';

const DIR = join(REFERENCE, 'reliability');

type Json = any;
const vector = (file: string): Json => JSON.parse(readFileSync(join(DIR, file), 'utf8'));

/** At least 3 decimals, more when the file asserts more. */
const places = (decimals: number | undefined): number => Math.max(3, decimals ?? 3);

const unRle = (rle: [number, number][]): number[] => rle.flatMap(([label, n]) => new Array<number>(n).fill(label));

/** What each file is checked for, and what in it does not apply (with why). */
const COVERED: Record<string, { checked: string[]; notApplicable: string[] }> = {
  'cohen-kappa-artstein-poesio.json': { checked: ['unweighted kappa of every case, from the label vectors and from the table'], notApplicable: ['linear and quadratic weighted kappa'] },
  'cohen-kappa-irr-anxiety.json': { checked: ['unweighted kappa of raters 2 and 3'], notApplicable: ['weighted kappas, z and p'] },
  'cohen-kappa-sas-3x3.json': { checked: ['simple kappa'], notApplicable: ['ASE, confidence interval, z, p, weighted kappa'] },
  'fleiss-kappa-1971-diagnoses.json': { checked: ['kappa from the counts and from the ratings', 'category totals'], notApplicable: ['z, p (not asserted upstream)'] },
  'fleiss-kappa-wikipedia-10subjects-14raters.json': { checked: ['kappa', "each subject's P_i"], notApplicable: [] },
  'krippendorff-2011-4observers-12units.json': { checked: ['nominal alpha, numeric and string labels'], notApplicable: ['ordinal, interval, ratio alpha'] },
  'krippendorff-2011-binary-2observers-10units.json': { checked: ['nominal alpha'], notApplicable: [] },
  'krippendorff-wikipedia-3coders-15units.json': { checked: ['nominal alpha from the data and from the value counts'], notApplicable: ['interval alpha'] },
};

describe('reference vectors', () => {
  it('covers every file in the reference folder', () => {
    expect(readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(COVERED).sort());
  });

  describe("Cohen's kappa", () => {
    const ap = vector('cohen-kappa-artstein-poesio.json');
    const cases: { name: string; c: Json }[] = ap.cases.map((c: Json) => ({ name: c.name, c }));
    it.each(cases)('$name (scikit-learn)', ({ c }) => {
      const first = unRle(c.coder1_rle);
      const second = unRle(c.coder2_rle);
      const { table } = crossTabulate(first, second, [...new Set([...first, ...second])].sort());
      expect(table).toEqual(c.contingency);
      const expected = c.expected.unweighted;
      expect(cohenKappa(table)).toBeCloseTo(expected.value, places(expected.decimals));
      expect(cohenKappa(c.contingency)).toBeCloseTo(expected.value, places(expected.decimals));
      // Also asserted upstream: symmetric, and 1 against itself.
      expect(cohenKappa(crossTabulate(second, first).table)).toBeCloseTo(cohenKappa(table), 12);
      expect(cohenKappa(crossTabulate(first, first).table)).toBe(1);
    });

    it('artstein-poesio: extra units labelled 2, left out by the categories, change nothing', () => {
      const c = ap.cases[0];
      const first = [...unRle(c.coder1_rle), 2, 2, 2, 2];
      const second = [...unRle(c.coder2_rle), 2, 2, 2, 2];
      expect(cohenKappa(crossTabulate(first, second, [0, 1]).table)).toBeCloseTo(c.expected.unweighted.value, 3);
    });

    it('irr anxiety, raters 2 and 3 (R irr::kappa2 via statsmodels)', () => {
      const v = vector('cohen-kappa-irr-anxiety.json');
      const rater2 = v.data_subjects_x_raters.map((row: number[]) => row[1]);
      const rater3 = v.data_subjects_x_raters.map((row: number[]) => row[2]);
      const { table } = crossTabulate(rater2, rater3, v.levels_used);
      expect(table).toEqual(v.contingency_rater2_rows_rater3_cols);
      const unweighted = v.expected.find((e: Json) => e.weight === 'unweighted');
      expect(cohenKappa(table)).toBeCloseTo(unweighted.kappa, places(v.tolerance.kappa_decimals));
    });

    it('SAS 3x3 table (statsmodels)', () => {
      const v = vector('cohen-kappa-sas-3x3.json');
      expect(cohenKappa(v.contingency)).toBeCloseTo(v.expected.simple.kappa, places(v.expected.simple.decimals));
    });
  });

  describe("Fleiss' kappa", () => {
    it('Fleiss (1971) diagnoses (R irr::kappam.fleiss via statsmodels)', () => {
      const v = vector('fleiss-kappa-1971-diagnoses.json');
      const expected = v.expected.kappa;
      expect(fleissKappa(v.counts_subjects_x_categories)).toBeCloseTo(expected.value, places(expected.decimals));
      // From the raw ratings: columns are exchangeable raters, so transpose into coders × subjects.
      const raters = v.ratings_subjects_x_raters[0].map((_: number, r: number) => v.ratings_subjects_x_raters.map((row: number[]) => row[r]));
      const { counts } = valueCountsOf(raters, v.categories);
      expect(counts).toEqual(v.counts_subjects_x_categories);
      expect(v.categories.map((_: number, j: number) => counts.reduce((sum, row) => sum + row[j]!, 0))).toEqual(v.category_totals);
      expect(fleissKappa(counts)).toBeCloseTo(expected.value, places(expected.decimals));
    });

    it('Wikipedia worked example (statsmodels)', () => {
      const v = vector('fleiss-kappa-wikipedia-10subjects-14raters.json');
      expect(fleissKappa(v.counts_subjects_x_categories)).toBeCloseTo(v.expected.kappa.value, places(v.expected.kappa.decimals));
      // Each subject's P_i is Fleiss' kappa's observed agreement of that subject alone.
      v.counts_subjects_x_categories.forEach((row: number[], i: number) => {
        const m = row.reduce((a, b) => a + b, 0);
        const pi = row.reduce((a, n) => a + n * (n - 1), 0) / (m * (m - 1));
        expect(pi).toBeCloseTo(v.per_subject_P_i_3dp[i], 3);
      });
    });
  });

  describe("Krippendorff's alpha (nominal)", () => {
    it('Krippendorff (2011) 4 observers × 12 units with missing values (Perl, Python)', () => {
      const v = vector('krippendorff-2011-4observers-12units.json');
      expect(nominalAlpha(v.data)).toBeCloseTo(v.expected.nominal.value, places(v.expected.nominal.decimals));
      const strings = v.variant_string_labels;
      expect(nominalAlpha(strings.data)).toBeCloseTo(strings.expected.nominal.value, places(strings.expected.nominal.decimals));
      // Unit 12 has one value: unpairable, so leaving it out changes nothing.
      const without12 = v.data.map((row: (number | null)[]) => row.slice(0, 11));
      expect(nominalAlpha(without12)).toBe(nominalAlpha(v.data));
    });

    it('Krippendorff (2011) binary, 2 observers × 10 units (Julia)', () => {
      const v = vector('krippendorff-2011-binary-2observers-10units.json');
      // Asserted to 2 significant digits (0.095); the value is 2/21.
      expect(nominalAlpha(v.data)).toBeCloseTo(v.expected.nominal.value, 3);
      expect(nominalAlpha(v.data)).toBeCloseTo(2 / 21, 12);
    });

    it('Wikipedia 3 coders × 15 units, from the data and from value counts (Python, Perl)', () => {
      const v = vector('krippendorff-wikipedia-3coders-15units.json');
      const expected = v.expected.nominal;
      expect(nominalAlpha(v.data)).toBeCloseTo(expected.value, places(expected.decimals));
      expect(nominalAlphaOfCounts(v.value_counts.counts)).toBeCloseTo(expected.value, places(expected.decimals));
      expect(valueCountsOf(v.data, v.value_counts.categories).counts).toEqual(v.value_counts.counts);
    });
  });

  describe('percent agreement', () => {
    it('is the diagonal share of the two-rater table', () => {
      const c = vector('cohen-kappa-artstein-poesio.json').cases[0];
      const { counts } = valueCountsOf([unRle(c.coder1_rle), unRle(c.coder2_rle)], [0, 1]);
      expect(percentAgreement(counts)).toBeCloseTo(70 / 100, 12);
    });

    it('counts only pairable units, as alpha does (Wikipedia alpha example: 9 of 12 agree)', () => {
      const v = vector('krippendorff-wikipedia-3coders-15units.json');
      expect(percentAgreement(v.value_counts.counts)).toBeCloseTo(9 / 12, 12);
    });
  });
});
