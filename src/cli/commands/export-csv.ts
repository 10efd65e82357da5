import type { CodingUnit } from '../../core/config.js';
import type { SourceType } from '../../core/transcript/types.js';
import { InputError } from '../../errors.js';
import { countSources, listSourceNames } from '../../store/sources.js';
import { listFilterValues } from '../../store/filter-values.js';
import type { CodingFilter } from '../../store/list-codings.js';
import { checkCodingFilter, codingFilterOf, hintFor } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { writeCodingsCsv } from '../export/codings-csv.js';
import { writeMatrixCsv } from '../export/matrix-csv.js';
import { writeQuotesCsv } from '../export/quotes-csv.js';
import { writeSegmentsCsv } from '../export/segments-csv.js';
import { runExport, type ExportPace, type ExportSink, type ExportTarget } from '../export-sink.js';
import type { GlobalOptions, WhereOption } from '../flags.js';
import { currentCodebook } from '../known-codes.js';
import { withProjectToRead, type Project } from '../open-project.js';
import { formatCount, startProgress } from '../progress.js';
import { notice } from '../notice.js';

/** What `export csv` writes. */
export type ExportWhat = 'segments' | 'codings' | 'matrix' | 'quotes';

/** Options of `telaah export csv`. */
export interface ExportCsvOptions extends GlobalOptions, ExportTarget {
  what: ExportWhat;
  code?: string;
  codes?: string[];
  coder?: string;
  origin?: string[];
  source?: string;
  type?: SourceType;
  where?: WhereOption;
  unit?: CodingUnit;
  matrix?: 'attributes' | 'cooccurrence';
  by?: string;
  categories?: boolean;
  jaccard?: boolean;
}

/** The options each kind of export takes besides -o and --bom; any other is refused rather than ignored. */
const TAKES: Record<ExportWhat, readonly (keyof ExportCsvOptions)[]> = {
  segments: ['source', 'type', 'unit'],
  codings: ['code', 'coder', 'origin', 'source', 'type', 'where'],
  quotes: ['code', 'coder', 'origin', 'source', 'type', 'where'],
  matrix: ['matrix', 'by', 'codes', 'code', 'categories', 'jaccard', 'unit', 'where', 'type', 'source', 'coder', 'origin'],
};

const FLAG: Partial<Record<keyof ExportCsvOptions, string>> = { code: '--code', codes: '--codes', coder: '--coder', origin: '--origin', source: '--source', type: '--type', where: '--where', unit: '--unit', matrix: '--matrix', by: '--by', categories: '--categories', jaccard: '--jaccard' };

/** `telaah export csv --what segments|codings|matrix|quotes`: a table for R, SPSS or Excel. */
export async function run(ctx: Ctx, _args: string[], opts: ExportCsvOptions): Promise<ExitCode> {
  checkOptions(opts);
  return withProjectToRead(ctx, opts, async (project): Promise<ExitCode> => {
    const noun = opts.what === 'matrix' ? 'matrix rows' : opts.what;
    const done = await runExport(ctx, opts, (sink, pace) => write(ctx, project, opts, sink, pace));
    if (done.interrupted) return 130;
    if (opts.out !== undefined) notice(ctx, `Wrote ${formatCount(done.result)} ${done.result === 1 ? noun.replace(/s$/, '') : noun} to ${opts.out}`);
    return 0;
  });
}

async function write(ctx: Ctx, project: Project, opts: ExportCsvOptions, sink: ExportSink, pace: ExportPace): Promise<number> {
  const { db } = project;
  switch (opts.what) {
    case 'segments': {
      if (opts.source !== undefined) checkSource(project, opts.source);
      const progress = startProgress(ctx);
      const total = opts.source === undefined ? countSources(db) : 1;
      let done = 0;
      try {
        return await writeSegmentsCsv(db, { source: opts.source, sourceType: opts.type, unit: opts.unit }, sink, pace, () => {
          done += 1;
          progress.update(() => ({ label: 'Exporting', done, total, unit: 'sources', details: [] }));
        });
      } finally {
        progress.stop();
      }
    }
    case 'codings':
      return writeCodingsCsv(db, codingFilter(project, opts), sink, pace);
    case 'quotes':
      return writeQuotesCsv(project, codingFilter(project, opts), sink, pace);
    case 'matrix':
      return writeMatrixCsv(project, { ...opts, matrix: opts.matrix ?? 'attributes' }, sink);
  }
}

/** Refuses options the export does not take, and a matrix without what it needs. */
function checkOptions(opts: ExportCsvOptions): void {
  const takes = TAKES[opts.what];
  for (const [key, flag] of Object.entries(FLAG) as [keyof ExportCsvOptions, string][]) {
    if (opts[key] !== undefined && !takes.includes(key)) {
      const others = (Object.keys(TAKES) as ExportWhat[]).filter((w) => TAKES[w].includes(key));
      throw new InputError(`${flag} does not apply to --what ${opts.what}`, { hint: `It applies to --what ${others.join(', ')}` });
    }
  }
  if (opts.origin?.includes('rejected') && opts.what !== 'codings') {
    throw new InputError(`--origin rejected applies to --what codings only`, { hint: 'Rejected proposals never count as evidence, so quotes and matrices leave them out' });
  }
  if (opts.what !== 'matrix') return;
  const matrix = opts.matrix ?? 'attributes';
  if (matrix === 'attributes' && opts.by === undefined) {
    throw new InputError('--what matrix needs --by KEY (the framework matrix) or --matrix cooccurrence', { hint: 'For example --by group, --by site or --by source.type' });
  }
  if (matrix === 'cooccurrence' && opts.by !== undefined) throw new InputError('--by does not apply to --matrix cooccurrence', { hint: 'Leave --by out, or use --matrix attributes' });
  if (matrix === 'attributes' && opts.jaccard) throw new InputError('--jaccard applies to --matrix cooccurrence only', { hint: 'Add --matrix cooccurrence' });
}

/** The coding filter of the options, checked against the project as `codings list` checks it. */
function codingFilter(project: Project, opts: ExportCsvOptions): CodingFilter {
  const codebook = opts.code !== undefined && project.config.codebook ? currentCodebook(project).codebook : null;
  return checkCodingFilter(codingFilterOf(opts), () => listFilterValues(project.db), codebook);
}

function checkSource(project: Project, source: string): void {
  const names = listSourceNames(project.db);
  if (!names.includes(source)) throw new InputError(`no source named "${source}"`, { hint: hintFor(source, names, 'see `telaah sources list`') });
}
