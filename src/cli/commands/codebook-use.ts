import { resolve } from 'node:path';
import { loadValidCodebook } from '../../io/read-codebook.js';
import { applyCodebookFile, describeDroppedCodes } from '../apply-codebook.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { paint } from '../style.js';
import { notice } from '../notice.js';

/**
 * `telaah codebook use FILE`: stores the codebook as a version and makes it the project's current one;
 * names the hand-coded codes it leaves out.
 */
export async function run(ctx: Ctx, args: string[], opts: GlobalOptions): Promise<ExitCode> {
  const file = loadValidCodebook(resolve(ctx.cwd, args[0]!));
  return withProject(ctx, opts, (project) => {
    const applied = applyCodebookFile(ctx, project, file, args[0]!, 'codebook use');
    const { name, version } = applied.version;
    const state = applied.unchanged ? ', already the current one' : applied.created ? '' : ', a version stored before';
    ctx.stderr.write(
      `${paint(ctx).green('Using')} "${name}" ${version} (${file.codebook.codes.length} codes${state}); ` +
        'nothing is coded until you run `telaah code auto`\n',
    );
    for (const line of describeDroppedCodes(ctx, applied)) notice(ctx, line);
    return 0;
  });
}
