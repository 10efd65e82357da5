import { resolve } from 'node:path';
import { buildRefiProject } from '../../interop/build-refi-project.js';
import { renderProjectXml } from '../../interop/write-qde.js';
import { writeZip } from '../../interop/zip.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { readProjectSnapshot } from '../../store/interop-snapshot.js';
import type { Ctx } from '../context.js';
import { currentCodebook } from '../current-codebook.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { writeJson } from '../output.js';
import { VERSION } from '../version.js';
import { notice } from '../notice.js';

/** Options of `telaah export qdpx`. */
export interface ExportQdpxOptions extends JsonOptions {
  coder?: string;
  origin?: string[];
}

/**
 * `telaah export qdpx OUT`: the project as a REFI-QDA archive (project.qde and sources/GUID.txt) for NVivo,
 * ATLAS.ti, MAXQDA or QualCoder. Codings follow the evidence rules, as `codings list` lists them.
 */
export async function run(ctx: Ctx, args: string[], opts: ExportQdpxOptions): Promise<ExitCode> {
  const out = resolve(ctx.cwd, args[0]!);
  return withProjectToRead(ctx, opts, (project) => {
    const codebook = currentCodebook(project, { optional: true })?.codebook ?? null;
    const snapshot = readProjectSnapshot(project.db, project.config.name, codebook, { coder: opts.coder, origins: opts.origin });
    const { project: refi, files } = buildRefiProject(snapshot, `telaah ${VERSION}`);
    const encoder = new TextEncoder();
    const entries: [string, Uint8Array][] = [['project.qde', encoder.encode(renderProjectXml(refi))]];
    for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) entries.push([path, encoder.encode(text)]);
    writeFileAtomic(out, writeZip(entries), args[0]);
    const counts = {
      sources: refi.sources.length,
      codes: countCodes(refi.codes),
      codings: refi.sources.reduce((n, s) => n + s.selections.reduce((m, sel) => m + sel.codings.length, 0), 0),
      selections: refi.sources.reduce((n, s) => n + s.selections.length, 0),
      users: refi.users.length,
      cases: refi.cases.length,
      notes: refi.notes.length,
    };
    if (opts.json) writeJson(ctx, { file: args[0], ...counts });
    else {
      const origins = opts.origin ? opts.origin.join(', ') : 'auto, manual, accepted, imported';
      notice(
        ctx,
        `Exported ${plural(counts.sources, 'source')}, ${plural(counts.codes, 'code')}, ${plural(counts.codings, 'coding')} (${origins}${opts.coder ? `; coder ${opts.coder}` : ''}) ` +
          `on ${plural(counts.selections, 'selection')}, ${plural(counts.cases, 'participant')} and ${plural(counts.notes, 'note')} to ${args[0]}`,
      );
    }
    return 0;
  });
}

function countCodes(codes: readonly { children: readonly unknown[] }[]): number {
  return codes.reduce((n, c) => n + 1 + countCodes(c.children as typeof codes), 0);
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
