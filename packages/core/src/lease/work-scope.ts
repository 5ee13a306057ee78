import type { Clock, TimerHandle } from '../clock/clock';
import type { EventHub, EventListener } from '../events/event-bus';
import type { VajraEventName, VajraEvents } from '../events/vajra-events';
import type { StoreTransaction } from '../store/store';
import type { WorkCoordinator, WorkHealth } from './work-coordinator';

/**
 * The once-only work of a deployment, as the kernel and plugins see it (`vajra.work`, `ctx.work`). Alone
 * (no bus) a kernel always holds it; with a bus exactly one instance holds it at a time, through a lease
 * with a fencing token, and another takes it over when that instance dies.
 *
 * @example
 * ```ts
 * setup(ctx) {
 *   // a reminder every hour, sent by one instance of the deployment, not by each
 *   ctx.work.setInterval(() => ctx.events.emit('reminder:due', { at: new Date(ctx.clock.now()).toISOString() }), 3_600_000);
 *   ctx.work.on('session:started', ({ session }) => console.log('runs on the holder for sessions started anywhere', session.id));
 * }
 * ```
 */
export interface WorkScope {
  /** True while this instance holds the work lease. */
  isHolder(): boolean;
  /** Called with `true` when this instance takes the work over and `false` when it gives it up. */
  onChange(listener: (holder: boolean) => void): () => void;
  /** Hear `name` from every instance, but only while this instance holds the work lease. */
  on<K extends VajraEventName>(name: K, listener: EventListener<VajraEvents[K]>): () => void;
  /** Call `callback` every `intervalMs` while this instance holds the work lease; returns the cancel function. */
  setInterval(callback: () => void, intervalMs: number): () => void;
  /** Inside a store transaction: throw `LEASE_LOST` (409) unless this instance still holds the lease — fence your writes with it. */
  fence(tx: StoreTransaction): Promise<void>;
  health(): WorkHealth;
}

/** Build the {@link WorkScope} of a kernel over its coordinator. Internal to the kernel. */
export function createWorkScope({ coordinator, hub, clock }: { coordinator: WorkCoordinator; hub: EventHub; clock: Clock }): WorkScope {
  return {
    isHolder: coordinator.isHolder,
    onChange: coordinator.onChange,
    on(name, listener) {
      const run = (payload: unknown): unknown => (coordinator.isHolder() ? listener(payload as VajraEvents[typeof name]) : undefined);
      const offLocal = hub.events.on(name, run as EventListener<VajraEvents[typeof name]>);
      const offRemote = hub.onRemote((eventName, payload) => (eventName === name ? run(payload) : undefined));
      return () => {
        offLocal();
        offRemote();
      };
    },
    setInterval(callback, intervalMs) {
      const handle: TimerHandle = clock.setInterval(() => {
        if (coordinator.isHolder()) callback();
      }, intervalMs);
      return () => clock.clearInterval(handle);
    },
    fence: coordinator.fence,
    health: coordinator.health,
  };
}
