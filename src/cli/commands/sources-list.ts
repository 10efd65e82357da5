import type { SourceType } from '../../core/transcript/types.js';
import { iterateSourceSummaries, listSourceSummaries } from '../../store/sources.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { runExport } from '../export-sink.js';
import { writeCsvRows } from '../export/csv-rows.js';
import { writeJsonRows } from '../export/json-rows.js';
import type { ListingOptions } from '../flags.js';

/** Options of `telaah sources list`. */
export interface SourcesListOptions extends ListingOptions {
  type?: SourceType;
}
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeTable } from '../output.js';
import { paint } from '../style.js';

const FIELDS = ['name', 'type', 'file', 'sha256', 'date', 'site', 'turns', 'segments', 'words'] as const;

/** `telaah sources list`: one row per source. */
export async function run(ctx: Ctx, _args: string[], opts: SourcesListOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, async ({ db }): Promise<ExitCode> => {
    const mode = outputMode(opts);
    // JSON and CSV are written as the rows come: a project of a hundred thousand sources needs no array of them.
    if (mode !== 'table') {
      const rows = iterateSourceSummaries(db, opts.type);
      const done = await runExport(ctx, {}, (sink, pace) => (mode === 'json' ? writeJsonRows(sink, pace, rows) : writeCsvRows(sink, pace, FIELDS, rows, (r) => FIELDS.map((f) => r[f]))));
      return done.interrupted ? 130 : 0;
    }
    const rows = listSourceSummaries(db, opts.type);
    if (rows.length === 0) {
      ctx.stderr.write('No sources yet. Add some with `telaah ingest <files or folders>`.\n');
    } else {
      const shown = ['name', 'type', 'date', 'site', 'turns', 'segments', 'words'] as const;
      writeTable(
        ctx,
        shown.map((title) => ({
          title,
          align: title === 'turns' || title === 'segments' || title === 'words' ? ('right' as const) : ('left' as const),
          shrink: title === 'name' || title === 'site',
        })),
        rows.map((r) => shown.map((f) => r[f])),
        { header: paint(ctx).bold },
      );
      if (ctx.stdoutIsTTY) {
        const total = rows.reduce((n, r) => n + r.words, 0);
        ctx.stdout.write(paint(ctx).dim(`${rows.length} sources, ${total.toLocaleString('en')} words\n`));
      }
    }
    return 0;
  });
}
