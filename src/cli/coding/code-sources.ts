import type { AutoCoder } from '../../core/coding/auto-coder.js';
import { countCodePoints } from '../../core/text/code-points.js';
import { replaceAutoCodingsOfSources, type AutoCodingChange, type SourceAutoCodings } from '../../store/auto-codings.js';
import { iterateCodingUnits, type CodingUnitRow, type NewCoding } from '../../store/codings.js';
import type { Db } from '../../store/open.js';
import { countSources } from '../../store/sources.js';
import type { Ctx } from '../context.js';
import { signalGate } from '../interrupt.js';
import { formatCount, formatRate, startProgress } from '../progress.js';

/** What one `code auto` run coded and changed. */
export interface CodingRun {
  units: number;
  codings: number;
  perCode: Map<string, number>;
  change: AutoCodingChange;
  sources: { done: number; total: number };
  interrupted: boolean;
}

/** How to code: the unit, whose turns, the compiled codebook and the version it is stored as. */
export interface CodingPlan {
  unit: 'sentence' | 'turn';
  includeInterviewer: boolean;
  /** --json: no progress line. */
  json: unknown;
  coder: AutoCoder;
  codebookId: number;
  now: string;
}

// Sources are stored in batches of about this many units: small enough to keep memory flat, large
// enough that commits do not dominate (a commit per source made coding 25% slower on 3,000 sources).
const BATCH_UNITS = 20_000;
// …and at least this often: a crash loses no more than this much coding, and another process waiting
// to write (code add, review, memo add) waits no longer for the write lock.
const BATCH_MS = 250;

/**
 * Codes the units source by source and stores them batch by batch (never the whole project in
 * memory); on Ctrl-C it stops between sources and stores those already coded.
 */
export async function codeSources(ctx: Ctx, db: Db, plan: CodingPlan, signal: AbortSignal): Promise<CodingRun> {
  const run: CodingRun = { units: 0, codings: 0, perCode: new Map(), change: { added: 0, removed: 0, kept: 0 }, sources: { done: 0, total: countSources(db) }, interrupted: false };
  const progress = startProgress(ctx, { json: plan.json });
  const gate = signalGate();
  signal.addEventListener('abort', () => progress.note('Stopping after this source (Ctrl-C again stops at once)'));
  let batch: SourceAutoCodings[] = [];
  let batchUnits = 0;
  let batchStarted = performance.now();
  const store = (): void => {
    const change = replaceAutoCodingsOfSources(db, batch, plan.codebookId, plan.now);
    run.change.added += change.added;
    run.change.removed += change.removed;
    run.change.kept += change.kept;
    batch = [];
    batchUnits = 0;
    batchStarted = performance.now();
  };
  try {
    for (const { source, units } of iterateCodingUnits(db, plan)) {
      // Checked before the next source: a Ctrl-C that came while this one was started lets it finish.
      if (signal.aborted) {
        run.interrupted = true;
        break;
      }
      progress.update((seconds) => ({
        label: 'Coding',
        done: run.sources.done,
        total: run.sources.total,
        unit: 'sources',
        details: [`${formatCount(run.units)} ${plan.unit}s`, formatRate(run.units, seconds, `${plan.unit}s`), `${formatCount(run.codings)} codings`],
      }));
      await gate();
      const codings = units.flatMap((u) => codeUnit(plan.coder, u));
      batch.push({ source, codings });
      batchUnits += units.length;
      run.units += units.length;
      run.codings += codings.length;
      for (const c of codings) run.perCode.set(c.code, (run.perCode.get(c.code) ?? 0) + 1);
      run.sources.done += 1;
      if (batchUnits >= BATCH_UNITS || performance.now() - batchStarted >= BATCH_MS) store();
    }
    store();
  } finally {
    progress.stop();
  }
  return run;
}

/** The codings the coder finds in one unit, with offsets in code points of the source text. */
function codeUnit(coder: AutoCoder, u: CodingUnitRow): NewCoding[] {
  return coder.code(u.text).map((match) => {
    const start = u.offset + countCodePoints(u.text, 0, match.start);
    return { segmentId: u.segmentId, code: match.code, start, end: start + countCodePoints(u.text, match.start, match.end) };
  });
}
