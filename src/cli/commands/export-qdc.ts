import { resolve } from 'node:path';
import { buildRefiProject } from '../../interop/build-refi-project.js';
import { renderCodebookXml } from '../../interop/write-qdc.js';
import { writeFileAtomic } from '../../io/write-file-atomic.js';
import { readInteropNamespace } from '../../store/interop-snapshot.js';
import type { Ctx } from '../context.js';
import { currentCodebook } from '../current-codebook.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { withProjectToRead } from '../open-project.js';
import { VERSION } from '../version.js';
import { notice } from '../notice.js';

/**
 * `telaah export qdc OUT`: the current codebook as a REFI-QDA codebook, with the same code GUIDs as
 * `export qdpx` gives them, so a codebook and a project exported from one telaah project match up.
 */
export async function run(ctx: Ctx, args: string[], opts: GlobalOptions): Promise<ExitCode> {
  const out = resolve(ctx.cwd, args[0]!);
  return withProjectToRead(ctx, opts, (project) => {
    const { codebook } = currentCodebook(project);
    const snapshot = {
      name: project.config.name,
      namespace: readInteropNamespace(project.db),
      createdAt: null,
      modifiedAt: null,
      codebook: { name: codebook.name, version: codebook.version, codes: codebook.codes.map((c) => ({ id: c.id, parent: c.parent, label: c.label, definition: c.definition, color: c.color })) },
      sources: [],
      codings: [],
      participants: [],
      memos: [],
    };
    const { project: refi } = buildRefiProject(snapshot, `telaah ${VERSION}`);
    writeFileAtomic(out, renderCodebookXml({ origin: `telaah ${VERSION}`, codes: refi.codes, sets: [] }), args[0]);
    notice(ctx, `Exported ${codebook.codes.length} codes of "${codebook.name}" ${codebook.version} to ${args[0]}`);
    return 0;
  });
}
