import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { VajraError, type Bus, type Store } from '@vajra-stream/core';
import { createSqliteStore } from '@vajra-stream/store-sqlite';

/** Where the reference server keeps its state and how its instances talk. */
export interface StorageChoice {
  /** Directory of the SQLite file when there is no `databaseUrl`. */
  dataDir: string;
  /** `postgres://…`: the PostgreSQL store shared by every instance (`VAJRA_DATABASE_URL`). */
  databaseUrl?: string;
  /** PostgreSQL schema of the deployment (`VAJRA_DATABASE_SCHEMA`, default `vajra`). */
  databaseSchema?: string;
  /** `postgres://…` (LISTEN/NOTIFY) or `redis://…` (a Redis stream): the bus between instances (`VAJRA_BUS_URL`). */
  busUrl?: string;
  /** Key prefix of the deployment on Redis (`VAJRA_BUS_PREFIX`, default `vajra:`). */
  busPrefix?: string;
}

/** The opened store and bus, with a description that never shows a password. */
export interface OpenedStorage {
  store: Store;
  bus: Bus | undefined;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  database: string;
  close(): Promise<void>;
}

const redact = (url: string): string => url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');

/**
 * Open the store and bus the settings ask for: SQLite in `dataDir` and in-process events by default;
 * PostgreSQL with `databaseUrl`; a PostgreSQL or Redis bus with `busUrl` (which needs the shared database).
 *
 * @example
 * ```ts
 * const { store, bus, close } = await openStorage({ dataDir: './data', databaseUrl: process.env.VAJRA_DATABASE_URL, busUrl: process.env.VAJRA_BUS_URL });
 * ```
 */
export async function openStorage(choice: StorageChoice): Promise<OpenedStorage> {
  if (choice.databaseUrl === undefined) {
    if (choice.busUrl !== undefined) throw new VajraError('CONFIG_INVALID', 'VAJRA_BUS_URL needs VAJRA_DATABASE_URL: instances on a bus share one PostgreSQL store');
    mkdirSync(choice.dataDir, { recursive: true });
    const database = join(choice.dataDir, 'vajra.db');
    const store = createSqliteStore({ path: database });
    return { store, bus: undefined, database, close: () => store.close() };
  }
  if (!/^postgres(ql)?:\/\//.test(choice.databaseUrl)) throw new VajraError('CONFIG_INVALID', 'VAJRA_DATABASE_URL must be a postgres:// URL');
  const schema = choice.databaseSchema ?? 'vajra';
  const { createPostgresStore, createPostgresBus } = await import('@vajra-stream/store-postgres');
  const store = await createPostgresStore({ connectionString: choice.databaseUrl, schema });
  let bus: Bus | undefined;
  try {
    const busUrl = choice.busUrl;
    if (busUrl !== undefined && /^postgres(ql)?:\/\//.test(busUrl)) bus = await createPostgresBus({ connectionString: busUrl, schema });
    else if (busUrl !== undefined && /^rediss?:\/\//.test(busUrl)) {
      const { createRedisBus } = await import('@vajra-stream/bus-redis');
      bus = await createRedisBus({ url: busUrl, keyPrefix: choice.busPrefix ?? 'vajra:' });
    } else if (busUrl !== undefined) throw new VajraError('CONFIG_INVALID', 'VAJRA_BUS_URL must be a postgres:// or redis:// URL');
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    store,
    bus,
    database: `${redact(choice.databaseUrl)} (schema ${schema})`,
    async close() {
      await bus?.close();
      await store.close();
    },
  };
}
