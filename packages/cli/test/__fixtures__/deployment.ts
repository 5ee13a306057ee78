import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { baseEnv, jsonLines, startVajra, type VajraChild } from './vajra-process';

/** The PostgreSQL and Redis of the dev and CI machines (or `VAJRA_TEST_DATABASE_URL` / `VAJRA_TEST_REDIS_URL`). */
export const DATABASE_URL = process.env.VAJRA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.VAJRA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** What `/ready` says about the store, the bus and the work lease. */
export interface Ready {
  ready: boolean;
  store: string;
  bus: { kind: string; connected: boolean; reconnects?: number } | null;
  work: { mode: string; holder: boolean; token: number | null };
}

/** One `vajra serve` process of a deployment. */
export interface Instance {
  child: VajraChild;
  url: string;
}

/**
 * Polls `condition` every 50 ms until it holds (errors count as "not yet"), failing after `timeoutMs`
 * with `what` in the message.
 */
export async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (
    !(await Promise.resolve()
      .then(condition)
      .catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Fails saying what is missing and how to start it when PostgreSQL (and Redis, if asked) cannot be reached. */
export async function requireServices(services: { redis?: boolean } = {}): Promise<void> {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  admin.on('error', () => undefined);
  try {
    await admin.connect();
    await admin.query('SELECT 1');
  } catch (error) {
    throw new Error(`PostgreSQL is required by this test and is not reachable (${(error as Error).message}); run node scripts/ensure-tools.mjs as root, or start it and set VAJRA_TEST_DATABASE_URL`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  if (!services.redis) return;
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is required by this test and is not reachable (${(error as Error).message}); run node scripts/ensure-tools.mjs as root, or start it and set VAJRA_TEST_REDIS_URL`);
  } finally {
    redis.disconnect();
  }
}

/** Options of {@link createDeployment}. */
export interface DeploymentOptions {
  /** `postgres` (LISTEN/NOTIFY on the test database) or `redis`. */
  bus: 'postgres' | 'redis';
  /** The database the instances use (default the test database; a proxy's URL in the outage tests). */
  databaseUrl?: string;
  /** The bus URL (default the test database, or the test Redis). */
  busUrl?: string;
  /** Extra environment of every instance (API keys, kernel settings). */
  env?: Record<string, string>;
}

/**
 * A deployment of `vajra serve` processes sharing a fresh PostgreSQL schema (and Redis key prefix), all
 * dropped by `cleanup()`.
 */
export function createDeployment(options: DeploymentOptions) {
  const directory = mkdtempSync(join(tmpdir(), 'vajra-cli-deployment-'));
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const schema = `vajra_test_${suffix}`;
  const prefix = `vajra-test:${suffix}:`;
  const databaseUrl = options.databaseUrl ?? DATABASE_URL;
  const busUrl = options.busUrl ?? (options.bus === 'postgres' ? databaseUrl : REDIS_URL);
  const env = baseEnv({
    VAJRA_LOG_LEVEL: 'warn',
    VAJRA_DATABASE_URL: databaseUrl,
    VAJRA_DATABASE_SCHEMA: schema,
    VAJRA_BUS_URL: busUrl,
    VAJRA_BUS_PREFIX: prefix,
    ...options.env,
  });
  const instances: Instance[] = [];

  const ready = async (url: string): Promise<Ready> => (await (await fetch(`${url}/ready`)).json()) as Ready;
  const alive = (): Instance[] => instances.filter(({ child }) => child.child.exitCode === null && child.child.signalCode === null);

  return {
    schema,
    prefix,
    instances,
    ready,
    alive,
    /** Start one more instance and wait for its URL. */
    async start(): Promise<Instance> {
      const child = startVajra(['serve', '--port', '0', '--data-dir', join(directory, 'unused'), '--json'], { cwd: directory, env });
      const instance: Instance = { child, url: '' };
      instances.push(instance);
      await child.until(({ stdout }) => stdout.includes('\n'), 90_000);
      const url = jsonLines<{ url?: string }>(child.stdout()).find((line) => line.url !== undefined)?.url;
      if (url === undefined) throw new Error(`no URL: ${child.stdout()} ${child.stderr()}`);
      instance.url = url;
      return instance;
    },
    /** The living instance that holds the work lease (waits until exactly one does). */
    async holder(timeoutMs = 60_000): Promise<Instance> {
      let found: Instance | undefined;
      await until(
        async () => {
          const living = alive();
          const states = await Promise.all(living.map(({ url }) => ready(url)));
          const holders = living.filter((_, index) => states[index]!.work.holder);
          found = holders.length === 1 ? holders[0] : undefined;
          return found !== undefined;
        },
        'exactly one work holder',
        timeoutMs,
      );
      return found!;
    },
    /** SIGTERM every living instance and drop the schema and keys. */
    async cleanup(): Promise<void> {
      for (const { child } of alive()) child.child.kill('SIGTERM');
      await Promise.all(instances.map(({ child }) => child.exited));
      const admin = new pg.Client({ connectionString: DATABASE_URL });
      admin.on('error', () => undefined);
      await admin
        .connect()
        .then(() => admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
        .catch(() => undefined);
      await admin.end().catch(() => undefined);
      if (options.bus === 'redis') {
        const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, retryStrategy: () => null });
        redis.on('error', () => undefined);
        const keys = await redis.keys(`${prefix}*`).catch(() => [] as string[]);
        if (keys.length > 0) await redis.del(...keys).catch(() => undefined);
        redis.disconnect();
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A deployment as made by {@link createDeployment}. */
export type Deployment = ReturnType<typeof createDeployment>;
