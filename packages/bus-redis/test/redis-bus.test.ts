import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { runBusConnectionLossContract, runBusContract } from '@vajra-stream/core/testing';
import { createRedisBus } from '../src/index';
import { TEST_REDIS_URL, createTestPrefixes } from './test-redis';

const prefixes = createTestPrefixes();
beforeAll(() => prefixes.check());
afterAll(() => prefixes.cleanup());

runBusContract({ describe, it, afterEach }, 'redis stream (fresh key prefix)', async () => {
  const keyPrefix = prefixes.make();
  return { connect: () => createRedisBus({ url: TEST_REDIS_URL, keyPrefix }) };
});

runBusConnectionLossContract({ describe, it, afterEach }, 'redis stream (CLIENT KILL)', async () => {
  const keyPrefix = prefixes.make();
  return {
    connect: (connectionName) => createRedisBus({ url: TEST_REDIS_URL, keyPrefix, connectionName, blockMs: 1000 }),
    drop: (connectionName, connection) => prefixes.kill(`${connectionName}:${connection === 'listener' ? 'bus-listen' : 'bus'}`),
  };
});
