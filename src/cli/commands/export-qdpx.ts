import { resolve } from 'node:path';
import { writeQdpx, type QdpxCounts, type QdpxPace } from '../../interop/write-qdpx.js';
import { ZipWriter } from '../../interop/zip-writer.js';
import { PatchableFile } from '../../io/patchable-file.js';
import { readProjectOutline, sourceCodingsReader, sourceTextReader } from '../../store/interop-snapshot.js';
import type { Ctx } from '../context.js';
import { currentCodebook } from '../current-codebook.js';
import type { ExitCode } from '../exit-code.js';
import type { JsonOptions } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { writeJson } from '../output.js';
import { VERSION } from '../version.js';
import { notice } from '../notice.js';
import { signalGate, whileInterruptible } from '../interrupt.js';

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
  return withProjectToRead(ctx, opts, async (project) => {
    const codebook = currentCodebook(project, { optional: true })?.codebook ?? null;
    const scope = { coder: opts.coder, origins: opts.origin };
    const outline = readProjectOutline(project.db, project.config.name, codebook, scope);
    const reader = { text: sourceTextReader(project.db), codings: sourceCodingsReader(project.db, scope) };
    const file = new PatchableFile(out, args[0]);
    let counts: QdpxCounts;
    try {
      counts = await whileInterruptible(ctx, (signal) => writeQdpx(new ZipWriter(file), outline, `telaah ${VERSION}`, reader, paceOf(signal)));
      file.commit();
    } catch (error) {
      file.abort();
      if (!(error instanceof Interrupted)) throw error;
      notice(ctx, `Interrupted: ${args[0]} not written`);
      return 130;
    }
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

class Interrupted extends Error {}

/** Between sources: lets a Ctrl-C be heard (the export of a large project takes minutes) and stops on it. */
function paceOf(signal: AbortSignal): QdpxPace {
  const gate = signalGate();
  return () => {
    if (signal.aborted) return Promise.reject(new Interrupted());
    return gate()?.then(() => {
      if (signal.aborted) throw new Interrupted();
    });
  };
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
