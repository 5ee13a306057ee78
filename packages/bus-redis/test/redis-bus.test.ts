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

  it('reads on after the listening connection was killed, missing nothing and doubling nothing', async () => {
    const keyPrefix = prefixes.make();
    const [nameA, nameB] = [tag(), tag()];
    const a = await open(keyPrefix, nameA);
    const b = await open(keyPrefix, nameB);
    const got: number[] = [];
    b.subscribe((message) => got.push((message.payload as { n: number }).n));
    const sent: Array<Promise<void>> = [];
    for (let n = 0; n < 600; n += 1) {
      sent.push(a.publish({ origin: 'ins_a', name: 'wheel:rotated', payload: { n } }));
      if (n === 150 || n === 400) {
        await sent.at(-1);
        await until(() => b.health().connected && b.health().reconnects === (n === 150 ? 0 : 1), 'the listener connected');
        expect(await prefixes.kill(`${nameB}:bus-listen`)).toBe(1);
      }
    }
    await Promise.all(sent);
    await until(() => got.length >= 600 && b.health().connected, 'all 600 messages after two reconnects');
    expect(got).toEqual(Array.from({ length: 600 }, (_, n) => n));
    expect(b.health().reconnects).toBe(2);
  });

  it('keeps publishing in order through killed publisher connections', async () => {
    const keyPrefix = prefixes.make();
    const [nameA, nameB] = [tag(), tag()];
    const a = await open(keyPrefix, nameA);
    const b = await open(keyPrefix, nameB);
    const got: number[] = [];
    b.subscribe((message) => got.push((message.payload as { n: number }).n));
    const sent: Array<Promise<void>> = [];
    for (let n = 0; n < 300; n += 1) {
      sent.push(a.publish({ origin: 'ins_a', name: 'audio:spectrum', payload: { n } }));
      if (n % 100 === 50) {
        await sent.at(-1);
        await until(() => a.health().connected, 'the publisher connected');
        expect(await prefixes.kill(`${nameA}:bus`)).toBe(1);
      }
    }
    await Promise.all(sent);
    await until(() => got.length >= 300, 'all 300 messages');
    expect(got).toEqual(Array.from({ length: 300 }, (_, n) => n));
    expect(a.health().pending).toBe(0);
  });
});
