import { listParticipants } from '../../store/participants.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable } from '../output.js';
import { paint } from '../style.js';

/** `telaah participants list`: pseudonyms, groups, attributes and how much each speaks. */
export async function run(ctx: Ctx, _args: string[], opts: ListingOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, ({ db }) => {
    const rows = listParticipants(db);
    const mode = outputMode(opts);
    if (mode === 'json') {
      writeJson(ctx, rows);
      return 0;
    }
    const attributeNames = [...new Set(rows.flatMap((r) => Object.keys(r.attributes)))];
    const header = ['pseudonym', 'group', ...attributeNames, 'sources', 'turns'];
    const cells = rows.map((r) => [r.pseudonym, r.group, ...attributeNames.map((a) => r.attributes[a] ?? ''), r.sources, r.turns]);
    if (mode === 'csv') writeCsv(ctx, header, cells);
    else {
      if (rows.length === 0 && ctx.stdoutIsTTY) {
        ctx.stderr.write('No participants yet. Add them with `telaah participants import <csv>`.\n');
        return 0;
      }
      writeTable(
        ctx,
        header.map((title) => {
          const count = title === 'sources' || title === 'turns';
          return { title, align: count ? ('right' as const) : ('left' as const), shrink: !count && title !== 'pseudonym', optional: attributeNames.includes(title) };
        }),
        cells,
        { header: paint(ctx).bold },
      );
    }
    return 0;
  });
}
