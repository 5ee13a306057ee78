import { isVajraError } from '@vajra-stream/core';

/** What a provider test inspects of a VajraError: its code, message, details, JSON form and cause. */
export interface ProviderFailure {
  code: string;
  message: string;
  details: Record<string, unknown>;
  json: string;
  cause: string;
}

/**
 * The VajraError a promise rejects with, flattened for assertions; any other outcome fails the test.
 *
 * @example
 * ```ts
 * const { code, json } = await failureOf(model.generate(ask));
 * expect(code).toBe('PROVIDER_AUTH_FAILED');
 * expect(json).not.toContain(KEY);
 * ```
 */
export async function failureOf(promise: Promise<unknown>): Promise<ProviderFailure> {
  try {
    await promise;
  } catch (error) {
    if (!isVajraError(error)) throw error;
    return { code: error.code, message: error.message, details: error.details as Record<string, unknown>, json: JSON.stringify(error), cause: String((error as Error).cause) };
  }
  throw new Error('expected a failure');
}
