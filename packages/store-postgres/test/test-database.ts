import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The database the tests use: `VAJRA_TEST_DATABASE_URL`, or the local PostgreSQL of the dev and CI machines. */
export const TEST_DATABASE_URL = process.env.VAJRA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Unique schema names for one test file, all dropped by `cleanup()`. `check()` fails with a message saying
 * what is missing when PostgreSQL cannot be reached: these tests never pass by skipping.
 */
export function createTestSchemas(): { make(): string; check(): Promise<void>; cleanup(): Promise<void>; query(sql: string, params?: unknown[]): Promise<pg.QueryResult> } {
  const made: string[] = [];
  const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
  admin.on('error', () => undefined);
  return {
    make() {
      const name = `vajra_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      made.push(name);
      return name;
    },
    async check() {
      try {
        await admin.query('SELECT 1');
      } catch (error) {
        throw new Error(
          `PostgreSQL is required by these tests and is not reachable at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}). Start it (Debian: apt-get install postgresql && service postgresql start) or set VAJRA_TEST_DATABASE_URL.`,
        );
      }
    },
    query: (sql, params) => admin.query(sql, params),
    async cleanup() {
      for (const name of made.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`).catch(() => undefined);
      await admin.end();
    },
  };
}
