import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { codebookFromRefi } from '../../interop/codebook-from-refi.js';
import { readCodebookTree } from '../../interop/read-refi-xml.js';
import { parseXmlTree } from '../../interop/xml-tree.js';
import { loadValidCodebook } from '../../io/read-codebook.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { applyCodebookFile } from '../apply-codebook.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { notice } from '../notice.js';

/** Options of `telaah import qdc`. */
export interface ImportQdcOptions extends GlobalOptions {
  output?: string;
  use?: boolean;
}

/**
 * `telaah import qdc FILE`: a REFI-QDA codebook (from NVivo, ATLAS.ti, MAXQDA, QualCoder) as a telaah
 * codebook file, which the researcher reads, gives patterns if they like, and applies with `codebook use`
 * (or at once with --use). Nothing in a project changes without --use.
 */
export async function run(ctx: Ctx, args: string[], opts: ImportQdcOptions): Promise<ExitCode> {
  const shown = args[0]!;
  const path = resolve(ctx.cwd, shown);
  const outShown = opts.output ?? `${basename(shown, extname(shown))}.yaml`;
  const out = resolve(ctx.cwd, outShown);
  if (existsSync(out)) throw new InputError(`${outShown} already exists`, { hint: 'Name another file with --output, or move that one away' });
  const refi = readCodebookTree(parseXmlTree(readText(path, shown), shown), shown);
  const made = codebookFromRefi(refi.codes, { name: basename(shown, extname(shown)), version: '1', languages: ['id', 'en'], from: `${basename(shown)}${refi.origin ? ` (${refi.origin})` : ''}` }, refi.sets);
  writeFileAtomic(out, made.yaml, outShown);
  const groups = refi.sets.length === 1 ? '1 code group' : `${refi.sets.length} code groups`;
  notice(ctx, `Wrote ${made.codes} ${made.codes === 1 ? 'code' : 'codes'} to ${outShown}${refi.sets.length ? ` (${groups} left out: telaah has none)` : ''}`);
  if (!opts.use) {
    notice(ctx, `Next: read it, add patterns if you want \`code auto\` to apply them, then \`telaah codebook use ${outShown}\``);
    return 0;
  }
  const file = loadValidCodebook(out);
  return withProject(ctx, opts, (project) => {
    const applied = applyCodebookFile(ctx, project, file, outShown, 'import qdc');
    notice(ctx, `Using "${applied.version.name}" ${applied.version.version} as the project's codebook`);
    return 0;
  });
}

/** The file as UTF-8 text (a BOM is dropped by the XML reader); a missing file is bad input. */
export function readText(path: string, shown: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(`cannot read ${shown}: ${missing ? 'no such file' : (error as Error).message}`, { hint: 'Check the path' });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${shown} is not UTF-8 text`, { file: shown, hint: 'REFI-QDA files are UTF-8 XML; export it again' });
  }
}
