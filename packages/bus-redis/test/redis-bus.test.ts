import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runBusContract } from '@vajra-stream/core/testing';
import { createRedisBus, type RedisBus } from '../src/index';
import { TEST_REDIS_URL, createTestPrefixes } from './test-redis';

const prefixes = createTestPrefixes();
beforeAll(() => prefixes.check());
afterAll(() => prefixes.cleanup());

runBusContract({ describe, it, afterEach }, 'redis stream (fresh key prefix)', async () => {
  const keyPrefix = prefixes.make();
  return { connect: () => createRedisBus({ url: TEST_REDIS_URL, keyPrefix }) };
});

const until = async (condition: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('the Redis bus across connection loss', () => {
  const opened: RedisBus[] = [];
  afterEach(async () => {
    for (const bus of opened.splice(0)) await bus.close();
  });
  const open = async (keyPrefix: string, connectionName: string) => {
    const bus = await createRedisBus({ url: TEST_REDIS_URL, keyPrefix, connectionName, blockMs: 1000 });
    opened.push(bus);
    return bus;
  };
  const tag = () => `vt${process.pid}${Math.random().toString(36).slice(2, 8)}`;

  /**
   * Publish `total` numbered messages from one bus to another on a fresh prefix; after message n lands where
   * `killAt(n)` holds, wait until `ready(side's bus, kills so far)` and kill its `connection` (Redis CLIENT KILL). Returns both
   * buses once b has received every message; the caller checks order and counters.
   */
  const publishThroughKills = async (scenario: {
    total: number;
    name: 'wheel:rotated' | 'audio:spectrum';
    killAt: (n: number) => boolean;
    side: 'a' | 'b';
    connection: 'bus' | 'bus-listen';
    ready: (victim: RedisBus, kills: number) => boolean;
  }) => {
    const keyPrefix = prefixes.make();
    const names = { a: tag(), b: tag() };
    const a = await open(keyPrefix, names.a);
    const b = await open(keyPrefix, names.b);
    const victim = scenario.side === 'a' ? a : b;
    const got: number[] = [];
    b.subscribe((message) => got.push((message.payload as { n: number }).n));
    const sent: Array<Promise<void>> = [];
    let kills = 0;
    for (let n = 0; n < scenario.total; n += 1) {
      sent.push(a.publish({ origin: 'ins_a', name: scenario.name, payload: { n } }));
      if (scenario.killAt(n)) {
        await sent.at(-1);
        await until(() => scenario.ready(victim, kills), `${scenario.side} ready for kill ${kills + 1}`);
        expect(await prefixes.kill(`${names[scenario.side]}:${scenario.connection}`)).toBe(1);
        kills += 1;
      }
    }
    await Promise.all(sent);
    await until(() => got.length >= scenario.total && b.health().connected, `all ${scenario.total} messages`);
    return { a, b, got };
  };

  it('reads on after the listening connection was killed, missing nothing and doubling nothing', async () => {
    const { b, got } = await publishThroughKills({
      total: 600,
      name: 'wheel:rotated',
      killAt: (n) => n === 150 || n === 400,
      side: 'b',
      connection: 'bus-listen',
      ready: (bus, kills) => bus.health().connected && bus.health().reconnects === kills,
    });
    expect(got).toEqual(Array.from({ length: 600 }, (_, n) => n));
    expect(b.health().reconnects).toBe(2);
  });

  it('keeps publishing in order through killed publisher connections', async () => {
    const { a, got } = await publishThroughKills({ total: 300, name: 'audio:spectrum', killAt: (n) => n % 100 === 50, side: 'a', connection: 'bus', ready: (bus) => bus.health().connected });
    expect(got).toEqual(Array.from({ length: 300 }, (_, n) => n));
    expect(a.health().pending).toBe(0);
  });
});
