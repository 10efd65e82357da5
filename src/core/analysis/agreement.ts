/**
 * Inter-coder agreement per code and pooled, from an AgreementTally. Per code, each compared unit is a
 * yes/no judgement per coder. Pooled figures treat every code × unit judgement of the codes in use as one
 * item: percent agreement over all of them, kappa of the summed 2 × 2 tables (Fleiss' kappa of all items
 * with more coders), alpha of the summed coincidence matrices. That is the number a spreadsheet of units ×
 * codes would give, one definition for all three statistics; the average over codes is given beside it,
 * since pooling lets frequent codes weigh more. Codes nobody gave any compared unit carry no information
 * about agreement (every figure would be "both said no") and are listed apart, not pooled.
 *
 * An undefined statistic is null: kappa when chance agreement is 1 (every coder gave every unit the same
 * judgement, so agreement cannot be told from chance), alpha when the judgements do not vary, any of them
 * when no unit was judged by two coders. JSON has no NaN, and 0 would read as "chance level".
 */
import { scoreConfusion, type Confusion } from '../suggest/metrics.js';
import { countCoders, type AgreementTally, type JudgementPattern, type UnitDisagreement } from './agreement-tally.js';
import { cohenKappa } from './reliability/cohen-kappa.js';
import { fleissKappa } from './reliability/fleiss-kappa.js';
import { coincidenceMatrix, alphaOfCoincidences } from './reliability/krippendorff-alpha.js';
import { percentAgreement } from './reliability/percent-agreement.js';

/** Agreement on one code. */
export interface CodeAgreement {
  code: string;
  /** Units judged by at least two coders. */
  units: number;
  /** Units each coder gave the code (among units two or more coders judged: the others' codes are not read). */
  coded: Record<string, number>;
  /** Units on which every coder who judged them agreed. */
  agreed: number;
  percentAgreement: number | null;
  kappa: number | null;
  alpha: number | null;
  /** With a machine coder against a human: the machine's precision, recall and F1 (see MachineScores for null). */
  precision?: number | null;
  recall?: number | null;
  f1?: number | null;
}

/** Percent agreement, kappa and alpha together. */
export interface AgreementFigures {
  percentAgreement: number | null;
  kappa: number | null;
  alpha: number | null;
}

