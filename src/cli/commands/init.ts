import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { renderDefaultConfig } from '../../core/config.js';
import { ProjectError } from '../../errors.js';
import { projectPaths } from '../../io/project-files.js';
import { recordAudit } from '../../store/audit.js';
import { openStore } from '../../store/open.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { choosePassphrase, PASSPHRASE_VARIABLE } from '../passphrase.js';
import { notice } from '../notice.js';

/** Options of `telaah init`. */
export interface InitOptions extends GlobalOptions {
  name?: string;
  /** Set by `telaah demo` only: the project is the demo's own. */
  demo?: boolean;
  /** Encrypt the database with a passphrase (TELAAH_PASSPHRASE or typed twice). */
  encrypt?: boolean;
}

/** `telaah init [dir]`: creates telaah.yaml and the database; never overwrites a project. */
export async function run(ctx: Ctx, args: string[], opts: InitOptions): Promise<ExitCode> {
  const dir = projectPaths(resolve(ctx.cwd, args[0] ?? '.'));
  for (const file of [dir.config, dir.database]) {
    if (existsSync(file)) {
      throw new ProjectError(`${file} already exists: ${dir.dir} is already a telaah project`, {
        hint: 'Use that project, or choose another folder for a new one',
      });
    }
  }
  const name = opts.name ?? basename(dir.dir);
  // Asked before anything is made, so a cancelled prompt leaves no half-made project.
  const key = opts.encrypt ? await choosePassphrase(ctx, PASSPHRASE_VARIABLE, 'the new project') : undefined;
  mkdirSync(dir.dir, { recursive: true });
  try {
    const db = openStore(dir.database, { create: true, key });
    try {
      recordAudit(db, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: 'init', arguments: args, counts: {} });
    } finally {
      db.close();
    }
    writeFileSync(dir.config, renderDefaultConfig(name, { demo: opts.demo === true }), { flag: 'wx' });
  } catch (error) {
    // Leave nothing half-made behind: a folder with a database but no telaah.yaml is not a project.
    for (const file of [dir.database, `${dir.database}-wal`, `${dir.database}-shm`]) rmSync(file, { force: true });
    throw error;
  }
  const shown = relative(ctx.cwd, dir.dir) || '.';
  notice(ctx, `Created ${key === undefined ? '' : 'encrypted '}telaah project "${name}" in ${shown}`);
  if (key !== undefined) notice(ctx, `Every command will need its passphrase (${PASSPHRASE_VARIABLE} or typed): without it the data cannot be recovered`);
  ctx.stderr.write(`Next: telaah participants import <csv>, then telaah ingest <files or folders>\n`);
  return 0;
}

