import { descendantsOf } from '../../core/codebook/code-tree.js';
import type { Codebook } from '../../core/codebook/types.js';
import { createStemmers } from '../../core/coding/stemmers.js';
import { crossValidateSuggester, type Evaluation } from '../../core/suggest/evaluate.js';
import { extractFeatures, type FeatureLanguage } from '../../core/suggest/features.js';
import { countSupport, MIN_UNITS_PER_CLASS, scoreCodes, selectTrainableCodes, trainSuggester, type LabelledUnit, type SkippedCode } from '../../core/suggest/suggester.js';
import { countCodePoints } from '../../core/text/code-points.js';
import { InputError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { findCodebookBySha } from '../../store/codebooks.js';
import { iterateCodingUnits } from '../../store/codings.js';
import { countSources } from '../../store/sources.js';
import { listHumanJudgedUnits, loadCodedUnitIndex, replaceSuggestions, type NewSuggestion } from '../../store/suggestions.js';
import { actorOf, type Ctx } from '../context.js';
import { checkCodeIds, currentCodebook } from '../known-codes.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';

/** Options of `telaah suggest` (numbers parsed and range-checked by commander). */
export interface SuggestOptions extends JsonOptions {
  code?: string;
  coder?: string;
  minConfidence?: number;
  includeNotes?: boolean;
  evaluate?: boolean;
  folds?: number;
  seed?: number;
}
import { withProject } from '../open-project.js';
import { writeJson, writeTable } from '../output.js';
import { formatCount, startProgress } from '../progress.js';
import { paint } from '../style.js';
import { notice } from '../notice.js';

interface Settings {
  code: string | undefined;
  coder: string | undefined;
  minConfidence: number;
  folds: number;
  seed: number;
}

/** Seed of training order and folds when --seed is not given: results are the same on every run. */
const DEFAULT_SEED = 1;

/**
 * `telaah suggest`: learns each code from the units humans coded or reviewed and proposes it, with a
 * confidence, for units nobody coded with it; `--evaluate` cross-validates the same models and stores
 * nothing.
 */
export async function run(ctx: Ctx, _args: string[], opts: SuggestOptions): Promise<ExitCode> {
  const settings = readSettings(opts);
  return withProject(ctx, opts, async (project): Promise<ExitCode> => {
    const codebook = project.config.codebook ? currentCodebook(project) : null;
    const human = listHumanJudgedUnits(project.db, settings.coder === undefined ? {} : { coder: settings.coder });
    if (!human.some((u) => u.codes.length > 0)) {
      throw new InputError(settings.coder === undefined ? 'there are no human codings to learn from' : `${settings.coder} has no codings to learn from`, {
        hint: 'Code some units by hand first with `telaah code add SOURCE SEGMENT CODE` (or accept suggestions in `telaah review`), then run suggest again',
      });
    }
    const languages = project.config.languages.filter((l): l is FeatureLanguage => l === 'id' || l === 'en');
    const stemmers = createStemmers();
    const features = (text: string): string[] => extractFeatures(text, stemmers, languages.length ? languages : ['id', 'en']);
    const units: LabelledUnit[] = human.map((u) => ({ features: features(u.text), codes: new Set(u.codes), rejected: new Set(u.rejected), judged: u.judged }));
    const { scope, candidates, outside } = codesInScope(codebook?.codebook ?? null, human, settings.code);
    const { trainable, skipped } = selectTrainableCodes(units, candidates);
    skipped.push(...countSupport(units, outside).map((s) => ({ ...s, reason: 'not in the current codebook' })));
    if (opts.evaluate) return evaluate(ctx, opts, settings, units, trainable.map((t) => t.code), skipped);

    const suggester = trainSuggester(units, trainable.map((t) => t.code), { seed: settings.seed });
    const coded = loadCodedUnitIndex(project.db);
    const unit = project.config.codingUnit;
    const suggestions: NewSuggestion[] = [];
    let scanned = 0;
    const progress = startProgress(ctx, opts);
    let sources = 0;
    const total = countSources(project.db);
    try {
      for (const { source, units: list } of iterateCodingUnits(project.db, { unit, includeInterviewer: false, spokenOnly: opts.includeNotes !== true })) {
        progress.update(() => ({ label: 'Suggesting', done: sources, total, unit: 'sources', details: [`${formatCount(scanned)} ${unit}s`, `${formatCount(suggestions.length)} suggestions`] }));
        sources += 1;
        scanned += list.length;
        for (const u of list) {
          if (trainable.every((t) => coded.has(source, u, t.code))) continue;
          const found = features(u.text);
          // A unit without words (an emoji, a dash) has nothing to learn from or to suggest on.
          if (found.length === 0) continue;
          for (const { code, confidence } of scoreCodes(suggester, found)) {
            if (confidence < settings.minConfidence || coded.has(source, u, code)) continue;
            suggestions.push({ segmentId: u.segmentId, code, start: u.offset, end: u.offset + countCodePoints(u.text), confidence: Math.round(confidence * 10_000) / 10_000 });
          }
        }
      }
    } finally {
      progress.stop();
    }
    const now = ctx.now().toISOString();
    const codebookId = codebook ? (findCodebookBySha(project.db, codebook.sha256)?.id ?? null) : null;
    const result = replaceSuggestions(project.db, scope, suggestions, codebookId, now);
    if (result.added + result.removed > 0) {
      recordAudit(project.db, { at: now, actor: actorOf(ctx), command: 'suggest', arguments: auditArguments(settings), counts: { trainingUnits: human.length, units: scanned, ...result } });
    }
    const perCode = new Map<string, number>();
    for (const s of suggestions) perCode.set(s.code, (perCode.get(s.code) ?? 0) + 1);
    const rows = trainable.map((t) => ({ ...t, suggested: perCode.get(t.code) ?? 0 }));
    if (opts.json) {
      writeJson(ctx, { unit, units: scanned, trainingUnits: human.length, minConfidence: settings.minConfidence, seed: settings.seed, ...result, codes: rows, skipped });
      return 0;
    }
    if (rows.length > 0) {
      const c = paint(ctx);
      writeTable(ctx, [{ title: 'code' }, { title: 'positives', align: 'right' }, { title: 'suggested', align: 'right' }], rows.map((r) => [r.code, r.positives, r.suggested]), { header: c.bold });
    }
    writeSkipped(ctx, skipped);
    notice(
      ctx,
      `Suggested ${suggestions.length} codings for ${scanned} ${unit}s, learnt from ${human.length} units humans coded or reviewed (confidence ≥ ${settings.minConfidence}): ` +
        `${result.added} new, ${result.removed} removed, ${result.kept} unchanged. See them with \`telaah codings list --origin suggested\``,
    );
    return 0;
  });
}

function evaluate(ctx: Ctx, opts: SuggestOptions, settings: Settings, units: LabelledUnit[], codes: string[], skipped: SkippedCode[]): ExitCode {
  if (settings.folds > units.length) {
    throw new InputError(`--folds ${settings.folds} is more than the ${units.length} units humans coded or reviewed`, { hint: `Use at most ${units.length} folds` });
  }
  if (codes.length === 0) {
    writeSkipped(ctx, skipped);
    throw new InputError(`no code has the ${MIN_UNITS_PER_CLASS} human-coded units needed to evaluate`, { hint: 'Code more units with `telaah code add`, then evaluate again' });
  }
  const evaluation = crossValidateSuggester(units, codes, { seed: settings.seed, folds: settings.folds, minConfidence: settings.minConfidence });
  if (opts.json) {
    writeJson(ctx, { ...evaluation, skipped });
    return 0;
  }
  writeEvaluation(ctx, evaluation);
  writeSkipped(ctx, skipped);
  notice(
    ctx,
    `${evaluation.folds}-fold cross-validation on ${evaluation.units} units humans coded or reviewed (seed ${evaluation.seed}, confidence ≥ ${evaluation.minConfidence}); ` +
      "a code's negatives are units coded without it, marked as needing no code, or where it was rejected. Nothing was stored",
  );
  return 0;
}

function writeEvaluation(ctx: Ctx, e: Evaluation): void {
  const f = (x: number): string => x.toFixed(3);
  const c = paint(ctx);
  writeTable(
    ctx,
    [{ title: 'code' }, { title: 'support', align: 'right' }, { title: 'precision', align: 'right' }, { title: 'recall', align: 'right' }, { title: 'f1', align: 'right' }],
    [
      ...e.codes.map((r) => [r.code, r.support, f(r.precision), f(r.recall), f(r.f1)]),
      ['micro avg', e.codes.reduce((n, r) => n + r.support, 0), f(e.micro.precision), f(e.micro.recall), f(e.micro.f1)],
      ['macro avg', e.codes.reduce((n, r) => n + r.support, 0), f(e.macro.precision), f(e.macro.recall), f(e.macro.f1)],
    ],
    { header: c.bold },
  );
}

function writeSkipped(ctx: Ctx, skipped: readonly SkippedCode[]): void {
  for (const s of skipped) notice(ctx, `Skipped ${s.code}: ${s.reason}`);
}

/**
 * The codes this run is about: every code humans used (or --code and the codes below it), in codebook
 * order; `scope` is what earlier suggestions are replaced for (null: all); `outside`, the codes humans
 * used that the current codebook no longer has (left out with a note).
 */
function codesInScope(codebook: Codebook | null, human: readonly { codes: string[] }[], code: string | undefined): { scope: string[] | null; candidates: string[]; outside: string[] } {
  const used = new Set(human.flatMap((u) => u.codes));
  if (codebook && code !== undefined) checkCodeIds(codebook, [code]);
  const byPath = (id: string): boolean => code === undefined || id === code || id.startsWith(`${code}/`);
  const known = codebook ? codebook.codes.map((c) => c.id) : [...used].sort();
  const family = code === undefined ? null : new Set(codebook ? descendantsOf(codebook, code) : [code, ...known.filter(byPath)]);
  const candidates = known.filter((id) => (family === null || family.has(id)) && used.has(id));
  // A code asked for by name is reported even when nobody used it.
  if (code !== undefined && candidates.length === 0) candidates.push(code);
  const outside = [...used].filter((id) => byPath(id) && !known.includes(id));
  return { scope: family === null ? null : [...family], candidates, outside };
}

function readSettings(opts: SuggestOptions): Settings {
  return { code: opts.code, coder: opts.coder, minConfidence: opts.minConfidence ?? 0.6, folds: opts.folds ?? 5, seed: opts.seed ?? DEFAULT_SEED };
}

function auditArguments(s: Settings): string[] {
  return [
    ...(s.code ? ['--code', s.code] : []),
    ...(s.coder ? ['--coder', s.coder] : []),
    '--min-confidence',
    String(s.minConfidence),
    ...(s.seed === DEFAULT_SEED ? [] : ['--seed', String(s.seed)]),
  ];
}
