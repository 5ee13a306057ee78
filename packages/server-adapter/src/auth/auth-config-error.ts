import { VajraError } from '@vajra-stream/core';

/**
 * The error of credentials the server refuses to start with (`AUTH_CONFIG_INVALID`, status 500). Its
 * message names the setting and the rule, never a key or secret.
 *
 * @example
 * ```ts
 * throw authConfigError('auth.apiKeys[0] ("alice"): the key has 8 characters; use at least 16');
 * ```
 */
export const authConfigError = (message: string): VajraError => new VajraError('AUTH_CONFIG_INVALID', `Invalid credentials configuration: ${message}`, { status: 500 });
