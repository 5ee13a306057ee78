import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { runStoreContract } from '@vajra-stream/core/testing';
import { createPostgresStore } from '../src/index';
import { TEST_DATABASE_URL, createTestSchemas } from './test-database';

// The same suite runs against the memory and SQLite stores; here against PostgreSQL, one fresh schema per test.
const schemas = createTestSchemas();
beforeAll(() => schemas.check());
afterAll(() => schemas.cleanup());

runStoreContract({ describe, it, afterEach }, 'postgres (fresh schema)', async () => createPostgresStore({ connectionString: TEST_DATABASE_URL, schema: schemas.make(), poolSize: 5 }));