/** Precision, recall and F1, null where undefined. */
export interface NullableScores {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/**
 * The machine coder scored against the human one: micro from the summed counts, macro the mean over
 * codes. Unlike suggest --evaluate (which scores codes with at least 5 human examples and takes a ratio
 * over 0 as 0), here most codes may be absent from the compared units, so a ratio with nothing to divide
 * is undefined — precision when the machine never gave the code, recall when the human never did — and
 * left out of the macro average rather than counted as 0.
 */
export interface MachineScores {
  machine: string;
  human: string;
  micro: NullableScores;
  macro: NullableScores;
}

/** What `telaah agree` computes (without the sources and disagreements, which the store names). */
export interface AgreementSummary {
  units: number;
  /** Units at least two coders judged (fewer than units only with sources some coders did not code). */
  pairable: number;
  coders: string[];
  /** cohen for two coders, fleiss for more (over the units every coder judged). */
  kappaMeasure: 'cohen' | 'fleiss';
  codes: CodeAgreement[];
  /** Compared codes no coder gave any compared unit: not in codes, not pooled. */
  unused: string[];
  pooled: AgreementFigures & { codes: number; judgements: number };
  /** The mean over codes of each statistic, over the codes where it is defined. */
  average: AgreementFigures & { codes: number };
  machine?: MachineScores;
}

/** How to summarize. */
export interface AgreementOptions {
  /** Compared codes in the order to list them (codes seen but not listed are appended, sorted). */
  codes: readonly string[];
  excludeUncoded: boolean;
  /** Index of a machine coder to score against the other, human one (two coders only). */
  machine?: number;
}

const defined = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** Statistic inputs of a set of judgement patterns. */
interface Inputs {
  counts: number[][];
  times: number[];
  /** Two coders: the 2 × 2 table over units both judged (rows: first coder no/yes). */
  table: number[][];
  /** More coders: yes/no counts of units every coder judged, for Fleiss. */
  complete: { counts: number[][]; times: number[] };
  confusion: Confusion;
}

function inputsOf(patterns: readonly JudgementPattern[], coders: number, machine: number | undefined): Inputs {
  const all = (1 << coders) - 1;
  const inputs: Inputs = { counts: [], times: [], table: [[0, 0], [0, 0]], complete: { counts: [], times: [] }, confusion: { tp: 0, fp: 0, fn: 0, tn: 0 } };
  for (const p of patterns) {
    const row = [countCoders(p.present) - countCoders(p.yes), countCoders(p.yes)];
    inputs.counts.push(row);
    inputs.times.push(p.units);
    if (p.present !== all) continue;
    inputs.complete.counts.push(row);
    inputs.complete.times.push(p.units);
    if (coders !== 2) continue;
    inputs.table[p.yes & 1]![(p.yes >> 1) & 1]! += p.units;
    if (machine === undefined) continue;
    const predicted = (p.yes >> machine) & 1;
    const actual = (p.yes >> (1 - machine)) & 1;
    const cell = actual ? (predicted ? 'tp' : 'fn') : predicted ? 'fp' : 'tn';
    inputs.confusion[cell] += p.units;
  }
  return inputs;
}

function figuresOf(inputs: Inputs, coders: number): AgreementFigures {
  return {
    percentAgreement: defined(percentAgreement(inputs.counts, inputs.times)),
    kappa: defined(coders === 2 ? cohenKappa(inputs.table) : fleissKappa(inputs.complete.counts, inputs.complete.times)),
    alpha: defined(alphaOfCoincidences(coincidenceMatrix(inputs.counts, inputs.times))),
  };
}

/** Precision, recall and F1 of a confusion (suggest's metrics), null where a ratio has nothing to divide. */
function scoresOf(c: Confusion): NullableScores {
  const s = scoreConfusion(c);
  return { precision: c.tp + c.fp > 0 ? s.precision : null, recall: c.tp + c.fn > 0 ? s.recall : null, f1: c.tp + c.fp + c.fn > 0 ? s.f1 : null };
}

function mean(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

/** Agreement per code, pooled and averaged, from the tally. */
export function summarizeAgreement(tally: AgreementTally, options: AgreementOptions): AgreementSummary {
  const coders = tally.coders;
  const m = coders.length;
  const listed = new Set(options.codes);
  const order = [...options.codes, ...tally.codesSeen().filter((c) => !listed.has(c)).sort()];
  const codes: CodeAgreement[] = [];
  const unused: string[] = [];
  const pool: Inputs = { counts: [], times: [], table: [[0, 0], [0, 0]], complete: { counts: [], times: [] }, confusion: { tp: 0, fp: 0, fn: 0, tn: 0 } };
  const confusions: Confusion[] = [];
  for (const code of order) {
    const patterns = tally.patterns(code, options.excludeUncoded);
    const coded = Object.fromEntries(coders.map((c, i) => [c, patterns.reduce((n, p) => n + ((p.yes >> i) & 1 ? p.units : 0), 0)]));
    if (Object.values(coded).every((n) => n === 0)) {
      unused.push(code);
      continue;
    }
    const inputs = inputsOf(patterns, m, options.machine);
    const pairable = patterns.filter((p) => countCoders(p.present) >= 2);
    const row: CodeAgreement = {
      code,
      units: pairable.reduce((n, p) => n + p.units, 0),
      coded,
      agreed: pairable.reduce((n, p) => n + (p.yes === 0 || p.yes === p.present ? p.units : 0), 0),
      ...figuresOf(inputs, m),
    };
    if (options.machine !== undefined) {
      Object.assign(row, scoresOf(inputs.confusion));
      confusions.push(inputs.confusion);
    }
    codes.push(row);
    pool.counts.push(...inputs.counts);
    pool.times.push(...inputs.times);
    pool.complete.counts.push(...inputs.complete.counts);
    pool.complete.times.push(...inputs.complete.times);
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) pool.table[a]![b]! += inputs.table[a]![b]!;
  }
  const summary: AgreementSummary = {
    units: tally.unitCount(options.excludeUncoded),
    pairable: tally.pairableCount(options.excludeUncoded),
    coders: [...coders],
    kappaMeasure: m === 2 ? 'cohen' : 'fleiss',
    codes,
    unused,
    pooled: { ...figuresOf(pool, m), codes: codes.length, judgements: codes.reduce((n, c) => n + c.units, 0) },
    average: {
      percentAgreement: mean(codes.map((c) => c.percentAgreement)),
      kappa: mean(codes.map((c) => c.kappa)),
      alpha: mean(codes.map((c) => c.alpha)),
      codes: codes.length,
    },
  };
  if (options.machine !== undefined && m === 2) {
    const sum = confusions.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 });
    const perCode = confusions.map(scoresOf);
    summary.machine = {
      machine: coders[options.machine]!,
      human: coders[1 - options.machine]!,
      micro: scoresOf(sum),
      macro: { precision: mean(perCode.map((s) => s.precision)), recall: mean(perCode.map((s) => s.recall)), f1: mean(perCode.map((s) => s.f1)) },
    };
  }
  return summary;
}

/** Where a unit is, who speaks it, and its text: what `--disagreements` shows of a unit beside the codes. */
export interface DisagreementPlace {
  source: string;
  segment: string;
  speaker: string | null;
  participant: string | null;
  text: string;
}

/** A unit the coders judged differently, as `--disagreements` lists it. */
export interface Disagreement extends DisagreementPlace {
  /** Each coder's compared codes on the unit, sorted; null for a coder who did not code the source. */
  codes: Record<string, string[] | null>;
}

/** A disagreement found by the tally, with the unit's place and text. */
export function describeDisagreement(
  coders: readonly string[],
  found: UnitDisagreement,
  place: DisagreementPlace,
): Disagreement {
  const sorted = [...found.codes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const codes = Object.fromEntries(coders.map((coder, i) => [coder, (found.present >> i) & 1 ? sorted.filter(([, yes]) => (yes >> i) & 1).map(([code]) => code) : null]));
  return { ...place, codes };
}
