/** An opaque timer handle returned by a {@link Clock}. */
export type TimerHandle = { readonly __timer: unique symbol } | object;

/**
 * Time source of the kernel: every `now()` and every timer in Vajra.Stream goes through one,
 * so tests can run hours of session time in milliseconds with `manualClock()`.
 *
 * @example
 * ```ts
 * const handle = clock.setTimeout(() => console.log('one second later'), 1000);
 * clock.clearTimeout(handle);
 * ```
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  setInterval(callback: () => void, intervalMs: number): TimerHandle;
  clearInterval(handle: TimerHandle | undefined): void;
}

/**
 * The real clock: `Date.now()` and the host's timers (unref'd under Node so they never keep a process alive).
 *
 * @example
 * ```ts
 * const vajra = createVajra({ clock: systemClock });
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, delayMs) {
    const handle = globalThis.setTimeout(callback, Math.max(0, delayMs));
    (handle as { unref?: () => void }).unref?.();
    return handle as unknown as TimerHandle;
  },
  clearTimeout(handle) {
    if (handle !== undefined) globalThis.clearTimeout(handle as unknown as ReturnType<typeof setTimeout>);
  },
  setInterval(callback, intervalMs) {
    const handle = globalThis.setInterval(callback, Math.max(1, intervalMs));
    (handle as { unref?: () => void }).unref?.();
    return handle as unknown as TimerHandle;
  },
  clearInterval(handle) {
    if (handle !== undefined) globalThis.clearInterval(handle as unknown as ReturnType<typeof setInterval>);
  },
};
