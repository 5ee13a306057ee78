import { systemClock, type Clock, type TimerHandle } from '@vajra-stream/core';

/** A signal that aborts on the caller's signal or after `timeoutMs` without progress. */
export interface RequestSignal {
  readonly signal: AbortSignal;
  /** True when the timeout (not the caller) aborted. */
  timedOut(): boolean;
  /** True when the caller aborted. */
  callerAborted(): boolean;
  /** Progress was made: restart the timeout. */
  touch(): void;
  dispose(): void;
}

/**
 * Combines the caller's `AbortSignal` with a restartable timeout measured on `clock` (default: the
 * system clock).
 *
 * @example
 * ```ts
 * const request = createRequestSignal({ signal, timeoutMs: 30_000 });
 * try { await fetch(url, { signal: request.signal }); } finally { request.dispose(); }
 * ```
 */
export function createRequestSignal(options: { signal?: AbortSignal; timeoutMs?: number; clock?: Clock }): RequestSignal {
  const controller = new AbortController();
  let timedOut = false;
  let timer: TimerHandle | undefined;
  const { signal: caller, timeoutMs, clock = systemClock } = options;
  const onCallerAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) controller.abort(caller.reason);
  else caller?.addEventListener('abort', onCallerAbort, { once: true });

  const arm = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    if (timeoutMs === undefined || !Number.isFinite(timeoutMs) || controller.signal.aborted) return;
    timer = clock.setTimeout(
      () => {
        timedOut = true;
        controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      },
      Math.max(0, timeoutMs),
    );
  };
  arm();

  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    callerAborted: () => caller?.aborted === true && !timedOut,
    touch: arm,
    dispose() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      caller?.removeEventListener('abort', onCallerAbort);
    },
  };
}
