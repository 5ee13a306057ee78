import { afterEach, describe, expect, it } from 'vitest';
import { runStoreContract } from '../testing/store-contract';
import { createMemoryStore } from './memory-store';

runStoreContract({ describe, it, afterEach }, 'memory', async () => createMemoryStore());

it('offers listStored, in and out of transactions', async () => {
  const store = createMemoryStore();
  expect(typeof store.collection('a').listStored).toBe('function');
  await store.transaction(async (tx) => expect(typeof tx.collection('a').listStored).toBe('function'));
});
