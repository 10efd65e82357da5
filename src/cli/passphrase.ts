/**
 * Where passphrases come from: an environment variable or a hidden prompt at the terminal, never the
 * command line (argv is visible to every user of the machine and lands in shell history). A passphrase
 * is handed to the store and nowhere else: not to the audit trail, not to any message.
 */
import { InputError, ProjectError } from '../errors.js';
import { isEncryptedFile } from '../store/store-key.js';
import type { Ctx } from './context.js';

/** The variable holding the passphrase of an encrypted project. */
export const PASSPHRASE_VARIABLE = 'TELAAH_PASSPHRASE';
/** The variable holding the passphrase `telaah rekey` changes to. */
export const NEW_PASSPHRASE_VARIABLE = 'TELAAH_NEW_PASSPHRASE';

/** Passphrases typed during this command, by database: a command that opens the project twice asks once. */
const typed = new WeakMap<Ctx, Map<string, string>>();

/** The passphrase that opens the project database at `database`; undefined when it is not encrypted. */
export async function projectPassphrase(ctx: Ctx, database: string): Promise<string | undefined> {
  if (!isEncryptedFile(database)) return undefined;
  const given = ctx.env[PASSPHRASE_VARIABLE];
  if (given !== undefined && given !== '') return given;
  if (ctx.readSecret) {
    const known = typed.get(ctx) ?? new Map<string, string>();
    typed.set(ctx, known);
    const passphrase = known.get(database) ?? (await ctx.readSecret('Passphrase of this project: '));
    known.set(database, passphrase);
    return passphrase;
  }
  throw new ProjectError('this project is encrypted and no passphrase was given', {
    hint: `Set ${PASSPHRASE_VARIABLE}, or run the command in a terminal to be asked for it`,
  });
}

/**
 * A new passphrase: from `variable`, else typed twice at the terminal. Empty, or two different
 * typings, are refused (exit 2) before anything is changed.
 */
export async function choosePassphrase(ctx: Ctx, variable: string, what: string): Promise<string> {
  const given = ctx.env[variable];
  if (given !== undefined && given !== '') return given;
  if (!ctx.readSecret) {
    throw new InputError(`${what} needs a passphrase and none was given`, {
      hint: `Set ${variable}, or run the command in a terminal to type it (hidden)`,
    });
  }
  const first = await ctx.readSecret(`New passphrase for ${what}: `);
  if (first === '') throw new InputError('an empty passphrase protects nothing', { hint: 'Run the command again and type one' });
  const again = await ctx.readSecret('The same passphrase again: ');
  if (again !== first) throw new InputError('the two passphrases differ', { hint: 'Run the command again; nothing was changed' });
  return first;
}
