import { availableParallelism } from 'node:os';
import type { Codebook } from '../../core/codebook/types.js';
import { compileCoder, type AutoCoder } from '../../core/coding/auto-coder.js';
import { createPackedCodings, trimPackedCodings, type PackedCodings } from '../../core/coding/code-units.js';
import { createStemmers } from '../../core/coding/stemmers.js';
import { replaceAutoCodingsOfSources, storingAutoCodings, type AutoCodingChange, type AutoCodingColumns, type SourceAutoCodings } from '../../store/auto-codings.js';
import type { Db } from '../../store/open.js';
import { keyOf } from '../../store/store-key.js';
import { listSourceRanges, type SourceRange, type UnitSelection } from '../../store/unit-ranges.js';
import type { Ctx } from '../context.js';
import { signalGate } from '../interrupt.js';
import { formatCount, formatRate, startProgress } from '../progress.js';
import { codeBatch, codeSource, CodingThreads, planBatches, WORKERS_AVAILABLE } from './coding-threads.js';

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
  /** The codebook to code with (compiled here, and again by each worker thread). */
  codebook: Codebook;
  codebookId: number;
  now: string;
  /** Threads that code, this one among them (it also stores; 1: no worker threads); default: by the project's size. */
  threads?: number;
}

// Sources are stored in batches of about this many units: small enough to keep memory flat, large
// enough that commits do not dominate (a commit per source made coding 25% slower on 3,000 sources).
const BATCH_UNITS = 20_000;
// …and at least this often: a crash loses no more than this much coding, and another process waiting
// to write (code add, review, memo add) waits no longer for the write lock.
const BATCH_MS = 250;
/** Below this many segments one thread does it all: a worker takes a tenth of a second to start. */
const SEGMENTS_PER_THREAD = 200_000;
/** More coding threads than this gain little: this thread stores what they all code, one row at a time. */
const MAX_THREADS = 4;

/** One source coded: its units and codings. */
interface CodedSource {
  source: string;
  range: SourceRange;
  units: number;
  codings: AutoCodingColumns;
}

/**
 * Codes the units source by source and stores them batch by batch (never the whole project in
 * memory); on Ctrl-C it stops between sources and stores those already coded. A large project is coded
 * in worker threads while this thread stores (see coding-threads.ts), in the same order.
 */
export function codeSources(ctx: Ctx, db: Db, plan: CodingPlan, signal: AbortSignal): Promise<CodingRun> {
  return storingAutoCodings(db, () => codeAndStore(ctx, db, plan, signal));
}

async function codeAndStore(ctx: Ctx, db: Db, plan: CodingPlan, signal: AbortSignal): Promise<CodingRun> {
  const sources = listSourceRanges(db);
  const run: CodingRun = { units: 0, codings: 0, perCode: new Map(), change: { added: 0, removed: 0, kept: 0 }, sources: { done: 0, total: sources.length }, interrupted: false };
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
  // Counted by the coder's code index; named once the run is over.
  let perCode = new Int32Array(0);
  let codeIds: readonly string[] = [];
  const coded = codedSources(db, plan, sources);
  try {
    for (let next = await coded.next(); !next.done; next = await coded.next()) {
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
      const { source, range, units, codings } = next.value;
      batch.push({ source, codings, range });
      batchUnits += units;
      run.units += units;
      if (codings.codeIds !== codeIds) {
        codeIds = codings.codeIds;
        perCode = new Int32Array(codeIds.length);
      }
      for (let k = codings.from; k < codings.to; k++) perCode[codings.codes[k]!]!++;
      run.codings += codings.to - codings.from;
      run.sources.done += 1;
      if (batchUnits >= BATCH_UNITS || performance.now() - batchStarted >= BATCH_MS) store();
    }
    store();
  } finally {
    progress.stop();
    await coded.return(undefined);
  }
  codeIds.forEach((code, c) => {
    if (perCode[c]! > 0) run.perCode.set(code, perCode[c]!);
  });
  return run;
}

/** The sources coded in order, in this thread or by workers. */
async function* codedSources(db: Db, plan: CodingPlan, sources: SourceRange[]): AsyncGenerator<CodedSource, void, undefined> {
  const selection: UnitSelection = { unit: plan.unit, includeInterviewer: plan.includeInterviewer };
  const threads = codingThreads(db, plan, sources);
  if (threads <= 1) {
    const coder = compileCoder(plan.codebook, createStemmers());
    const packed = createPackedCodings();
    for (const source of sources) {
      packed.count = 0;
      const units = codeSource(db, coder, source, selection, packed);
      // The batch being stored holds on to these columns while `packed` is reused.
      yield { source: source.name, range: source, units, codings: columnsOf(coder, trimPackedCodings(packed), 0, packed.count) };
    }
    return;
  }
  const starts = planBatches(sources, threads);
  const job = { database: db.name, key: keyOf(db), codebook: plan.codebook, selection, sources, starts };
  // This thread is one of the coding threads: it stores what the workers code and, whenever the next
  // batch to store has not come yet, codes a batch nobody has taken (from the start, while the workers
  // load). One worker fewer saves its start-up, its compiled code and its stemming of the vocabulary.
  const workers = new CodingThreads(job, Math.min(threads - 1, starts.length - 2));
  try {
    // A codebook the coder refuses stops the workers before anything is stored.
    const coder = compileCoder(plan.codebook, createStemmers());
    for (let b = 0; b + 1 < starts.length; b++) {
      for (let claimed = workers.has(b) ? -1 : workers.claim(); claimed >= 0; claimed = workers.has(b) ? -1 : workers.claim()) {
        workers.give(codeBatch(db, coder, job, claimed));
        // Lets the workers' messages in, so that their batches are seen as they come.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const batch = await workers.take(b);
      let at = 0;
      for (let k = starts[b]!; k < starts[b + 1]!; k++) {
        const n = batch.codings[k - starts[b]!]!;
        yield { source: sources[k]!.name, range: sources[k]!, units: batch.units[k - starts[b]!]!, codings: columnsOf(coder, batch.packed, at, at + n) };
        at += n;
      }
    }
  } finally {
    await workers.stop();
  }
}

/** How many threads code: TELAAH_THREADS' choice, else one per core (at most 4) on a large project. */
function codingThreads(db: Db, plan: CodingPlan, sources: readonly SourceRange[]): number {
  // A worker opens the file by name: an in-memory database (tests) has none to share.
  if (!WORKERS_AVAILABLE || db.memory || sources.length < 2) return 1;
  if (plan.threads !== undefined) return plan.threads;
  const segments = sources.reduce((sum, s) => sum + Math.max(0, s.last - s.first + 1), 0);
  return segments < SEGMENTS_PER_THREAD ? 1 : Math.min(MAX_THREADS, availableParallelism());
}

/** Codings from..to of `packed` as columns to store. */
function columnsOf(coder: AutoCoder, packed: PackedCodings, from: number, to: number): AutoCodingColumns {
  return { codeIds: coder.codeIds, segmentIds: packed.segmentIds, codes: packed.codes, starts: packed.starts, ends: packed.ends, from, to };
}
