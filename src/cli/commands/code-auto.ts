import { relative, resolve } from 'node:path';
import { compileCoder } from '../../core/coding/auto-coder.js';
import { createStemmers } from '../../core/coding/stemmers.js';
import { InputError } from '../../errors.js';
import { loadValidCodebook } from '../../io/read-codebook.js';
import { recordAudit } from '../../store/audit.js';
import { saveCodebookVersion } from '../../store/codebooks.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { withProject } from '../open-project.js';
import { writeJson, writeTable } from '../output.js';
import { codeSources } from '../coding/code-sources.js';
import { whileInterruptible } from '../interrupt.js';
import { paint } from '../style.js';

/** `telaah code auto`: applies the codebook's patterns to every unit; human codings are never touched. */
export async function run(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<ExitCode> {
  return withProject(ctx, opts, async ({ db, config, paths }): Promise<ExitCode> => {
    const given = typeof opts.codebook === 'string' ? resolve(ctx.cwd, opts.codebook) : config.codebook ? resolve(paths.dir, config.codebook) : undefined;
    if (!given) {
      throw new InputError('the project has no codebook yet', {
        hint: 'Choose one with `telaah codebook use FILE`, or pass --codebook FILE',
      });
    }
    const file = loadValidCodebook(given);
    const now = ctx.now().toISOString();
    const { version } = saveCodebookVersion(db, file.codebook, { file: relative(paths.dir, given) || given, sha256: file.sha256, yaml: file.text }, now);
    const coder = compileCoder(file.codebook, createStemmers());
    const unit = opts.unit === 'turn' || opts.unit === 'sentence' ? opts.unit : config.codingUnit;
    const plan = { unit, includeInterviewer: opts.includeInterviewer === true, json: opts.json, coder, codebookId: version.id, now };
    const { units, codings, perCode, change, sources, interrupted } = await whileInterruptible(ctx, (signal) => codeSources(ctx, db, plan, signal));
    if (change.added + change.removed > 0) {
      const counts = { units, ...change, ...(interrupted ? { interrupted: 1 } : {}) };
      recordAudit(db, { at: now, actor: actorOf(ctx), command: 'code auto', arguments: [file.path], counts });
    }
    if (interrupted) {
      if (opts.json) writeJson(ctx, { codebook: { name: version.name, version: version.version }, unit, units, ...change, interrupted: true });
      ctx.stderr.write(
        `Interrupted: ${sources.done} of ${sources.total} sources coded with "${version.name}" ${version.version} and kept ` +
          `(${codings} codings: ${change.added} new, ${change.removed} removed, ${change.kept} unchanged); run the same command again to go on\n`,
      );
      return 130;
    }
    const rows = file.codebook.codes.filter((code) => perCode.has(code.id) || !file.codebook.codes.some((o) => o.parent === code.id)).map((code) => ({ code: code.id, units: perCode.get(code.id) ?? 0 }));
    if (opts.json) {
      writeJson(ctx, { codebook: { name: version.name, version: version.version }, unit, units, ...change, codes: rows });
      return 0;
    }
    const c = paint(ctx);
    writeTable(ctx, [{ title: 'code' }, { title: 'units', align: 'right' }], rows.map((r) => [r.code, r.units]), { header: c.bold });
    ctx.stderr.write(
      change.added + change.removed === 0
        ? `No change: ${units} ${unit}s already coded with "${version.name}" ${version.version} (${codings} codings)\n`
        : `Coded ${units} ${unit}s with "${version.name}" ${version.version}: ${codings} codings (${change.added} new, ${change.removed} removed, ${change.kept} unchanged); human codings kept\n`,
    );
    return 0;
  });
}
