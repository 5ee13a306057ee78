import type { Bus, BusMessage } from '../bus/bus';
import type { ContractRunner } from './store-contract';

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`bus contract: ${message}`);
}

/** Resolves once `condition()` holds, polling every 5 ms; rejects with `what` after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`bus contract: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Opens the buses of one test: every call of `connect()` is another instance on the same deployment
 * (its own connections, the same channel); `cleanup()` removes what the test left on the service.
 *
 * @example
 * ```ts
 * runBusContract({ describe, it, afterEach }, 'my bus', async (): Promise<BusContractFixture> => {
 *   const channel = `contract_${Date.now()}`;
 *   return { connect: async () => createMyBus({ channel }), cleanup: () => dropChannel(channel) };
 * });
 * ```
 */
export interface BusContractFixture {
  connect(): Promise<Bus>;
  cleanup?(): Promise<void>;
}

/**
 * The behaviour every {@link Bus} must have: run it against your own implementation to prove it fits the kernel.
 * What a bus does when the service drops a connection is {@link runBusConnectionLossContract}'s.
 *
 * @example
 * ```ts
 * import { describe, it, afterEach } from 'vitest';
 * import { runBusContract } from '@vajra-stream/core/testing';
 * runBusContract({ describe, it, afterEach }, 'my bus', async () => ({ connect: () => createMyBus({ channel: 'test' }) }));
 * ```
 */
export function runBusContract(runner: ContractRunner, name: string, open: () => Promise<BusContractFixture>): void {
  const { describe, it, afterEach } = runner;
  describe(`bus contract: ${name}`, () => {
    const opened: Bus[] = [];
    let fixture: BusContractFixture | undefined;
    const instances = async (count: number): Promise<Bus[]> => {
      fixture = await open();
      const made: Bus[] = [];
      for (let index = 0; index < count; index += 1) made.push(await fixture.connect());
      opened.push(...made);
      return made;
    };
    afterEach(async () => {
      for (const bus of opened.splice(0)) await bus.close();
      await fixture?.cleanup?.();
      fixture = undefined;
    });

    it('delivers every message to every instance, the publisher included, in publish order', async () => {
      const buses = await instances(3);
      const received = buses.map(() => [] as BusMessage[]);
      buses.forEach((bus, index) => bus.subscribe((message) => received[index]!.push(message)));
      const sent: BusMessage[] = [];
      for (let n = 0; n < 200; n += 1) sent.push({ origin: `ins_${n % 2}`, name: 'wheel:rotated', payload: { n, rotations: String(n), nested: { list: [n, null, 'ॐ'] } } });
      await Promise.all(sent.map((message, index) => buses[index % 2]!.publish(message)));
      await until(() => received.every((list) => list.length >= sent.length), 'all 200 messages on 3 instances');
      for (const list of received) {
        check(list.length === sent.length, `expected ${sent.length} messages, got ${list.length}`);
        for (const origin of ['ins_0', 'ins_1']) {
          const mine = list.filter((m) => m.origin === origin).map((m) => (m.payload as { n: number }).n);
          const expected = sent.filter((m) => m.origin === origin).map((m) => (m.payload as { n: number }).n);
          check(JSON.stringify(mine) === JSON.stringify(expected), `messages of ${origin} out of order or altered`);
        }
        check(JSON.stringify(list.find((m) => (m.payload as { n: number }).n === 7)) === JSON.stringify(sent[7]), 'a message changed on the way');
      }
    });

    it('carries large payloads whole', async () => {
      const [a, b] = await instances(2);
      const got: BusMessage[] = [];
      b!.subscribe((message) => got.push(message));
      const bands = Array.from({ length: 4000 }, (_, index) => index / 7);
      await a!.publish({ origin: 'ins_a', name: 'audio:spectrum', payload: { bands } });
      await until(() => got.length === 1, 'the large message');
      check(JSON.stringify(got[0]!.payload) === JSON.stringify({ bands }), 'the large payload changed');
    });

    it('stops delivering to an unsubscribed listener and reports health', async () => {
      const [a, b] = await instances(2);
      const kept: BusMessage[] = [];
      const dropped: BusMessage[] = [];
      b!.subscribe((message) => kept.push(message));
      const off = b!.subscribe((message) => dropped.push(message));
      off();
      await a!.publish({ origin: 'ins_a', name: 'session:created', payload: { n: 1 } });
      await until(() => kept.length === 1, 'the message');
      check(dropped.length === 0, 'an unsubscribed listener received a message');
      await until(() => a!.health().connected && b!.health().connected, 'both instances connected');
      check(a!.health().pending === 0, 'nothing should be pending once publish resolved');
    });
  });
}
