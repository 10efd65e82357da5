import { resolve } from 'node:path';
import { compileCoder } from '../../core/coding/auto-coder.js';
import { createStemmers } from '../../core/coding/stemmers.js';
import { countCodePoints } from '../../core/text/code-points.js';
import { loadValidCodebook } from '../../io/read-codebook.js';
import { recordAudit } from '../../store/audit.js';
import { iterateCodingUnits, replaceAutoCodings, type NewCoding } from '../../store/codings.js';
import { countSources } from '../../store/sources.js';
import { applyCodebookFile, describeDroppedCodes } from '../apply-codebook.js';
import { actorOf, type Ctx } from '../context.js';
import { currentCodebook, describeCodebookFileChange } from '../current-codebook.js';
import type { ExitCode } from '../exit-code.js';
import { withProject } from '../open-project.js';
import { writeJson, writeTable } from '../output.js';
import { progressBar, startProgress } from '../progress.js';
import { paint } from '../style.js';

/**
 * `telaah code auto`: applies the current codebook's patterns (as stored) to every unit; `--codebook F`
 * first makes F the current codebook. Human codings are never touched.
 */
export async function run(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<ExitCode> {
  // Read a named file before opening the project: a bad file must leave the project unchanged.
  const given = typeof opts.codebook === 'string' ? loadValidCodebook(resolve(ctx.cwd, opts.codebook)) : undefined;
  return withProject(ctx, opts, async (project): Promise<ExitCode> => {
    const { db, config } = project;
    if (given) {
      const applied = applyCodebookFile(ctx, project, given, String(opts.codebook), 'code auto --codebook');
      if (!applied.unchanged) ctx.stderr.write(`Using "${applied.version.name}" ${applied.version.version} as the project's current codebook\n`);
      for (const line of describeDroppedCodes(ctx, applied)) ctx.stderr.write(`${line}\n`);
    }
    const current = currentCodebook(project);
    const changed = given ? undefined : describeCodebookFileChange(ctx, project, current);
    if (changed) ctx.stderr.write(`${changed}\n`);
    const { codebook, version } = current;
    const now = ctx.now().toISOString();
    const coder = compileCoder(codebook, createStemmers());
    const unit = opts.unit === 'turn' || opts.unit === 'sentence' ? opts.unit : config.codingUnit;
    const progress = await startProgress(ctx, 'Coding');
    const codings: NewCoding[] = [];
    let units = 0;
    const total = countSources(db);
    let done = 0;
    try {
      for (const { source, units: list } of iterateCodingUnits(db, { unit, includeInterviewer: opts.includeInterviewer === true })) {
        progress.update(`Coding ${progressBar(done++, total)} ${source}`);
        units += list.length;
        for (const u of list) {
          for (const match of coder.code(u.text)) {
            const start = u.offset + countCodePoints(u.text, 0, match.start);
            codings.push({ segmentId: u.segmentId, code: match.code, start, end: start + countCodePoints(u.text, match.start, match.end) });
          }
        }
      }
    } finally {
      progress.stop();
    }
    const result = replaceAutoCodings(db, version.id, codings, now);
    const perCode = new Map<string, number>();
    for (const c of codings) perCode.set(c.code, (perCode.get(c.code) ?? 0) + 1);
    if (result.added + result.removed > 0) {
      recordAudit(db, { at: now, actor: actorOf(ctx), command: 'code auto', arguments: [version.file], counts: { units, ...result } });
    }
    const rows = codebook.codes.filter((code) => perCode.has(code.id) || !codebook.codes.some((o) => o.parent === code.id)).map((code) => ({ code: code.id, units: perCode.get(code.id) ?? 0 }));
    if (opts.json) {
      writeJson(ctx, { codebook: { name: version.name, version: version.version }, unit, units, ...result, codes: rows });
      return 0;
    }
    const c = paint(ctx);
    writeTable(ctx, [{ title: 'code' }, { title: 'units', align: 'right' }], rows.map((r) => [r.code, r.units]), { header: c.bold });
    ctx.stderr.write(
      result.added + result.removed === 0
        ? `No change: ${units} ${unit}s already coded with "${version.name}" ${version.version} (${codings.length} codings)\n`
        : `Coded ${units} ${unit}s with "${version.name}" ${version.version}: ${codings.length} codings (${result.added} new, ${result.removed} removed, ${result.kept} unchanged); human codings kept\n`,
    );
    return 0;
  });
}
