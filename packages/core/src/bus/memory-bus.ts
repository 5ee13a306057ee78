import type { Bus, BusListener, BusMessage } from './bus';

/**
 * A bus inside one process: every kernel given the same bus sees the others' events, delivered
 * asynchronously (as a network bus would) and in publish order. For tests, scripts and single-process
 * deployments that run several kernels; across processes use the PostgreSQL or Redis bus.
 *
 * @example
 * ```ts
 * const bus = createMemoryBus();
 * const store = createMemoryStore();
 * const a = createVajra({ store, bus });
 * const b = createVajra({ store, bus });
 * ```
 */
export function createMemoryBus(): Bus {
  const listeners = new Set<BusListener>();
  let closed = false;
  let queue: Promise<void> = Promise.resolve();
  return {
    kind: 'memory',
    publish(message: BusMessage) {
      if (closed) return Promise.resolve();
      // A copy through JSON, so receivers get what a network bus would give them and never the sender's objects.
      const copy = JSON.parse(JSON.stringify(message)) as BusMessage;
      queue = queue.then(() => {
        for (const listener of [...listeners]) listener(copy);
      });
      return queue;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    health: () => ({ connected: !closed, pending: 0, reconnects: 0 }),
    async close() {
      closed = true;
      listeners.clear();
      await queue;
    },
  };
}
