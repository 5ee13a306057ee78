/**
 * The crash test's independent model of the sessions: built only from the transitions the child
 * announced (with the wall-clock instants around each call) and from wall time, never from the store.
 */

/** Session states as the parent tracks them. */
export type TruthStatus = 'created' | 'running' | 'paused' | 'stopped' | 'completed';

export interface TruthSession {
  id: string;
  duration: number;
  status: TruthStatus;
  /** Seconds of running time accumulated before the current running stretch. */
  base: number;
  /** Wall-clock start (ms) of the current running stretch. */
  since: number | null;
  /** Wall-clock instant (ms) the session reached its duration, once completed. */
  completedAt: number | null;
  /**
   * Seconds by which the model may be off: each transition happened somewhere inside the window
   * between the instants the child took before and after its call, and the model uses the middle.
   */
  slack: number;
}

/** Operations the child performs. */
export type TruthOperation = 'start' | 'pause' | 'resume' | 'stop';

const allowed: Record<TruthOperation, readonly TruthStatus[]> = {
  start: ['created'],
  pause: ['running'],
  resume: ['paused'],
  stop: ['running', 'paused'],
};

/** Seconds of running time at wall instant `t` (ms), capped at the duration. */
export function elapsedAt(session: TruthSession, t: number): number {
  if (session.status === 'completed') return session.duration;
  const stretch = session.status === 'running' && session.since !== null ? Math.max(0, t - session.since) / 1000 : 0;
  return Math.min(session.duration, session.base + stretch);
}

/** Wall instant (ms) at which a running session reaches its duration. */
export function dueAt(session: TruthSession): number {
  return (session.since ?? Number.NaN) + (session.duration - session.base) * 1000;
}

/**
 * Complete a running session whose running time has reached its duration by wall instant `t`.
 * `base` and `since` are kept, so {@link reopen} can undo a completion the kernel had not yet seen.
 */
export function settle(session: TruthSession, t: number): void {
  if (session.status !== 'running' || session.since === null) return;
  const due = dueAt(session);
  if (due <= t) {
    session.status = 'completed';
    session.completedAt = due;
  }
}

/** Undo {@link settle}: the kernel's timer fires a little after the true instant, so it may still act on the session. */
export function reopen(session: TruthSession): void {
  if (session.status === 'completed' && session.since !== null) {
    session.status = 'running';
    session.completedAt = null;
  }
}

/** Whether `operation` is legal for the session at `t` (after completing it if its time ran out). */
export function canApply(session: TruthSession, operation: TruthOperation, t: number): boolean {
  settle(session, t);
  return allowed[operation].includes(session.status);
}

/**
 * Apply a transition that happened between wall instants `t0` and `t1`. Returns false when it was not legal.
 */
export function apply(session: TruthSession, operation: TruthOperation, t0: number, t1: number = t0): boolean {
  const t = (t0 + t1) / 2;
  if (!canApply(session, operation, t)) return false;
  session.slack += Math.max(0, t1 - t0) / 2000;
  if (operation === 'start' || operation === 'resume') {
    session.status = 'running';
    session.since = t;
  } else {
    session.base = elapsedAt(session, t);
    session.since = null;
    session.status = operation === 'pause' ? 'paused' : 'stopped';
  }
  return true;
}

/** A fresh `created` session. */
export function createdSession(id: string, duration: number): TruthSession {
  return { id, duration, status: 'created', base: 0, since: null, completedAt: null, slack: 0 };
}
