import { readdirSync } from 'node:fs';
import { ProjectError } from '../../errors.js';
import { CONFIG_FILE, DATABASE_FILE } from '../../io/project-files.js';
import { recordAudit } from '../../store/audit.js';
import { encryptStore } from '../../store/encryption.js';
import { keyOf } from '../../store/store-key.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { choosePassphrase, PASSPHRASE_VARIABLE } from '../passphrase.js';
import { notice } from '../notice.js';

/** `telaah encrypt`: replaces a plain project's database with an encrypted copy of it. */
export async function run(ctx: Ctx, _args: string[], opts: GlobalOptions): Promise<ExitCode> {
  return withProject(ctx, opts, async ({ db, paths }): Promise<ExitCode> => {
    if (keyOf(db) !== undefined) {
      throw new ProjectError('this project is already encrypted', { hint: 'Change its passphrase with `telaah rekey`' });
    }
    const passphrase = await choosePassphrase(ctx, PASSPHRASE_VARIABLE, 'this project');
    encryptStore(db, paths.database, passphrase, (copy) => {
      recordAudit(copy, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: 'encrypt', arguments: [], counts: {} });
    });
    ctx.stderr.write('Encrypted the project: every command now needs its passphrase (TELAAH_PASSPHRASE or typed)\n');
    const plain = otherFiles(paths.dir);
    if (plain.length) notice(ctx, `Still plain in the project folder: ${plain.join(', ')}. Delete them or move them somewhere safe`);
    ctx.stderr.write('Backups and exports made before elsewhere are plain too\n');
    return 0;
  });
}

/** Files in the project folder besides telaah.yaml and the database (reports, exports): encryption does not reach them. */
function otherFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name !== CONFIG_FILE && !name.startsWith(DATABASE_FILE)).sort();
}
