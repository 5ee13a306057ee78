import type { Session } from '../sessions/session';
import type { Wheel, WheelDedication } from '../wheels/wheel';

/**
 * Payload of every `session:*` event.
 *
 * @example
 * ```ts
 * vajra.events.on('session:completed', ({ session }: SessionEvent) => console.log(`${session.id} ran ${session.elapsedTime} s`));
 * ```
 */
export interface SessionEvent {
  session: Session;
}

/**
 * Payload of `wheel:rotated`: the new durable counts (decimal strings, exact beyond 2^53).
 *
 * @example
 * ```ts
 * vajra.events.on('wheel:rotated', (event: WheelRotatedEvent) => {
 *   console.log(`${event.wheelId}: +${event.delta} rotations, ${event.recitations} recitations in all at ${event.at}`);
 * });
 * ```
 */
export interface WheelRotatedEvent {
  wheelId: string;
  /** Owner of the wheel (`null`: unowned). */
  owner: string | null;
  rotations: string;
  recitations: string;
  /** Rotations added since the previous `wheel:rotated` of this wheel. */
  delta: string;
  at: string;
}

/**
 * Payload of the `error` event: a listener or a background task failed.
 *
 * @example
 * ```ts
 * vajra.events.on('error', ({ source, event, code, message }: KernelErrorEvent) => {
 *   // e.g. { source: 'listener', event: 'session:started', code: 'STORE_CLOSED', message: 'The store is closed' }
 *   logger.warn(message, { source, event, code });
 * });
 * ```
 */
export interface KernelErrorEvent {
  source: string;
  event?: string;
  code?: string;
  message: string;
}

/**
 * The kernel's event map. Plugins add their events by declaration merging:
 *
 * @example
 * ```ts
 * declare module '@vajra-stream/core' {
 *   interface VajraEvents { 'hello:said': { to: string } }
 * }
 * ```
 */
export interface VajraEvents {
  'session:created': SessionEvent;
  'session:updated': SessionEvent;
  'session:started': SessionEvent;
  'session:paused': SessionEvent;
  'session:resumed': SessionEvent;
  'session:stopped': SessionEvent;
  'session:completed': SessionEvent;
  'session:deleted': SessionEvent;
  /** A session that was running when the process went down and goes on running after start-up. */
  'session:recovered': SessionEvent;
  'wheel:created': { wheel: Wheel };
  'wheel:started': { wheel: Wheel };
  'wheel:stopped': { wheel: Wheel };
  'wheel:updated': { wheel: Wheel };
  'wheel:deleted': { wheel: Wheel };
  'wheel:rotated': WheelRotatedEvent;
  'wheel:dedicated': { wheel: Wheel; dedication: WheelDedication };
  'kernel:started': { plugins: string[] };
  'kernel:stopping': Record<string, never>;
  error: KernelErrorEvent;
}

/**
 * Names of all known events.
 *
 * @example
 * ```ts
 * const audited: VajraEventName[] = ['session:started', 'session:completed', 'wheel:dedicated'];
 * for (const name of audited) vajra.events.on(name, (payload) => logger.info(name, { payload }));
 * ```
 */
export type VajraEventName = keyof VajraEvents & string;
