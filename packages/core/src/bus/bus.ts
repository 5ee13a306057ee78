/**
 * One event travelling between instances: who emitted it, its name and its JSON payload.
 *
 * @example
 * ```ts
 * // what a kernel publishes on its bus for each shared event
 * await bus.publish({ origin: vajra.instanceId, name: 'wheel:started', payload: { wheel } });
 * ```
 */
export interface BusMessage {
  /** The instance that emitted the event (`vajra.instanceId`). */
  origin: string;
  name: string;
  payload: unknown;
}

/**
 * Receives every message on the bus, those of its own instance included.
 *
 * @example
 * ```ts
 * const log: BusListener = ({ origin, name }) => console.log(`${name} from ${origin}`);
 * const unsubscribe = bus.subscribe(log);
 * ```
 */
export type BusListener = (message: BusMessage) => void;

/**
 * What a bus reports about its connection, for readiness checks.
 *
 * @example
 * ```ts
 * const { connected, pending, reconnects }: BusHealth = bus.health();
 * if (!connected) console.warn(`bus down: ${pending} messages waiting, ${reconnects} reconnects so far`);
 * ```
 */
export interface BusHealth {
  /** True while messages can be published and are being received. */
  connected: boolean;
  /** Published messages waiting to reach the bus (sent once it is reachable again). */
  pending: number;
  /** Times the bus connection was re-established. */
  reconnects: number;
}

/**
 * Carries the events clients may see (`session:*`, `wheel:*`, `audio:spectrum`, `hardware:*`, `oracle:*`)
 * between the server instances of one deployment, so a WebSocket client on any instance sees what happened
 * on every other one. A kernel without a bus keeps its events in its own process.
 *
 * Implementations promise: messages of one publisher arrive in the order published; a message published
 * while the bus is unreachable is kept and sent once it is back; a subscriber that lost its connection
 * receives, after reconnecting, what was published meanwhile (within the implementation's stated window).
 *
 * @example
 * ```ts
 * const bus = createMemoryBus();
 * const a = createVajra({ store, bus });
 * const b = createVajra({ store, bus });
 * ```
 */
export interface Bus {
  /** A short name of the implementation (`memory`, `postgres`, `redis`). */
  readonly kind: string;
  /** Send one message to every subscriber of every instance. Resolves once the bus accepted it. */
  publish(message: BusMessage): Promise<void>;
  /** Receive every message from now on; returns the unsubscribe function. */
  subscribe(listener: BusListener): () => void;
  health(): BusHealth;
  /** Stop receiving and release the connections (pending messages are given a moment to leave). */
  close(): Promise<void>;
}
