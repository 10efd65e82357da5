import type { SourceType } from '../../core/transcript/types.js';
import { listSourceSummaries } from '../../store/sources.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';

/** Options of `telaah sources list`. */
export interface SourcesListOptions extends ListingOptions {
  type?: SourceType;
}
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable } from '../output.js';
import { paint } from '../style.js';

const FIELDS = ['name', 'type', 'file', 'sha256', 'date', 'site', 'turns', 'segments', 'words'] as const;

/** `telaah sources list`: one row per source. */
export async function run(ctx: Ctx, _args: string[], opts: SourcesListOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, ({ db }) => {
    const rows = listSourceSummaries(db, opts.type);
    const mode = outputMode(opts);
    if (mode === 'json') writeJson(ctx, rows);
    else if (mode === 'csv') writeCsv(ctx, FIELDS, rows.map((r) => FIELDS.map((f) => r[f])));
    else if (rows.length === 0) {
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
