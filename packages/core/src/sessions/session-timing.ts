import type { Session } from './session';
import { parseInstant } from '../clock/iso-instant';

/**
 * Seconds of running time of `session` at `nowMs`: the stored elapsed time plus the current running
 * stretch, to the millisecond, never more than the duration.
 *
 * @example
 * ```ts
 * liveElapsed(session, clock.now());
 * ```
 */
export function liveElapsed(session: Session, nowMs: number): number {
  if (session.status !== 'running' || session.runningSince === null) return session.elapsedTime;
  const stretchMs = Math.max(0, nowMs - parseInstant(session.runningSince));
  // Sum in whole milliseconds so 1.1 s + 1.007 s is 2.107, not 2.1069999999999998.
  return Math.min(session.duration, Math.round(session.elapsedTime * 1000 + stretchMs) / 1000);
}

/**
 * The instant (ms since epoch, whole milliseconds) at which a running session reaches its duration.
 *
 * @example
 * ```ts
 * const due = completionInstant(session); // schedule a timer for it
 * ```
 */
export function completionInstant(session: Session): number {
  const since = session.runningSince === null ? Number.NaN : parseInstant(session.runningSince);
  return since + Math.round((session.duration - session.elapsedTime) * 1000);
}
