import type { SessionStatus } from './session';

/**
 * The actions that change a session's status. `complete` is taken by the kernel when time is up.
 *
 * @example
 * ```ts
 * const actions: SessionAction[] = ['start', 'pause', 'resume', 'stop'];
 * actions.filter((action) => canTransition('paused', action)); // ['resume', 'stop']
 * ```
 */
export type SessionAction = 'start' | 'pause' | 'resume' | 'stop' | 'complete';

/**
 * The whole transition table: for each action, the statuses it may start from and where it leads.
 * Anything not listed is a `SESSION_INVALID_TRANSITION`.
 *
 * @example
 * ```ts
 * SESSION_TRANSITIONS.pause; // { from: ['running'], to: 'paused', event: 'session:paused' }
 * ```
 */
export const SESSION_TRANSITIONS = {
  start: { from: ['created'], to: 'running', event: 'session:started' },
  pause: { from: ['running'], to: 'paused', event: 'session:paused' },
  resume: { from: ['paused'], to: 'running', event: 'session:resumed' },
  stop: { from: ['running', 'paused'], to: 'stopped', event: 'session:stopped' },
  complete: { from: ['running'], to: 'completed', event: 'session:completed' },
} as const satisfies Record<SessionAction, { from: readonly SessionStatus[]; to: SessionStatus; event: string }>;

/**
 * True when `action` is allowed from `status`.
 *
 * @example
 * ```ts
 * canTransition('paused', 'resume'); // true
 * ```
 */
export function canTransition(status: SessionStatus, action: SessionAction): boolean {
  return (SESSION_TRANSITIONS[action].from as readonly SessionStatus[]).includes(status);
}
