import { useEffect, useState } from 'preact/hooks';

/**
 * The current time in ms, refreshed every `intervalMs`.
 *
 * @example
 * ```ts
 * const now = useNow(1000);
 * ```
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
