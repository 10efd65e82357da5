import { ProjectError } from '../../errors.js';
import { recordAudit } from '../../store/audit.js';
import { changeStoreKey } from '../../store/encryption.js';
import { keyOf } from '../../store/store-key.js';
import { actorOf, type Ctx } from '../context.js';
import type { ExitCode } from '../exit-code.js';
import type { GlobalOptions } from '../flags.js';
import { withProject } from '../open-project.js';
import { choosePassphrase, NEW_PASSPHRASE_VARIABLE } from '../passphrase.js';

/** `telaah rekey`: opens the encrypted project with its passphrase and changes it to a new one. */
export async function run(ctx: Ctx, _args: string[], opts: GlobalOptions): Promise<ExitCode> {
  return withProject(ctx, opts, async ({ db }): Promise<ExitCode> => {
    if (keyOf(db) === undefined) {
      throw new ProjectError('this project is not encrypted', { hint: 'Encrypt it with `telaah encrypt`' });
    }
    const passphrase = await choosePassphrase(ctx, NEW_PASSPHRASE_VARIABLE, 'this project');
    changeStoreKey(db, passphrase);
    recordAudit(db, { at: ctx.now().toISOString(), actor: actorOf(ctx), command: 'rekey', arguments: [], counts: {} });
    ctx.stderr.write('Changed the passphrase: from now on only the new one opens the project\n');
    return 0;
  });
}
