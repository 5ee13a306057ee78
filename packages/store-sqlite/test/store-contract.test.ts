import { join } from 'node:path';
import { afterAll, afterEach, describe, it } from 'vitest';
import { runStoreContract } from '@vajra-stream/core/testing';
import { createSqliteStore } from '../src/index';
import { createTempDirs } from './temp-dir';

// The same suite runs against the memory store in packages/core; here it runs against SQLite.
const dirs = createTempDirs();
afterAll(() => dirs.cleanup());

runStoreContract({ describe, it, afterEach }, 'sqlite (temporary file, WAL)', async () => createSqliteStore({ path: join(dirs.make(), 'nested', 'vajra.db') }));
runStoreContract({ describe, it, afterEach }, 'sqlite (temporary file, synchronous=normal)', async () => createSqliteStore({ path: join(dirs.make(), 'vajra.db'), synchronous: 'normal' }));
runStoreContract({ describe, it, afterEach }, 'sqlite (:memory:)', async () => createSqliteStore({ path: ':memory:' }));
