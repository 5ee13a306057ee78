import { isVajraError } from '@vajra-stream/core';

/** The VajraError code a promise rejects with; any other outcome fails the test. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isVajraError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a failure');
}
