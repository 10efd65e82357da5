import type { CodingUnit } from '../../core/config.js';
import { agreementCsv, agreementFooter, agreementHeading, agreementTable, disagreementsCsv, disagreementText } from '../../report/agreement.js';
import { compareCoders } from '../agreement/compare-coders.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';
import { currentCodebook } from '../known-codes.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable, writeText } from '../output.js';
import { paint } from '../style.js';

/** Options of `telaah agree`. */
export interface AgreeOptions extends ListingOptions {
  coders: string[];
  unit?: CodingUnit;
  allSources?: boolean;
  excludeUncoded?: boolean;
  disagreements?: boolean;
  codes?: string[];
  source?: string[];
}

/** `telaah agree`: how far coders agree, code by code, on the units of the sources they all coded. */
export async function run(ctx: Ctx, _args: string[], opts: AgreeOptions): Promise<ExitCode> {
  return withProjectToRead(ctx, opts, (project): ExitCode => {
    const unit = opts.unit ?? 'turn';
    const codebook = currentCodebook(project, { optional: true })?.codebook ?? null;
    const request = {
      coders: opts.coders,
      unit,
      allSources: opts.allSources === true,
      excludeUncoded: opts.excludeUncoded === true,
      disagreements: opts.disagreements === true,
      codes: opts.codes,
      sources: opts.source,
    };
    const { summary, sources, disagreements } = compareCoders(project.db, codebook, request);
    const mode = outputMode(opts);
    if (mode === 'json') {
      const { units, pairable, coders, kappaMeasure, codes, unused, pooled, average, machine } = summary;
      writeJson(ctx, { unit, units, pairable, coders, kappaMeasure, sources, codes, unused, pooled, average, ...(machine ? { machine } : {}), ...(request.disagreements ? { disagreements } : {}) });
      return 0;
    }
    if (mode === 'csv') {
      const { header, rows } = request.disagreements ? disagreementsCsv(disagreements, summary.coders) : agreementCsv(summary);
      writeCsv(ctx, header, rows);
      return 0;
    }
    const c = paint(ctx);
    const width = Math.max(40, ctx.columns);
    // Heading and notes are for people: around the table on a terminal, else on stderr so pipes get only rows.
    const notes = ctx.stdoutIsTTY ? ctx.stdout : ctx.stderr;
    notes.write(agreementHeading(summary, unit, sources.compared.length, request.excludeUncoded, c));
    const table = agreementTable(summary, c, ctx.stdoutIsTTY);
    writeTable(ctx, table.columns, table.rows, { header: c.bold });
    notes.write(agreementFooter(summary, sources, request.allSources, width, c));
    if (request.disagreements) {
      ctx.stdout.write(`\n${c.bold(`${disagreements.length} ${disagreements.length === 1 ? 'unit' : 'units'} judged differently`)}\n`);
      for (const d of disagreements) writeText(ctx, `\n${disagreementText(d, width, c)}`);
    }
    return 0;
  });
}
