import { EventEmitter } from 'eventemitter3';
import type { Logger } from '../logger/logger';
import type { VajraEventName, VajraEvents } from './vajra-events';

/** A listener of one event; may be async (a rejection is reported, never thrown at the emitter). */
export type EventListener<P> = (payload: P) => unknown;

/** A listener of every event (used by bridges such as the WebSocket layer). */
export type AnyEventListener = (name: VajraEventName, payload: VajraEvents[VajraEventName]) => unknown;

/**
 * The typed event bus of a kernel.
 *
 * @example
 * ```ts
 * const off = vajra.events.on('session:started', ({ session }) => console.log(session.intention));
 * off();
 * ```
 */
export interface EventBus {
  on<K extends VajraEventName>(name: K, listener: EventListener<VajraEvents[K]>): () => void;
  once<K extends VajraEventName>(name: K, listener: EventListener<VajraEvents[K]>): () => void;
  off<K extends VajraEventName>(name: K, listener: EventListener<VajraEvents[K]>): void;
  emit<K extends VajraEventName>(name: K, payload: VajraEvents[K]): void;
  onAny(listener: AnyEventListener): () => void;
  listenerCount(name: VajraEventName): number;
}

/**
 * Create an event bus whose listeners are isolated: one that throws or rejects is reported through the
 * logger and an `error` event, and the emitter and the other listeners go on. A listener is registered
 * once per event however often `on`/`once` is called with it, and one `off` (or unsubscribe) removes it.
 *
 * @example
 * ```ts
 * const bus = createEventBus(silentLogger);
 * bus.on('error', (e) => console.warn(e.message));
 * ```
 */
export function createEventBus(logger: Logger): EventBus {
  const emitter = new EventEmitter();
  const anyListeners = new Set<AnyEventListener>();
  const wrapped = new WeakMap<object, Map<string, (payload: unknown) => void>>();

  const report = (event: string, error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
    logger.error('event listener failed', { event, error: message, code });
    if (event === 'error') return; // never recurse on a failing error listener
    emit('error', { source: 'listener', event, message, ...(code === undefined ? {} : { code }) });
  };

  const guard = (event: string, listener: (payload: unknown) => unknown) => (payload: unknown) => {
    try {
      const result = listener(payload);
      if (result instanceof Promise) result.catch((error: unknown) => report(event, error));
    } catch (error) {
      report(event, error);
    }
  };

  function emit<K extends VajraEventName>(name: K, payload: VajraEvents[K]): void {
    emitter.emit(name, payload);
    for (const listener of anyListeners) guard(name, (p) => listener(name, p as VajraEvents[VajraEventName]))(payload);
  }

  /** Remove `listener` from `name`; true when it was registered. */
  const unregister = (name: string, listener: object): boolean => {
    const byName = wrapped.get(listener);
    const safe = byName?.get(name);
    if (safe === undefined) return false;
    emitter.off(name, safe);
    byName?.delete(name);
    return true;
  };

  /** A listener is registered at most once per event (like `EventTarget`): registering it again changes nothing. */
  const register = (name: string, listener: object, once: boolean): (() => void) => {
    let byName = wrapped.get(listener);
    if (byName === undefined) {
      byName = new Map();
      wrapped.set(listener, byName);
    }
    if (!byName.has(name)) {
      const safe = guard(name, listener as (payload: unknown) => unknown);
      const registered = once
        ? (payload: unknown) => {
            unregister(name, listener);
            safe(payload);
          }
        : safe;
      byName.set(name, registered);
      emitter.on(name, registered);
    }
    return () => void unregister(name, listener);
  };

  return {
    on: (name, listener) => register(name, listener, false),
    once: (name, listener) => register(name, listener, true),
    off: (name, listener) => void unregister(name, listener),
    emit,
    onAny(listener) {
      anyListeners.add(listener);
      return () => anyListeners.delete(listener);
    },
    listenerCount: (name) => emitter.listenerCount(name),
  };
}
