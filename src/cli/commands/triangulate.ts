import { memosOfCode } from '../../core/analysis/code-memos.js';
import type { AuditSplit } from '../../core/analysis/triangulation-audit.js';
import type { AuditCode, CodeTriangulation } from '../../core/analysis/triangulation-types.js';
import type { Memo } from '../../core/memo-target.js';
import { strictVerdict, triangulationCsv, triangulationDepth, triangulationLegend, triangulationTable } from '../../report/triangulation.js';
import { countParticipantGroups } from '../../store/evidence.js';
import { readTriangulationAudit } from '../../store/evidence-stream.js';
import { listMemos } from '../../store/memos.js';
import { listFilterValues } from '../../store/filter-values.js';
import { checkCoder } from '../coding-filters.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { ListingOptions } from '../flags.js';

/** Options of `telaah triangulate`. */
export interface TriangulateOptions extends ListingOptions {
  coder?: string;
  origin?: string[];
  by?: AuditSplit;
  code?: string;
  strict?: boolean;
  all?: boolean;
}
import { checkCodeIds, currentCodebook } from '../known-codes.js';
import { withProjectToRead } from '../open-project.js';
import { outputMode, writeCsv, writeJson, writeTable, writeText } from '../output.js';
import { paint } from '../style.js';
import { visibleText } from '../../core/text/visible-text.js';

/** `telaah triangulate`: for every code, which kinds of source support it, and what to worry about. */
export async function run(ctx: Ctx, _args: string[], opts: TriangulateOptions): Promise<ExitCode> {
  const { by, coder, origin: origins } = opts;
  return withProjectToRead(ctx, opts, (project): ExitCode => {
    const { codebook } = currentCodebook(project);
    const language = codebook.languages[0] ?? 'id';
    const codes: AuditCode[] = codebook.codes.map((c) => ({
      id: c.id,
      parent: c.parent,
      label: c.label[language] ?? Object.values(c.label)[0] ?? c.id,
      required: c.required,
      contrasts: c.contrasts,
    }));
    const focus = opts.code;
    if (focus) checkCodeIds(codebook, [focus]);
    if (coder !== undefined) checkCoder(coder, listFilterValues(project.db).coders);
    const { triangulation } = project.config;
    const audit = readTriangulationAudit(
      project.db,
      { coder, origins },
      codes,
      { convergent: triangulation.convergent, corroborated: triangulation.corroborated, projectGroups: countParticipantGroups(project.db) },
      { by, focus, required: triangulation.required, strictAll: opts.all === true },
    );
    const c = paint(ctx);
    const heading = (value: string): string | undefined => (audit.by ? `${audit.by}: ${value}` : undefined);
    const mode = outputMode(opts);
    // The focused code's memos, and those on the segments it quotes, go with its evidence.
    const memos = focus ? listMemos(project.db).filter((m) => m.kind === 'code' || m.kind === 'segment') : [];
    const memosOf = (row: CodeTriangulation): Memo[] => memosOfCode(row.code, row.evidence, memos);
    const withMemos = (codes: CodeTriangulation[]) => (focus ? codes.map((row) => ({ ...row, memos: memosOf(row) })) : codes);
    if (mode === 'json') writeJson(ctx, audit.by ? { by: audit.by, groups: audit.tables.map((t) => ({ ...t, codes: withMemos(t.codes) })) } : { codes: withMemos(audit.tables[0]!.codes) });
    else if (mode === 'csv') {
      const { header, rows } = triangulationCsv(audit);
      writeCsv(ctx, header, rows);
    } else if (focus) {
      const width = Math.max(40, Math.min(ctx.stdoutIsTTY ? ctx.columns : 80, 100));
      for (const t of audit.tables) writeText(ctx, triangulationDepth(t.codes[0]!, heading(t.value), width, c, memosOf(t.codes[0]!)));
    } else {
      for (const t of audit.tables) {
        const title = heading(t.value);
        if (title) ctx.stdout.write(`${ctx.stdoutIsTTY ? '\n' : ''}${c.bold(visibleText(title))}\n`);
        const table = triangulationTable(t.codes, c, ctx.stdoutIsTTY);
        writeTable(ctx, table.columns, table.rows, { header: c.bold });
      }
      if (ctx.stdoutIsTTY) ctx.stdout.write(triangulationLegend(triangulation, c));
    }
    if (!opts.strict) return 0;
    ctx.stderr.write(strictVerdict(audit.failing, triangulation.required, audit.by, opts.all === true, c));
    return audit.failing.length ? 1 : 0;
  });
}
