import type { EventHub } from '../events/event-bus';
import type { VajraEventName } from '../events/vajra-events';
import type { Logger } from '../logger/logger';
import type { Bus } from './bus';

/**
 * The event domains a kernel shares on its bus by default: what WebSocket clients may subscribe to and
 * that happens on one instance only. (`astro:*` events are computed by every instance from the clock, so
 * each instance's clients hear their own instance's.)
 * @example
 * ```ts
 * const vajra = createVajra({ bus, busDomains: [...DEFAULT_BUS_DOMAINS, 'my-plugin'] });
 * ```
 */
export const DEFAULT_BUS_DOMAINS: readonly string[] = ['session', 'wheel', 'audio', 'hardware', 'oracle'];

interface BridgeOptions {
  bus: Bus;
  hub: EventHub;
  instanceId: string;
  domains: readonly string[];
  logger: Logger;
}

/**
 * Publish this instance's events of the shared domains on `bus`, and hand the other instances' events to
 * the `onAny(…, { remote: true })` listeners. Returns the function that disconnects both directions.
 */
export function bridgeBus({ bus, hub, instanceId, domains, logger }: BridgeOptions): () => void {
  const shared = new Set(domains);
  const isShared = (name: string): boolean => shared.has(name.slice(0, Math.max(0, name.indexOf(':'))));
  const offLocal = hub.events.onAny((name, payload) => {
    if (!isShared(name)) return;
    bus.publish({ origin: instanceId, name, payload }).catch((error: unknown) => {
      logger.error('bus publish failed', { event: name, error: error instanceof Error ? error.message : String(error) });
    });
  });
  const offBus = bus.subscribe((message) => {
    if (message.origin === instanceId || typeof message.name !== 'string' || !isShared(message.name)) return;
    hub.receiveRemote(message.name as VajraEventName, message.payload);
  });
  return () => {
    offLocal();
    offBus();
  };
}
