import { isVajraError, type VajraError } from '@vajra-stream/core';
import { providerError } from '../errors/provider-error';
import type { RequestSignal } from './request-signal';

/** The error classes both Stainless-generated SDKs (openai, @anthropic-ai/sdk) export. */
export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => Error;
  APIUserAbortError: abstract new (...args: never[]) => Error;
  APIConnectionError: abstract new (...args: never[]) => Error;
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
}

/**
 * Translates anything an SDK call threw into a provider `VajraError` with `retryable` info and
 * without secrets.
 */
export function mapSdkError(error: unknown, context: { provider: string; classes: SdkErrorClasses; request: RequestSignal; secrets: readonly (string | undefined)[]; timeoutMs?: number }): VajraError {
  const { provider, classes, request, secrets } = context;
  if (isVajraError(error)) return error;
  const make = (code: Parameters<typeof providerError>[0], message: string, extra: { retryable: boolean; retryAfterMs?: number; vendorStatus?: number }) =>
    providerError(code, provider, message, { ...extra, cause: error, secrets });

  if (request.timedOut()) return make('PROVIDER_TIMEOUT', `no progress within ${context.timeoutMs} ms`, { retryable: true });
  if (request.callerAborted() || isAbort(error)) return make('ABORTED', 'request aborted by the caller', { retryable: false });
  if (error instanceof classes.APIConnectionTimeoutError) return make('PROVIDER_TIMEOUT', 'connection timed out', { retryable: true });
  if (error instanceof classes.APIUserAbortError) return make('ABORTED', 'request aborted', { retryable: false });
  if (error instanceof classes.APIConnectionError) return make('PROVIDER_UNAVAILABLE', `connection failed (${error.message})`, { retryable: true });
  if (error instanceof classes.APIError) {
    const status = (error as { status?: number }).status;
    const headers = (error as { headers?: Headers }).headers;
    const vendorStatus = status === undefined ? {} : { vendorStatus: status };
    if (status === 429) {
      const wait = parseRetryAfter(headers);
      return make('PROVIDER_RATE_LIMITED', `rate limited (${error.message})`, { retryable: true, ...vendorStatus, ...(wait === undefined ? {} : { retryAfterMs: wait }) });
    }
    if (status === 401 || status === 403) return make('PROVIDER_AUTH_FAILED', `authentication failed (${error.message})`, { retryable: false, ...vendorStatus });
    if (status === undefined || status === 408 || status === 409 || status >= 500) {
      const wait = parseRetryAfter(headers);
      return make('PROVIDER_UNAVAILABLE', `service error (${error.message})`, { retryable: true, ...vendorStatus, ...(wait === undefined ? {} : { retryAfterMs: wait }) });
    }
    return make('PROVIDER_REQUEST_REJECTED', `request rejected (${error.message})`, { retryable: false, ...vendorStatus });
  }
  if (error instanceof SyntaxError) return make('PROVIDER_INVALID_RESPONSE', `malformed response (${error.message})`, { retryable: false });
  const message = error instanceof Error ? error.message : String(error);
  return make('PROVIDER_UNAVAILABLE', `unexpected failure (${message})`, { retryable: true });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'APIUserAbortError');
}

/**
 * Reads `retry-after-ms` or `retry-after` (seconds or an HTTP date) into milliseconds.
 *
 * @example
 * ```ts
 * parseRetryAfter(new Headers({ 'retry-after': '2' })); // 2000
 * ```
 */
export function parseRetryAfter(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers || typeof headers.get !== 'function') return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (Number.isFinite(Number(value))) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
