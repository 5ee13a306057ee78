import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the tests use: `VAJRA_TEST_REDIS_URL`, or the local Redis of the dev and CI machines. */
export const TEST_REDIS_URL = process.env.VAJRA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Unique key prefixes for one test file, whose keys `cleanup()` deletes. `check()` fails saying what is
 * missing when Redis cannot be reached: these tests never pass by skipping.
 */
export function createTestPrefixes() {
  const made: string[] = [];
  const admin = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  admin.on('error', () => undefined);
  return {
    admin,
    make(): string {
      const prefix = `vajra-test:${process.pid}:${randomBytes(4).toString('hex')}:`;
      made.push(prefix);
      return prefix;
    },
    async check(): Promise<void> {
      try {
        await admin.connect();
        await admin.ping();
      } catch (error) {
        throw new Error(
          `Redis is required by these tests and is not reachable at ${TEST_REDIS_URL.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}). Start it (Debian: apt-get install redis-server && service redis-server start) or set VAJRA_TEST_REDIS_URL.`,
        );
      }
    },
    /** Close every client connection whose name is `name` (as Redis drops them on a restart). */
    async kill(name: string): Promise<number> {
      const list = (await admin.client('LIST')) as string;
      const ids = list
        .split('\n')
        .filter((line) => line.includes(` name=${name} `))
        .map((line) => /id=(\d+)/.exec(line)?.[1])
        .filter((id): id is string => id !== undefined);
      for (const id of ids) await admin.client('KILL', 'ID', id);
      return ids.length;
    },
    async cleanup(): Promise<void> {
      for (const prefix of made.splice(0)) {
        let cursor = '0';
        do {
          const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          cursor = next;
          if (keys.length > 0) await admin.del(...keys);
        } while (cursor !== '0');
      }
      admin.disconnect();
    },
  };
}
