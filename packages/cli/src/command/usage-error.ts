import { VajraError } from '@vajra-stream/core';

/**
 * A wrong command line (`USAGE`, exit code 2): unknown command or option, missing or malformed value.
 *
 * @example
 * ```ts
 * throw usageError('--rpm must be a positive number, got "fast"');
 * ```
 */
export function usageError(message: string): VajraError {
  return new VajraError('USAGE', message, { status: 400 });
}
