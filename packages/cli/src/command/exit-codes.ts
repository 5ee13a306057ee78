import { isVajraError } from '@vajra-stream/core';

/**
 * The exit codes of `vajra`, documented in the README and `vajra --help`.
 *
 * @example
 * ```ts
 * if (status === exitCodes.interrupted) console.log('stopped by Ctrl-C');
 * ```
 */
export const exitCodes = {
  /** Done. */
  ok: 0,
  /** Failed for another reason (a bug, a file system error, …). */
  failure: 1,
  /** The command line is wrong: unknown command or option, missing or malformed value (`USAGE`). */
  usage: 2,
  /** The input was refused: an invalid program, a bad date, a missing file, bad `VAJRA_*` settings (`VALIDATION_FAILED`, …). */
  invalidInput: 3,
  /** Something the command needs is not there: no audio device, no LLM provider, a rate or spending limit (`*_UNAVAILABLE`, …). */
  unavailable: 4,
  /** Interrupted (SIGINT or SIGTERM) before the work was done; nothing partial is left behind. */
  interrupted: 130,
} as const;

/**
 * One of {@link exitCodes}.
 *
 * @example
 * ```ts
 * const status: ExitCode = exitCodeOf(new VajraError('PROVIDER_UNAVAILABLE', 'no provider answered', { status: 503 })); // 4
 * if (status === exitCodes.unavailable) console.error('try again once the provider is back');
 * ```
 */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/**
 * The exit code for an error: `USAGE` → 2, `ABORTED` → 130, `CONFIG_INVALID` and client-side statuses (4xx) → 3,
 * unavailable services and spent limits (502–504, 429, 402) → 4, anything else → 1.
 *
 * @example
 * ```ts
 * exitCodeOf(new VajraError('VALIDATION_FAILED', 'bad', { status: 422 })); // 3
 * ```
 */
export function exitCodeOf(error: unknown): ExitCode {
  if (!isVajraError(error)) return exitCodes.failure;
  if (error.code === 'USAGE') return exitCodes.usage;
  if (error.code === 'ABORTED') return exitCodes.interrupted;
  if (error.code === 'CONFIG_INVALID') return exitCodes.invalidInput;
  const status = error.status ?? 0;
  if ((status >= 502 && status <= 504) || status === 429 || status === 402) return exitCodes.unavailable;
  if (status >= 400 && status < 500) return exitCodes.invalidInput;
  return exitCodes.failure;
}
