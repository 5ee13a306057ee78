import { afterEach, describe, it } from 'vitest';
import { runStoreContract } from '../testing/store-contract';
import { createMemoryStore } from './memory-store';

runStoreContract({ describe, it, afterEach }, 'memory', async () => createMemoryStore());
