import type { Clock } from '@vajra-stream/core';
import { providerError } from '../errors/provider-error';
import type { HealthOptions, ProviderStatus } from '../oracle/oracle-types';

interface CachedHealthOptions {
  /** How long a probe's answer is reused, ms; 0 reuses nothing once a probe has finished. */
  ttlMs: number;
  clock: Clock;
  /** Aborts the shared probe (the kernel stopping); a caller's own signal only stops its wait. */
  signal: AbortSignal;
}

/**
 * `health()` that probes the providers at most once per `ttlMs`: calls within that time, and calls made
 * while a probe is in flight, share its answer. Checks without a probe (`{ probe: false }`) need no
 * network and always run.
 *
 * @example
 * ```ts
 * const health = cachedHealth((options) => oracle.health(options), { ttlMs: 30_000, clock, signal });
 * await Promise.all([health(), health(), health()]); // one probe of each provider
 * ```
 */
export function cachedHealth(check: (options: HealthOptions) => Promise<ProviderStatus[]>, { ttlMs, clock, signal }: CachedHealthOptions) {
  let last: { at: number; statuses: ProviderStatus[] } | undefined;
  let inFlight: Promise<ProviderStatus[]> | undefined;

  const probe = (): Promise<ProviderStatus[]> => {
    inFlight ??= check({ signal }).then(
      (statuses) => {
        last = { at: clock.now(), statuses };
        inFlight = undefined;
        return statuses;
      },
      (error: unknown) => {
        inFlight = undefined;
        throw error;
      },
    );
    return inFlight;
  };

  return async (options: HealthOptions = {}): Promise<ProviderStatus[]> => {
    if (options.probe === false) return check(options);
    if (options.signal?.aborted) throw aborted();
    const fresh = last !== undefined && ttlMs > 0 && clock.now() - last.at < ttlMs ? last.statuses : await waitFor(probe(), options.signal);
    return fresh.map((status) => ({ ...status }));
  };
}

/** `promise`, or a rejection as soon as `signal` aborts (the promise itself goes on for other callers). */
function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => reject(aborted());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

const aborted = () => providerError('ABORTED', 'oracle', 'health check aborted by the caller', { retryable: false });
