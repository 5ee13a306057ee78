import { EventEmitter } from 'eventemitter3';
import type { Logger } from '../logger/logger';
import type { VajraEventName, VajraEvents } from './vajra-events';

/**
 * A listener of one event; may be async (a rejection is reported, never thrown at the emitter).
 *
 * @example
 * ```ts
 * const onStarted: EventListener<SessionEvent> = ({ session }) => console.log(`${session.intention}: ${session.duration} s`);
 * vajra.events.on('session:started', onStarted);
 * vajra.events.off('session:started', onStarted);
 * ```
 */
export type EventListener<P> = (payload: P) => unknown;

/**
 * A listener of every event (used by bridges such as the WebSocket layer).
 *
 * @example
 * ```ts
 * const forward: AnyEventListener = (name, payload) => socket.send(JSON.stringify({ name, payload }));
 * const off = vajra.events.onAny(forward, { remote: true });
 * ```
 */
export type AnyEventListener = (name: VajraEventName, payload: VajraEvents[VajraEventName]) => unknown;

/**
 * Options of {@link EventBus.onAny}.
 *
 * @example
 * ```ts
 * // also hear the events that the other instances on the kernel's bus published
 * vajra.events.onAny((name, payload) => console.log(name, payload), { remote: true });
 * ```
 */
export interface OnAnyOptions {
  /**
   * Also receive the events other instances published on the kernel's bus (see `createVajra({ bus })`),
   * after this instance's own. Off by default: plain listeners hear what happened in this process only, so a
   * plugin that reacts to `session:completed` acts once per deployment, not once per instance.
   */
  remote?: boolean;
}

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
  onAny(listener: AnyEventListener, options?: OnAnyOptions): () => void;
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
  return createEventHub(logger).events;
}

/** A kernel's event bus plus the entry through which events of other instances arrive. Internal to the kernel. */
export interface EventHub {
  events: EventBus;
  /** Hand an event another instance emitted to the `onAny(…, { remote: true })` listeners. */
  receiveRemote(name: VajraEventName, payload: unknown): void;
  /** Listen to the other instances' events only (the kernel's own bookkeeping). */
  onRemote(listener: AnyEventListener): () => void;
}

/** Build an {@link EventHub}: {@link createEventBus} with the remote entry the kernel's bus bridge uses. */
export function createEventHub(logger: Logger): EventHub {
  const emitter = new EventEmitter();
  const anyListeners = new Set<AnyEventListener>();
  const remoteListeners = new Set<AnyEventListener>();
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

  const events: EventBus = {
    on: (name, listener) => register(name, listener, false),
    once: (name, listener) => register(name, listener, true),
    off: (name, listener) => void unregister(name, listener),
    emit,
    onAny(listener, options = {}) {
      anyListeners.add(listener);
      if (options.remote === true) remoteListeners.add(listener);
      return () => {
        anyListeners.delete(listener);
        remoteListeners.delete(listener);
      };
    },
    listenerCount: (name) => emitter.listenerCount(name),
  };
  const remoteOnly = new Set<AnyEventListener>();
  const receiveRemote = (name: VajraEventName, payload: unknown): void => {
    for (const listener of [...remoteOnly, ...remoteListeners]) guard(name, (p) => listener(name, p as VajraEvents[VajraEventName]))(payload);
  };
  const onRemote = (listener: AnyEventListener): (() => void) => {
    remoteOnly.add(listener);
    return () => void remoteOnly.delete(listener);
  };
  return { events, receiveRemote, onRemote };
}
