import type { Session } from './session';

/**
 * Seconds of running time of `session` at `nowMs`: the stored elapsed time plus the current running
 * stretch, never more than the duration.
 *
 * @example
 * ```ts
 * liveElapsed(session, clock.now());
 * ```
 */
export function liveElapsed(session: Session, nowMs: number): number {
  if (session.status !== 'running' || session.runningSince === null) return session.elapsedTime;
  const stretch = Math.max(0, nowMs - Date.parse(session.runningSince)) / 1000;
  return Math.min(session.duration, session.elapsedTime + stretch);
}

/**
 * The instant (ms since epoch) at which a running session reaches its duration.
 *
 * @example
 * ```ts
 * const due = completionInstant(session); // schedule a timer for it
 * ```
 */
export function completionInstant(session: Session): number {
  const since = session.runningSince === null ? Number.NaN : Date.parse(session.runningSince);
  return since + (session.duration - session.elapsedTime) * 1000;
}
