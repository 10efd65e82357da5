import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compilePseudonymizer } from '../../core/pseudonymize.js';
import type { SourceType } from '../../core/transcript/types.js';
import { collectInputFiles } from '../../io/collect-files.js';
import { readPseudonymMap } from '../../io/read-pseudonym-map.js';
import { readSpeakerMap } from '../../io/read-speaker-map.js';
import { recordAudit } from '../../store/audit.js';
import { listSourceNames } from '../../store/sources.js';
import { indexedSourceNames, startSecureDelete, wipeFreedPages } from '../../store/secure-delete.js';
import { actorOf, type Ctx } from '../context.js';
import { ingestFiles, type FileOutcome } from '../ingest/ingest-files.js';
import { renderIngestSummary, summarizeOutcomes } from '../ingest/summary.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';

/** Options of `telaah ingest`. */
export interface IngestOptions extends JsonOptions {
  type?: SourceType;
  pseudonyms?: string;
  speakers?: string;
  replace?: boolean;
  lenient?: boolean;
  language?: string;
  speakerColumn?: string;
  textColumn?: string;
  startColumn?: string;
  includeWithdrawn?: boolean;
}
import { withProject } from '../open-project.js';
import { writeJson } from '../output.js';
import { whileInterruptible, signalGate } from '../interrupt.js';
import { formatCount, formatMegabytes, formatRate, startProgress } from '../progress.js';
import { threadsFromEnv } from '../threads-env.js';
import { EarlyWorker } from '../early-worker.js';
import { PARSE_WORKER, PARSE_WORKER_YOUNG_GENERATION_MB } from '../ingest/read-ahead.js';

/** `telaah ingest <paths…>`: reads files into the project, one transaction per file. */
export async function run(ctx: Ctx, args: string[], opts: IngestOptions): Promise<ExitCode> {
  // TELAAH_THREADS=1 parses here, 2 or more in a worker even for a small run; unset, the run's size decides.
  const threads = threadsFromEnv(ctx.env.TELAAH_THREADS);
  // A folder, or many files, may be a large run: its worker starts now, while the files are collected.
  const earlyWorker = threads !== 1 && mayBeLarge(args, ctx.cwd) ? EarlyWorker.start(PARSE_WORKER, PARSE_WORKER_YOUNG_GENERATION_MB) : undefined;
  try {
    return await ingest(ctx, args, opts, threads, earlyWorker);
  } finally {
    await earlyWorker?.stop();
  }
}

async function ingest(ctx: Ctx, args: string[], opts: IngestOptions, threads: number | undefined, earlyWorker: EarlyWorker | undefined): Promise<ExitCode> {
  // Everything that can be wrong with the arguments is checked before the project is touched.
  const files = collectInputFiles(args, ctx.cwd);
  const pseudonymEntries = opts.pseudonyms === undefined ? [] : readPseudonymMap(opts.pseudonyms);
  const speakerMap = opts.speakers === undefined ? new Map<string, string>() : readSpeakerMap(opts.speakers);
  const pseudonymizer = pseudonymEntries.length ? compilePseudonymizer(pseudonymEntries) : undefined;
  return withProject(ctx, opts, async ({ db, config, paths }) => {
    const now = ctx.now().toISOString();
    const progress = startProgress(ctx, opts);
    const warnings: string[] = [];
    const gate = signalGate();
    const landed = { bytes: 0, segments: 0 };
    // A replaced source's old text must not stay behind in freed pages, the -wal file or the search index.
    const before = opts.replace === true ? { indexed: indexedSourceNames(db), names: new Set(listSourceNames(db)) } : undefined;
    if (before) startSecureDelete(db);
    let outcomes: FileOutcome[];
    try {
      outcomes = await whileInterruptible(ctx, (signal) => {
        signal.addEventListener('abort', () => progress.note('Stopping after this file (Ctrl-C again stops at once, losing the files not yet saved)'));
        return ingestFiles(
          db,
          config,
          files,
          {
            type: opts.type,
            replace: opts.replace === true,
            strict: opts.lenient !== true,
            language: opts.language,
            columns: {
              speaker: opts.speakerColumn,
              text: opts.textColumn,
              start: opts.startColumn,
            },
            pseudonymizer,
            pseudonymEntries,
            realNames: pseudonymEntries.flatMap((e) => [e.realName, ...e.variants]),
            speakerMap,
            now,
            signal,
            projectDir: paths.dir,
            includeWithdrawn: opts.includeWithdrawn === true,
            parseThread: threads === undefined ? undefined : threads > 1,
            earlyWorker,
          },
          {
            onFile: (index, total) => {
              progress.update((seconds) => ({
                label: 'Ingesting',
                done: index,
                total,
                unit: 'files',
                details: [formatMegabytes(landed.bytes), formatRate(landed.bytes, seconds, 'MB'), `${formatCount(landed.segments)} segments`],
              }));
              return gate();
            },
            onOutcome: (outcome) => {
              if (outcome.status === 'added' || outcome.status === 'replaced') {
                landed.bytes += outcome.bytes;
                landed.segments += outcome.segments;
              }
            },
            onWarning: (message) => warnings.push(message),
          },
        );
      });
    } finally {
      progress.stop();
    }
    const summary = summarizeOutcomes(outcomes);
    const { counts } = summary;
    // ingestFiles goes through every file unless Ctrl-C stopped it.
    const interrupted = outcomes.length < files.length;
    if (counts.added + counts.replaced > 0) {
      // The paths as typed often name a participant ("interviews/w01-siti.txt"): the audit trail is stored too.
      const storedArgs = args.map((arg) => pseudonymizer?.replace(arg, { anyCase: true }).text ?? arg);
      recordAudit(db, { at: now, actor: actorOf(ctx), command: 'ingest', arguments: storedArgs, counts: interrupted ? { ...counts, interrupted: 1 } : counts });
    }
    if (before && counts.replaced > 0) {
      // The index is merged only when a replaced source was in it (one renamed as it was replaced, to take
      // a real name out of its name, is not found by its new name: merged then too).
      const replaced = outcomes.flatMap((o) => (o.status === 'replaced' ? [o.name] : []));
      wipeFreedPages(db, { searchIndex: replaced.some((name) => before.indexed.has(name) || !before.names.has(name)), vacuum: false });
    }
    const only = files.length === 1 ? outcomes[0] : undefined;
    if (opts.json) writeJson(ctx, interrupted ? { ...summary, warnings, interrupted } : { ...summary, warnings });
    else if (only?.status === 'failed') ctx.stderr.write(`telaah: ${only.message}\n`);
    else ctx.stderr.write(renderIngestSummary(summary, warnings, ctx));
    if (interrupted) {
      ctx.stderr.write(`Interrupted: ${outcomes.length} of ${files.length} files ingested and kept; run the same command again to go on\n`);
      return 130;
    }
    return summary.counts.failed > 0 ? 2 : 0;
  });
}

/** Whether the arguments name a folder or many files (a plain file that cannot be read is left to collectInputFiles). */
function mayBeLarge(args: readonly string[], cwd: string): boolean {
  if (args.length >= 16) return true;
  return args.some((arg) => {
    try {
      return statSync(resolve(cwd, arg)).isDirectory();
    } catch {
      return false;
    }
  });
}
