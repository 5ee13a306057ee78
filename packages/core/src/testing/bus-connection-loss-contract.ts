import type { Bus } from '../bus/bus';
import type { ContractRunner } from './store-contract';

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`bus connection-loss contract: ${message}`);
}

/** Resolves once `condition()` holds, polling every 10 ms; rejects with `what` after 30 s (the service is real and the machine shared). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`bus connection-loss contract: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Opens the buses of one connection-loss test and drops their connections on the service, as a restart or a
 * network fault would: every call of `connect(name)` is another instance on the same deployment whose
 * connections the service knows by `name`; `cleanup()` removes what the test left on the service.
 *
 * @example
 * ```ts
 * const fixture: BusConnectionLossFixture = {
 *   connect: (name) => createMyBus({ channel: 'test', connectionName: name }),
 *   drop: (name, connection) => killConnections(`${name}:${connection === 'listener' ? 'bus-listen' : 'bus'}`),
 * };
 * ```
 */
export interface BusConnectionLossFixture {
  connect(name: string): Promise<Bus>;
  /** Drops the bus `name`'s publishing or listening connection on the service; resolves to how many connections it dropped. */
  drop(name: string, connection: 'publisher' | 'listener'): Promise<number>;
  cleanup?(): Promise<void>;
}

/**
 * What every {@link Bus} must do when the service drops one of its connections and comes back: the
 * listener reconnects and reads on from where it was, the publisher keeps publishing, and every message
 * arrives once and in order. Run it beside {@link runBusContract} against a real service.
 *
 * @example
 * ```ts
 * import { describe, it, afterEach } from 'vitest';
 * import { runBusConnectionLossContract } from '@vajra-stream/core/testing';
 * runBusConnectionLossContract({ describe, it, afterEach }, 'my bus', async () => ({
 *   connect: (name) => createMyBus({ channel: 'test', connectionName: name }),
 *   drop: (name, connection) => killConnections(`${name}:${connection}`),
 * }));
 * ```
 */
export function runBusConnectionLossContract(runner: ContractRunner, name: string, open: () => Promise<BusConnectionLossFixture>): void {
  const { describe, it, afterEach } = runner;
  describe(`bus connection-loss contract: ${name}`, () => {
    const opened: Bus[] = [];
    let fixture: BusConnectionLossFixture | undefined;
    afterEach(async () => {
      for (const bus of opened.splice(0)) await bus.close();
      await fixture?.cleanup?.();
      fixture = undefined;
    });
    const tag = () => `vt${process.pid}${Math.random().toString(36).slice(2, 8)}`;

    /**
     * Publishes `total` numbered messages from bus a to bus b; after message n where `dropAt(n)` holds, waits
     * until the victim is connected (a listener: and has reconnected after every earlier drop) and drops its
     * connection. Resolves once b has received every message.
     */
    const publishThroughDrops = async (scenario: { total: number; name: 'wheel:rotated' | 'audio:spectrum'; dropAt: (n: number) => boolean; connection: 'publisher' | 'listener' }) => {
      fixture = await open();
      const names = { a: tag(), b: tag() };
      const a = await fixture.connect(names.a);
      opened.push(a);
      const b = await fixture.connect(names.b);
      opened.push(b);
      const victim = scenario.connection === 'publisher' ? { bus: a, name: names.a } : { bus: b, name: names.b };
      const got: number[] = [];
      b.subscribe((message) => got.push((message.payload as { n: number }).n));
      const sent: Array<Promise<void>> = [];
      let drops = 0;
      for (let n = 0; n < scenario.total; n += 1) {
        sent.push(a.publish({ origin: 'ins_a', name: scenario.name, payload: { n } }));
        if (scenario.dropAt(n)) {
          await sent.at(-1);
          const ready = () => victim.bus.health().connected && (scenario.connection === 'publisher' || victim.bus.health().reconnects === drops);
          await until(ready, `the ${scenario.connection} connected before drop ${drops + 1}`);
          const dropped = await fixture.drop(victim.name, scenario.connection);
          check(dropped === 1, `drop ${drops + 1} closed ${dropped} connections, expected 1`);
          drops += 1;
        }
      }
      await Promise.all(sent);
      await until(() => got.length >= scenario.total && b.health().connected, `all ${scenario.total} messages`);
      const expected = Array.from({ length: scenario.total }, (_, n) => n);
      check(JSON.stringify(got) === JSON.stringify(expected), `expected messages 0..${scenario.total - 1} once each and in order, got ${got.length} messages out of order or doubled`);
      return { a, b };
    };

    it('reads on after the listening connection was dropped, missing nothing and doubling nothing', async () => {
      const { b } = await publishThroughDrops({ total: 600, name: 'wheel:rotated', dropAt: (n) => n === 150 || n === 400, connection: 'listener' });
      check(b.health().reconnects === 2, `expected 2 reconnects of the listener, got ${b.health().reconnects}`);
    });

    it('keeps publishing in order through dropped publisher connections, losing nothing and doubling nothing', async () => {
      const { a } = await publishThroughDrops({ total: 300, name: 'audio:spectrum', dropAt: (n) => n % 100 === 50, connection: 'publisher' });
      check(a.health().connected, 'the publisher should be connected once every publish resolved');
      check(a.health().pending === 0, `nothing should be pending once every publish resolved, got ${a.health().pending}`);
    });
  });
}
