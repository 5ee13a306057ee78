import { VajraError } from '@vajra-stream/core';

/**
 * What a migration may use of the database: running SQL inside the migration's transaction. A node-postgres
 * client checked out of a pool is one, so the package's schema can be replayed in a scratch schema.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 *
 * const client: PostgresMigrationClient = await new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1/vajra' }).connect();
 * await client.query('CREATE SCHEMA scratch');
 * for (const migration of postgresMigrations) await migration.up(client, 'scratch');
 * ```
 */
export interface PostgresMigrationClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * One forward-only step of the schema. Versions start at 1 and increase by one; a published migration is
 * never edited or removed, only followed by a new one. `up` receives the schema name (a validated identifier).
 *
 * @example
 * ```ts
 * const addIndex: PostgresMigration = { version: 2, name: 'index', up: (db, schema) => db.query(`CREATE INDEX … ON ${schema}.vajra_records …`) };
 * ```
 */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  up(db: PostgresMigrationClient, schema: string): Promise<unknown>;
}

/** The table that records which migrations have been applied. */
export const SCHEMA_VERSION_TABLE = 'vajra_schema_version';
/** The table that holds every record of every collection. */
export const RECORDS_TABLE = 'vajra_records';
/** The bus's outbox: every published event for a while, so a listener that reconnects replays what it missed. */
export const BUS_OUTBOX_TABLE = 'vajra_bus_outbox';
/** The top-level field that attaches a record (a wheel) to a session, indexed since migration 3. */
export const SESSION_FIELD = 'sessionId';
/** The index of {@link SESSION_FIELD} per collection (migration 3). */
export const SESSION_INDEX = `${RECORDS_TABLE}_session_id`;

/**
 * The schema of `@vajra-stream/store-postgres`, in order. Only ever append to this list.
 *
 * @example
 * ```ts
 * const latest = postgresMigrations.at(-1)?.version; // the schema version this package writes
 * ```
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'records',
    // `body` keeps the JSON text exactly as written (key order included); `doc` is the same value as jsonb,
    // derived by PostgreSQL, for filters and ordering. Ids compare bytewise (COLLATE "C"), as in the other stores.
    up: (db, schema) =>
      db.query(`CREATE TABLE ${schema}.${RECORDS_TABLE} (
        collection text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        body text NOT NULL,
        doc jsonb GENERATED ALWAYS AS (body::jsonb) STORED,
        PRIMARY KEY (collection, id)
      )`),
  },
  {
    version: 2,
    name: 'bus outbox',
    // `seq` orders one publisher's messages; `id` (chosen by the publisher) makes a retried insert a no-op;
    // `at` (the server's clock) bounds replays and retention.
    up: async (db, schema) => {
      await db.query(`CREATE TABLE ${schema}.${BUS_OUTBOX_TABLE} (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        origin text NOT NULL,
        name text NOT NULL,
        payload text NOT NULL
      )`);
      await db.query(`CREATE INDEX ${BUS_OUTBOX_TABLE}_at ON ${schema}.${BUS_OUTBOX_TABLE} (at)`);
    },
  },
  {
    version: 3,
    name: 'session index',
    // Every session transition carries the wheels attached to that session along in its transaction, which
    // lists the records whose top-level `sessionId` is the session's: this index finds them without reading
    // every wheel's document (the list query names the field literally, so the index expression matches).
    up: (db, schema) => db.query(`CREATE INDEX ${SESSION_INDEX} ON ${schema}.${RECORDS_TABLE} (collection, (doc->>'${SESSION_FIELD}'))`),
  },
];

/**
 * The schema version the current code writes (the last migration's version).
 *
 * @example
 * ```ts
 * if (store.schemaVersion !== POSTGRES_SCHEMA_VERSION) throw new Error('unexpected schema');
 * ```
 */
export const POSTGRES_SCHEMA_VERSION: number = postgresMigrations.length;

/**
 * Bring `schema` up to the last of `migrations` in one transaction (all applied or none) and return the
 * resulting version. Concurrent instances serialise on an advisory lock, so exactly one of them migrates.
 * A schema whose version is newer than the code knows is refused with `STORE_SCHEMA_TOO_NEW`, untouched.
 *
 * @example
 * ```ts
 * const version = await migrate(client, postgresMigrations, 'vajra');
 * ```
 */
export async function migrate(db: PostgresMigrationClient, migrations: readonly PostgresMigration[], schema: string): Promise<number> {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new VajraError('STORE_MIGRATION_INVALID', `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
  const latest = migrations.length;
  await db.query('BEGIN');
  try {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`vajra-stream:migrate:${schema}`]);
    await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await db.query(`CREATE TABLE IF NOT EXISTS ${schema}.${SCHEMA_VERSION_TABLE} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await db.query(`SELECT coalesce(max(version), 0)::int AS version FROM ${schema}.${SCHEMA_VERSION_TABLE}`);
    const current = Number(rows[0]?.version ?? 0);
    if (current > latest) {
      throw new VajraError(
        'STORE_SCHEMA_TOO_NEW',
        `The PostgreSQL schema "${schema}" has version ${current} but this @vajra-stream/store-postgres only knows versions up to ${latest}; upgrade the package (schemas are never downgraded)`,
        { status: 500, details: { found: current, supported: latest } },
      );
    }
    for (const migration of migrations.slice(current)) {
      await migration.up(db, schema);
      await db.query(`INSERT INTO ${schema}.${SCHEMA_VERSION_TABLE} (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    await db.query('COMMIT');
    return Math.max(current, latest);
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
