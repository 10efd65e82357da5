import { InputError } from '../../src/errors.js';

/** The InputError `run` throws; any other error is rethrown, and no error at all fails the test. */
export function errorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

/** The InputError `promise` rejects with; any other error is rethrown, and no error at all fails the test. */
export async function asyncErrorOf(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
