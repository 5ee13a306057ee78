import { afterEach, describe, it } from 'vitest';
import { runBusContract } from '../testing/bus-contract';
import { createMemoryBus } from './memory-bus';

runBusContract({ describe, it, afterEach }, 'memory', async () => {
  const bus = createMemoryBus();
  // Instances of one in-process deployment share the bus object; closing one must not close the others.
  return { connect: async () => ({ ...bus, close: async () => undefined }), cleanup: () => bus.close() };
});
