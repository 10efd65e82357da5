import { relative, resolve } from 'node:path';
import { compileCoder } from '../../core/coding/auto-coder.js';
import { createStemmers } from '../../core/coding/stemmers.js';
import { countCodePoints } from '../../core/text/code-points.js';
import { InputError } from '../../errors.js';
import { loadValidCodebook } from '../../io/read-codebook.js';
import { recordAudit } from '../../store/audit.js';
import { saveCodebookVersion } from '../../store/codebooks.js';
import { iterateCodingUnits, replaceAutoCodings, type NewCoding } from '../../store/codings.js';
import { countSources } from '../../store/sources.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { withProject } from '../open-project.js';
import { writeJson, writeTable } from '../output.js';
import { progressBar, startProgress } from '../progress.js';
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
      recordAudit(db, { at: now, actor: actorOf(ctx), command: 'code auto', arguments: [file.path], counts: { units, ...result } });
    }
    const rows = file.codebook.codes.filter((code) => perCode.has(code.id) || !file.codebook.codes.some((o) => o.parent === code.id)).map((code) => ({ code: code.id, units: perCode.get(code.id) ?? 0 }));
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
