import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { isStreamTarget } from '../../io/atomic-file.js';
import { backupStore } from '../../store/backup.js';
import { syncFile } from '../../store/file-sync.js';
import { keyOf } from '../../store/store-key.js';
import type { Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { notice } from '../notice.js';

/** Options of `telaah backup`. */
export interface BackupOptions extends GlobalOptions {
  force?: boolean;
}

/** The settings file written beside a backup of the database. */
function settingsBeside(file: string): string {
  return `${file}.telaah.yaml`;
}

/** `telaah backup <file>`: the database as it is now (encrypted alike), and telaah.yaml beside it. */
export async function run(ctx: Ctx, args: string[], opts: BackupOptions): Promise<ExitCode> {
  const target = resolve(ctx.cwd, args[0]!);
  const settings = settingsBeside(target);
  const shown = relative(ctx.cwd, target) || target;
  if (!existsSync(dirname(target))) throw new InputError(`cannot write ${shown}: the folder ${dirname(target)} does not exist`, { hint: 'Create it first, or choose another place' });
  for (const file of [target, settings]) {
    // A copy is a file: renaming it over a pipe or a device (/dev/null) would replace the device itself.
    if (isStreamTarget(file)) throw new InputError(`cannot back up to ${relative(ctx.cwd, file) || file}: it is not a file`, { hint: 'Give a file name, e.g. telaah backup ~/backups/study.db' });
    if (existsSync(file) && !opts.force) {
      throw new InputError(`${relative(ctx.cwd, file) || file} already exists`, { hint: 'Choose another name, or pass --force to replace it' });
    }
  }
  return withProject(ctx, opts, ({ db, paths }) => {
    if (resolve(paths.database) === target || resolve(paths.config) === settings) {
      throw new InputError(`${shown} is the project's own file`, { hint: 'Back up to a file outside the project, ideally on another disk' });
    }
    backupStore(db, target, `${target}.partial`);
    copySettings(paths.config, settings);
    const encrypted = keyOf(db) !== undefined;
    const size = (statSync(target).size / 1024 / 1024).toFixed(1);
    notice(ctx, `Backed up the project to ${shown} (${size} MB${encrypted ? ", encrypted with the project's passphrase" : ', not encrypted'})`);
    notice(ctx, `and its settings to ${relative(ctx.cwd, settings) || settings}. To restore: copy them into a folder as telaah.db and telaah.yaml`);
    return 0;
  }, 'as-is');
}

/** telaah.yaml, copied under a temporary name and renamed, like the database. */
function copySettings(config: string, settings: string): void {
  const temporary = `${settings}.partial`;
  try {
    copyFileSync(config, temporary);
    syncFile(temporary);
    renameSync(temporary, settings);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
