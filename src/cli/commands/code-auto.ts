import { resolve } from 'node:path';
import type { Codebook } from '../../core/codebook/types.js';
import { loadValidCodebook } from '../../io/read-codebook.js';
import { recordAudit } from '../../store/audit.js';
import type { CodebookVersion } from '../../store/codebooks.js';
import { applyCodebookFile, describeDroppedCodes } from '../apply-codebook.js';
import { actorOf, type Ctx } from '../context.js';
import { currentCodebook, describeCodebookFileChange } from '../current-codebook.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';

/** Options of `telaah code auto`. */
export interface CodeAutoOptions extends JsonOptions {
  /** A codebook file to apply (and make current) first. */
  codebook?: string;
  unit?: 'sentence' | 'turn';
  includeInterviewer?: boolean;
}
import { withProject } from '../open-project.js';
import { writeJson, writeTable } from '../output.js';
import { codeSources } from '../coding/code-sources.js';
import { whileInterruptible } from '../interrupt.js';
import { paint } from '../style.js';
import { notice } from '../notice.js';
import { threadsFromEnv } from '../threads-env.js';

/**
 * `telaah code auto`: applies the current codebook's patterns (as stored) to every unit; `--codebook F`
 * first makes F the current codebook. Human codings are never touched.
 */
export async function run(ctx: Ctx, _args: string[], opts: CodeAutoOptions): Promise<ExitCode> {
  // Read a named file before opening the project: a bad file must leave the project unchanged.
  const given = opts.codebook === undefined ? undefined : loadValidCodebook(resolve(ctx.cwd, opts.codebook));
  const threads = threadsFromEnv(ctx.env.TELAAH_THREADS);
  return withProject(ctx, opts, async (project): Promise<ExitCode> => {
    const { db, config } = project;
    let current: { codebook: Codebook; version: CodebookVersion };
    if (given) {
      const applied = applyCodebookFile(ctx, project, given, opts.codebook!, 'code auto --codebook');
      if (!applied.unchanged) notice(ctx, `Using "${applied.version.name}" ${applied.version.version} as the project's current codebook`);
      for (const line of describeDroppedCodes(ctx, applied)) notice(ctx, line);
      // The file just applied is the current version, stored from the same bytes (same sha256): not parsed again.
      current = { codebook: given.codebook, version: applied.version };
    } else {
      const stored = currentCodebook(project);
      const changed = describeCodebookFileChange(ctx, project, stored);
      if (changed) notice(ctx, changed);
      current = stored;
    }
    const { codebook, version } = current;
    const now = ctx.now().toISOString();
    const unit = opts.unit ?? config.codingUnit;
    const plan = { unit, includeInterviewer: opts.includeInterviewer === true, json: opts.json, codebook, codebookId: version.id, now, threads };
    const { units, codings, perCode, change, sources, interrupted } = await whileInterruptible(ctx, (signal) => codeSources(ctx, db, plan, signal));
    if (change.added + change.removed > 0) {
      const counts = { units, ...change, ...(interrupted ? { interrupted: 1 } : {}) };
      recordAudit(db, { at: now, actor: actorOf(ctx), command: 'code auto', arguments: [version.file], counts });
    }
    if (interrupted) {
      if (opts.json) writeJson(ctx, { codebook: { name: version.name, version: version.version }, unit, units, ...change, interrupted: true });
      notice(
        ctx,
        `Interrupted: ${sources.done} of ${sources.total} sources coded with "${version.name}" ${version.version} and kept ` +
          `(${codings} codings: ${change.added} new, ${change.removed} removed, ${change.kept} unchanged); run the same command again to go on`,
      );
      return 130;
    }
    const rows = codebook.codes.filter((code) => perCode.has(code.id) || !codebook.codes.some((o) => o.parent === code.id)).map((code) => ({ code: code.id, units: perCode.get(code.id) ?? 0 }));
    if (opts.json) {
      writeJson(ctx, { codebook: { name: version.name, version: version.version }, unit, units, ...change, codes: rows });
      return 0;
    }
    const c = paint(ctx);
    writeTable(ctx, [{ title: 'code' }, { title: 'units', align: 'right' }], rows.map((r) => [r.code, r.units]), { header: c.bold });
    notice(
      ctx,
      change.added + change.removed === 0
        ? `No change: ${units} ${unit}s already coded with "${version.name}" ${version.version} (${codings} codings)`
        : `Coded ${units} ${unit}s with "${version.name}" ${version.version}: ${codings} codings (${change.added} new, ${change.removed} removed, ${change.kept} unchanged); human codings kept`,
    );
    return 0;
  });
}
