import { createProcessContext } from './context.js';
import { main } from './main.js';

/** Entry point used by bin/telaah.js: runs the CLI and sets the exit code. */
export async function run(): Promise<void> {
  // `telaah … | head` closes stdout early; that is success, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  let ctx;
  try {
    ctx = createProcessContext();
  } catch {
    // process.cwd() fails when the shell's folder was deleted under it.
    process.stderr.write('telaah: the current folder no longer exists. cd to an existing folder and run the command again\n');
    process.exitCode = 2;
    return;
  }
  process.exitCode = await main(process.argv.slice(2), ctx);
}
