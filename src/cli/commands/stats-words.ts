import { WordCounter } from '../../core/analysis/word-frequencies.js';
import { createStemmers } from '../../core/coding/stemmers.js';
import { STOP_WORDS } from '../../core/text/stop-words.js';
import type { SourceType } from '../../core/transcript/types.js';
import { wordCsv, wordSummary, wordTable } from '../../report/word-frequencies.js';
import { InputError } from '../../errors.js';
import { lazyAttributeValues } from '../../store/filter-values.js';
import { listSourceNames } from '../../store/sources.js';
import { countTurnWords } from '../../store/turn-words.js';
import { hintFor, resolveWhere } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions, WhereOption } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable } from '../output.js';
import { paint } from '../style.js';
import { threadsFromEnv } from '../threads-env.js';

/** Options of `telaah stats words`. */
export interface StatsWordsOptions extends ListingOptions {
  type?: SourceType;
  source?: string;
  where?: WhereOption;
  includeInterviewer?: boolean;
  top?: number;
  stems?: boolean;
  keepStopWords?: boolean;
}

/** `telaah stats words`: the commonest words (or stems) of participants' turns. */
export async function run(ctx: Ctx, _args: string[], opts: StatsWordsOptions): Promise<ExitCode> {
  const threads = threadsFromEnv(ctx.env.TELAAH_THREADS);
  return withProjectToRead(ctx, opts, async ({ db }): Promise<ExitCode> => {
    // A mistyped source or attribute is an error naming the nearest, not an empty table. Only what the
    // filter names is read (listFilterValues would read every coding and walk every source's text).
    if (opts.source !== undefined) {
      const names = listSourceNames(db);
      if (!names.includes(opts.source)) throw new InputError(`no source named "${opts.source}"`, { hint: hintFor(opts.source, names, 'see `telaah sources list`') });
    }
    if (opts.where) resolveWhere(opts.where, lazyAttributeValues(db));
    // Notes and documents have no speaker: their units count when their type or a source is named.
    const unspoken = opts.type === 'observation' || opts.type === 'document' || opts.source !== undefined;
    const roles = new Set<'participant' | 'interviewer' | null>(['participant', ...(opts.includeInterviewer ? (['interviewer'] as const) : []), ...(unspoken ? [null] : [])]);
    const counter = new WordCounter({ stopWords: opts.keepStopWords ? null : STOP_WORDS, stemmers: opts.stems ? createStemmers() : null });
    await countTurnWords(db, { type: opts.type, source: opts.source, roles, attribute: opts.where }, counter, threads);
    const result = counter.result(opts.top ?? 30);
    const mode = outputMode(opts);
    if (mode === 'json') writeJson(ctx, result);
    else if (mode === 'csv') {
      const { header, rows } = wordCsv(result);
      writeCsv(ctx, header, rows);
    } else {
      const c = paint(ctx);
      const table = wordTable(result);
      writeTable(ctx, table.columns, table.rows, { header: c.bold });
      if (ctx.stdoutIsTTY) ctx.stdout.write(c.dim(wordSummary(result, !opts.keepStopWords, ctx.columns)));
      if (result.turns === 0) ctx.stderr.write('No turns match (participants speak in interviews and FGDs; --include-interviewer adds interviewers, --type observation|document reads notes and documents).\n');
    }
    return 0;
  });
}
