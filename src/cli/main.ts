import { CommanderError } from 'commander';
import { messageLine } from '../core/text/visible-text.js';
import { InputError, ProjectError } from '../errors.js';
import type { Ctx } from './context.js';
import type { ExitCode } from './exit-code.js';
import { buildProgram } from './program.js';


/**
 * Runs one telaah invocation and returns its exit code. This is the only place where errors become
 * messages and exit codes: 2 for input and usage, 3 for the project, 2 with a report hint for bugs.
 */
export async function main(argv: string[], ctx: Ctx): Promise<ExitCode> {
  const state: { code: ExitCode } = { code: 0 };
  const program = buildProgram(ctx, (code) => {
    state.code = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (error) {
    return reportError(error, ctx);
  }
}

function reportError(error: unknown, ctx: Ctx): ExitCode {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help/version text).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof InputError) {
    // format() escapes control characters and cuts echoed input (see visible-text.ts).
    ctx.stderr.write(`telaah: ${error.format()}\n`);
    return 2;
  }
  if (error instanceof ProjectError) {
    ctx.stderr.write(`telaah: ${messageLine(error.message)}${error.hint ? `. ${messageLine(error.hint)}` : ''}\n`);
    return 3;
  }
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_')) {
    const message = sqliteCode.startsWith('SQLITE_BUSY')
      ? 'the project is busy: another telaah command is writing to it. Try again when it has finished'
      : `the project database failed (${sqliteCode}: ${messageLine((error as Error).message)}). Run \`telaah doctor\` or restore a backup`;
    ctx.stderr.write(`telaah: ${message}\n`);
    return 3;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  ctx.stderr.write(
    `telaah: internal error: ${messageLine(error instanceof Error ? error.message : String(error))}\n` +
      `This is a bug in telaah; please report it with the command you ran and this trace:\n${stack}\n`,
  );
  return 2;
}
