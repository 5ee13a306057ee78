import { VajraError, isVajraError } from '@vajra-stream/core';
import type { OracleErrorCode } from './oracle-error-codes';
import { redactSecrets } from './redact-secrets';

/**
 * The `details` every provider error carries; a provider of your own throws a `VajraError` with them, which the chain reads.
 *
 * @example
 * ```ts
 * const details: ProviderErrorDetails = { provider: 'mine', retryable: true, retryAfterMs: 2000, vendorStatus: 429 };
 * throw new VajraError('PROVIDER_RATE_LIMITED', 'mine: rate limited', { status: 429, details });
 * ```
 */
export interface ProviderErrorDetails {
  provider: string;
  /** True when the same call may succeed if tried again later. */
  retryable: boolean;
  /** How long the server asked us to wait before trying again. */
  retryAfterMs?: number;
  /** The vendor's HTTP status, when there was one. */
  vendorStatus?: number;
}

const STATUS: Partial<Record<OracleErrorCode, number>> = {
  PROVIDER_UNAVAILABLE: 503,
  PROVIDER_TIMEOUT: 504,
  PROVIDER_RATE_LIMITED: 429,
  PROVIDER_AUTH_FAILED: 502,
  PROVIDER_MISCONFIGURED: 503,
  PROVIDER_REQUEST_REJECTED: 502,
  PROVIDER_INVALID_RESPONSE: 502,
  ALL_PROVIDERS_FAILED: 503,
  SPENDING_CAP_REACHED: 402,
  ABORTED: 499,
  VALIDATION_FAILED: 422,
};

/**
 * Creates a provider error: a `VajraError` whose message and cause are scrubbed of the given secrets
 * (and of anything shaped like an API key).
 *
 * @example
 * ```ts
 * throw providerError('PROVIDER_RATE_LIMITED', 'openai', 'Rate limited', { retryable: true, retryAfterMs: 2000 });
 * ```
 */
export function providerError(
  code: OracleErrorCode,
  provider: string,
  message: string,
  options: { retryable: boolean; retryAfterMs?: number; vendorStatus?: number; cause?: unknown; secrets?: readonly (string | undefined)[] },
): VajraError {
  const secrets = options.secrets ?? [];
  const details: ProviderErrorDetails = { provider, retryable: options.retryable };
  if (options.retryAfterMs !== undefined) details.retryAfterMs = options.retryAfterMs;
  if (options.vendorStatus !== undefined) details.vendorStatus = options.vendorStatus;
  return new VajraError(code, redactSecrets(`${provider}: ${message}`, secrets), {
    status: STATUS[code] ?? 500,
    details,
    cause: options.cause === undefined ? undefined : scrubCause(options.cause, secrets),
  });
}

/** A plain copy of a cause with only its name and scrubbed message (SDK errors hold headers and bodies). */
function scrubCause(cause: unknown, secrets: readonly (string | undefined)[]): Error {
  const name = cause instanceof Error ? cause.name : 'Error';
  const message = cause instanceof Error ? cause.message : String(cause);
  const copy = new Error(redactSecrets(message, secrets));
  copy.name = name;
  return copy;
}

/**
 * True when an error says the same call may succeed later (`details.retryable`).
 *
 * @example
 * ```ts
 * if (isRetryable(error)) await sleep(1000);
 * ```
 */
export function isRetryable(error: unknown): boolean {
  return isVajraError(error) && (error.details as Partial<ProviderErrorDetails> | undefined)?.retryable === true;
}

/**
 * The server's requested wait in ms (`details.retryAfterMs`), if any.
 *
 * @example
 * ```ts
 * const wait = retryAfterMs(error) ?? 500;
 * ```
 */
export function retryAfterMs(error: unknown): number | undefined {
  if (!isVajraError(error)) return undefined;
  const value = (error.details as Partial<ProviderErrorDetails> | undefined)?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
