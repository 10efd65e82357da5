import { locateProject } from '../../io/project-files.js';
import { migrations } from '../../store/migrations.js';
import { openStore } from '../../store/open.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import { projectPassphrase } from '../passphrase.js';
import { describeUpgrade, upgradeProject } from '../project-schema.js';

/** Options of `telaah migrate`. */
export interface MigrateOptions {
  project?: string;
}

/** `telaah migrate`: brings a project written by an older telaah to the current schema, after a backup. */
export async function run(ctx: Ctx, _args: string[], opts: MigrateOptions): Promise<ExitCode> {
  const paths = locateProject(ctx.cwd, opts.project);
  const db = openStore(paths.database, { key: await projectPassphrase(ctx, paths.database), migrate: false });
  try {
    const upgrade = upgradeProject(ctx, db, paths.database);
    ctx.stderr.write(upgrade ? describeUpgrade(ctx, upgrade) : `The project already uses schema ${migrations.length}, the current one: nothing to do\n`);
    return 0;
  } finally {
    db.close();
  }
}
