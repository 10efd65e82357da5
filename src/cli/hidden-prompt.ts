/**
 * Reads a line from the terminal without echoing it, for passphrases. The terminal is put in raw mode
 * only while the line is typed; Backspace deletes, Ctrl-C and Ctrl-D cancel, Enter ends the line.
 */
import { ProjectError } from '../errors.js';

/** Asks `prompt` on stderr and reads one hidden line from the terminal on stdin. */
export function readHiddenLine(prompt: string, proc: NodeJS.Process = process): Promise<string> {
  const stdin = proc.stdin;
  proc.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      proc.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || (char === '\u0004' && typed === '')) {
          return finish(new ProjectError('no passphrase was typed (cancelled)', { hint: 'Nothing was changed' }));
        }
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
