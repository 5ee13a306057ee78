/** The longest delay host timers accept: `setTimeout` fires at once for anything above 2^31 − 1 ms. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/** A timer of the system clock: cancel it with {@link cancelChunkedTimer}. */
export interface ChunkedTimer {
  host: ReturnType<typeof setTimeout> | undefined;
  cancelled: boolean;
}

/**
 * Call `callback` once `now()` reaches `dueMs`, sleeping in host-timer steps of at most
 * {@link MAX_TIMER_DELAY_MS}. Every wake-up checks the clock and sleeps again while it is early, so a
 * 30-day timer fires after 30 days (not at once) and never before its instant. With `intervalMs` the
 * timer re-arms itself that long after each due instant.
 */
export function armChunkedTimer(callback: () => void, dueMs: number, now: () => number, intervalMs?: number): ChunkedTimer {
  const timer: ChunkedTimer = { host: undefined, cancelled: false };
  let due = dueMs;
  const sleep = (): void => {
    timer.host = globalThis.setTimeout(wake, Math.min(MAX_TIMER_DELAY_MS, Math.max(0, Math.ceil(due - now()))));
  };
  const wake = (): void => {
    timer.host = undefined;
    if (timer.cancelled) return;
    if (due > now()) return sleep();
    if (intervalMs !== undefined) {
      due += intervalMs;
      if (due <= now()) due = now() + intervalMs; // behind schedule: skip the missed beats rather than burst
      sleep();
    }
    callback();
  };
  sleep();
  return timer;
}

/**
 * Call `callback` every `intervalMs`: a host interval when the host accepts the period, otherwise a
 * chunked timer that re-arms itself.
 */
export function armInterval(callback: () => void, intervalMs: number, now: () => number): ChunkedTimer {
  if (intervalMs > MAX_TIMER_DELAY_MS) return armChunkedTimer(callback, now() + intervalMs, now, intervalMs);
  return { host: globalThis.setInterval(callback, intervalMs), cancelled: false };
}

/** Cancel a timer made by {@link armChunkedTimer}. */
export function cancelChunkedTimer(timer: ChunkedTimer): void {
  timer.cancelled = true;
  if (timer.host !== undefined) globalThis.clearTimeout(timer.host);
  timer.host = undefined;
}
