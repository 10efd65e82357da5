import { relative, resolve } from 'node:path';
import { loadValidCodebook } from '../../io/read-codebook.js';
import { setConfigValue } from '../../io/project-files.js';
import { recordAudit } from '../../store/audit.js';
import { saveCodebookVersion } from '../../store/codebooks.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { withProject } from '../open-project.js';
import { paint } from '../style.js';

/** `telaah codebook use FILE`: stores the codebook as a version and makes it the project's current one. */
export async function run(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<ExitCode> {
  const path = resolve(ctx.cwd, args[0]!);
  const file = loadValidCodebook(path);
  return withProject(ctx, opts, ({ db, paths }) => {
    const now = ctx.now().toISOString();
    const stored = relative(paths.dir, path) || path;
    const { version, created } = saveCodebookVersion(db, file.codebook, { file: stored, sha256: file.sha256, yaml: file.text }, now);
    setConfigValue(paths, 'codebook', stored);
    recordAudit(db, { at: now, actor: actorOf(ctx), command: 'codebook use', arguments: args, counts: { codes: file.codebook.codes.length, newVersion: created ? 1 : 0 } });
    const c = paint(ctx);
    ctx.stderr.write(
      `${c.green('Using')} "${version.name}" ${version.version} (${file.codebook.codes.length} codes)${created ? '' : ', a version already stored'}; ` +
        'nothing is coded until you run `telaah code auto`\n',
    );
    return 0;
  });
}
