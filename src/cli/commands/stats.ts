import { countCodeFrequencies, type CodeSplit } from '../../core/analysis/code-frequencies.js';
import { summarizeProject } from '../../core/analysis/project-overview.js';
import { SOURCE_TYPES, type SourceType } from '../../core/transcript/types.js';
import { codeTable, codeTableCsv, codeTableLegend, codeTableTitle, overviewTables, statsJson, turnsLine, type CodeTable } from '../../report/stats.js';
import { readCodingColumns } from '../../store/coding-columns.js';
import { readOverviewParticipants, readOverviewSources, readRejections, readTurnGroups } from '../../store/stats.js';
import { checkCoder } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';
import { currentCodebook } from '../known-codes.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable } from '../output.js';
import { paint } from '../style.js';

/** Options of `telaah stats`. */
export interface StatsOptions extends ListingOptions {
  type?: SourceType;
  coder?: string;
  origin?: string[];
  by?: CodeSplit;
}

/** `telaah stats`: what the project holds (sources, turns, participants, codings), then how often each code is applied. */
export async function run(ctx: Ctx, _args: string[], opts: StatsOptions): Promise<ExitCode> {
  const { type, coder, origin: origins } = opts;
  return withProjectToRead(ctx, opts, (project): ExitCode => {
    const { db } = project;
    const columns = readCodingColumns(db, { coder, origins }, type);
    const rejections = readRejections(db, type);
    // Coders known from the codings and rejections just read: no second pass over the codings.
    if (coder !== undefined) checkCoder(coder, [...new Set([...columns.coders, ...rejections.keys()])]);
    const overview = summarizeProject({
      types: type ? [type] : SOURCE_TYPES,
      sources: readOverviewSources(db, type),
      turnGroups: readTurnGroups(db, type),
      participants: readOverviewParticipants(db),
      codings: columns,
      rejections,
    });
    const mode = outputMode(opts);
    // The CSV is the code table, so it needs a codebook (and says how to choose one); the rest does not.
    const current = mode === 'csv' ? currentCodebook(project) : currentCodebook(project, { optional: true });
    let codes: CodeTable | null = null;
    if (current) {
      const { codebook } = current;
      const language = codebook.languages[0] ?? 'id';
      const codebookCodes = codebook.codes.map((c) => ({ id: c.id, parent: c.parent, label: c.label[language] ?? Object.values(c.label)[0] ?? c.id }));
      codes = {
        ...countCodeFrequencies(codebookCodes, columns, opts.by ?? null),
        codebook: { name: codebook.name, version: codebook.version },
        coder: coder ?? null,
        origins: origins ?? null,
      };
    }
    if (mode === 'json') writeJson(ctx, statsJson(type ?? null, overview, codes));
    else if (mode === 'csv' && codes) {
      const { header, rows } = codeTableCsv(codes);
      writeCsv(ctx, header, rows);
    } else {
      const c = paint(ctx);
      let first = true;
      const title = (text: string): void => {
        ctx.stdout.write(`${first ? '' : '\n'}${c.bold(text)}\n`);
        first = false;
      };
      for (const { title: heading, table } of overviewTables(overview)) {
        title(heading);
        writeTable(ctx, table.columns, table.rows, { header: c.bold });
        if (heading === 'Sources') ctx.stdout.write(`${turnsLine(overview)}\n`);
      }
      if (codes) {
        title(codeTableTitle(codes));
        const table = codeTable(codes);
        writeTable(ctx, table.columns, table.rows, { header: c.bold });
        if (ctx.stdoutIsTTY) ctx.stdout.write(c.dim(codeTableLegend(codes, ctx.columns)));
      } else ctx.stderr.write('No codebook yet, so no code frequencies: choose one with `telaah codebook use FILE`.\n');
    }
    return 0;
  });
}
