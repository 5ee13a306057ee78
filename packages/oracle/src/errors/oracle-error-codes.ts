/**
 * Stable error codes raised by the oracle (all as `VajraError.code`).
 *
 * @example
 * ```ts
 * if (isVajraError(error) && error.code === OracleErrorCodes.SPENDING_CAP_REACHED) showBudgetNotice();
 * ```
 */
export const OracleErrorCodes = {
  /** Network failure, 5xx, overload: worth retrying. */
  PROVIDER_UNAVAILABLE: 'PROVIDER_UNAVAILABLE',
  /** No progress within the timeout. */
  PROVIDER_TIMEOUT: 'PROVIDER_TIMEOUT',
  /** 429; `details.retryAfterMs` holds the server's wish when it sent one. */
  PROVIDER_RATE_LIMITED: 'PROVIDER_RATE_LIMITED',
  /** 401/403: the key is missing, wrong or lacks permission. */
  PROVIDER_AUTH_FAILED: 'PROVIDER_AUTH_FAILED',
  /**
   * The provider is configured but cannot work: its SDK (an optional peer dependency) is not
   * installed, or its API key has an impossible format. Found without a network call; not retryable.
   */
  PROVIDER_MISCONFIGURED: 'PROVIDER_MISCONFIGURED',
  /** 400/404/422: the vendor rejected the request itself. */
  PROVIDER_REQUEST_REJECTED: 'PROVIDER_REQUEST_REJECTED',
  /** The vendor answered with something that is not its wire format (bad JSON, broken stream). */
  PROVIDER_INVALID_RESPONSE: 'PROVIDER_INVALID_RESPONSE',
  /** Every provider in the chain failed. `details.attempts` lists what happened. */
  ALL_PROVIDERS_FAILED: 'ALL_PROVIDERS_FAILED',
  /** The spending cap (tokens and/or cost) is used up; metered calls are blocked. */
  SPENDING_CAP_REACHED: 'SPENDING_CAP_REACHED',
  /** The caller aborted. */
  ABORTED: 'ABORTED',
  /** Input or model output failed validation; zod issues in `details.issues`. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
} as const;

/**
 * One of {@link OracleErrorCodes}.
 *
 * @example
 * ```ts
 * const notices: Partial<Record<OracleErrorCode, string>> = { SPENDING_CAP_REACHED: 'The budget for texts is spent.', ALL_PROVIDERS_FAILED: 'No text source answered; try again soon.' };
 * try {
 *   await oracle.generate({ kind: 'blessing', intention: 'a new home' });
 * } catch (error) {
 *   if (isVajraError(error)) console.warn(notices[error.code as OracleErrorCode] ?? error.message);
 * }
 * ```
 */
export type OracleErrorCode = (typeof OracleErrorCodes)[keyof typeof OracleErrorCodes];
