import { createStemmers } from '../../core/coding/stemmers.js';
import { compileSearch } from '../../core/search/compile-search.js';
import { parseSearchWords } from '../../core/search/parse-search.js';
import { SearchKeys } from '../../core/search/search-keys.js';
import type { SourceType } from '../../core/transcript/types.js';
import { hitCountLine, kwicLayout, kwicLine, kwicTsvLine } from '../../report/search-hits.js';
import { listParticipantValues } from '../../store/filter-values.js';
import { findSearchHits, readSearchHits, type SearchFilter, type SearchHit } from '../../store/search-hits.js';
import { listSourceNames } from '../../store/sources.js';
import { checkCodingFilter } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { runExport } from '../export-sink.js';
import { writeCsvRows } from '../export/csv-rows.js';
import { writeJsonRows } from '../export/json-rows.js';
import { writeRowLines } from '../export/row-lines.js';
import type { ListingOptions, WhereOption } from '../flags.js';
import { whileInterruptible } from '../interrupt.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeText } from '../output.js';
import { formatCount } from '../progress.js';
import { updateSearchIndex } from '../search/update-search-index.js';
import { paint } from '../style.js';

/** Options of `telaah search`. */
export interface SearchOptions extends ListingOptions {
  exact?: boolean;
  any?: boolean;
  type?: SourceType;
  source?: string;
  where?: WhereOption;
  limit?: number;
}

/** Hits shown on a terminal unless --limit says otherwise: a screen or two. */
const TERMINAL_LIMIT = 50;

const CSV_FIELDS = ['source', 'sourceType', 'segment', 'speaker', 'participant', 'role', 'start', 'end', 'text', 'matched'] as const;

/** `telaah search <words…>`: every sentence holding the words, in context. */
export async function run(ctx: Ctx, args: string[], opts: SearchOptions): Promise<ExitCode> {
  // Read before opening the project: a search that cannot be read builds no index.
  const terms = parseSearchWords(args);
  const mode = outputMode(opts);
  return withProjectToRead(ctx, opts, async ({ db, config }): Promise<ExitCode> => {
    checkCodingFilter({ source: opts.source, attribute: opts.where }, () => ({ codes: [], coders: [], sources: listSourceNames(db), attributes: listParticipantValues(db), sourceAttributes: new Map() }), null);
    const stemmers = createStemmers();
    const keys = new SearchKeys(stemmers);
    const update = await whileInterruptible(ctx, (signal) => updateSearchIndex(ctx, db, keys, opts, signal));
    if (update.interrupted) {
      ctx.stderr.write(`Interrupted: ${formatCount(update.indexed)} of ${formatCount(update.missing)} sources indexed for search and kept; run the search again to go on\n`);
      return 130;
    }
    if (update.indexed > 0 && ctx.stderrIsTTY && mode === 'table') {
      ctx.stderr.write(`${paint(ctx).dim(`Indexed ${formatCount(update.indexed)} sources for search (${formatCount(update.units)} sentences, ${update.seconds.toFixed(1)} s)`)}\n`);
    }
    const search = compileSearch(terms, { exact: opts.exact === true, any: opts.any === true, languages: config.languages }, stemmers);
    const filter: SearchFilter = { source: opts.source, sourceType: opts.type, attribute: opts.where };
    const sources = findSearchHits(db, search.expression, filter);
    const total = sources.reduce((n, s) => n + s.segmentIds.length, 0);
    const limit = opts.limit ?? (mode === 'table' && ctx.stdoutIsTTY ? TERMINAL_LIMIT : Number.POSITIVE_INFINITY);
    const hits = readSearchHits(db, sources, (text) => search.find(text, keys), limit);
    // JSON, CSV and the piped lines go as an export: in chunks as the hits come, waiting while a slow pipe
    // drains, and a closed pipe (`| head`) or Ctrl-C stops a long listing at once.
    if (mode === 'json') {
      const done = await runExport(ctx, {}, (sink, pace) => writeJsonRows(sink, pace, hits));
      return done.interrupted ? 130 : 0;
    }
    if (mode === 'csv') {
      const done = await runExport(ctx, {}, (sink, pace) => writeCsvRows(sink, pace, CSV_FIELDS, hits, csvCells));
      return done.interrupted ? 130 : 0;
    }
    {
      const written = ctx.stdoutIsTTY ? writeKwic(ctx, hits) : await runExport(ctx, {}, (sink, pace) => writeRowLines(sink, pace, hits, (hit) => `${kwicTsvLine(hit)}\n`));
      if (typeof written !== 'number' && written.interrupted) return 130;
      const shown = typeof written === 'number' ? written : written.result;
      // The count line is for people: on a terminal under the hits, else on stderr so pipes get only hits.
      const hint = total === 0 && opts.exact ? ' (without --exact, every form of the words counts)' : '';
      const line = `${paint(ctx).dim(hitCountLine(total, sources.length, shown) + hint)}\n`;
      if (ctx.stdoutIsTTY) ctx.stdout.write(line);
      else ctx.stderr.write(line);
    }
    return 0;
  });
}

/** Keyword in context on a terminal: a limited listing, so its hits are laid out together. Returns the lines written. */
function writeKwic(ctx: Ctx, hits: Iterable<SearchHit>): number {
  const all = [...hits];
  const layout = kwicLayout(all, ctx.columns);
  const c = paint(ctx);
  for (const hit of all) writeText(ctx, `${kwicLine(hit, layout, ctx.columns, c)}\n`);
  return all.length;
}

/** A hit's CSV cells; `matched` joins the words found with " | ". */
function csvCells(hit: SearchHit): unknown[] {
  const row = { ...hit, matched: hit.matches.map((m) => m.text).join(' | ') };
  return CSV_FIELDS.map((f) => row[f]);
}
