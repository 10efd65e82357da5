import { InputError } from '../errors.js';

/**
 * TELAAH_THREADS: how many threads a command that can share its work uses (`stats words` counts in them,
 * `code auto` codes in them, `ingest` parses in a worker from 2); undefined when unset, so the command
 * chooses by the size of the work.
 */
export function threadsFromEnv(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new InputError(`TELAAH_THREADS must be a whole number from 1 to 64, not "${value}"`, { hint: 'Unset it to let telaah choose, or set TELAAH_THREADS=1 to work in one thread' });
  return threads;
}
