import type BetterSqlite3 from 'better-sqlite3';
import { VajraError } from '@vajra-stream/core';

/**
 * One forward-only step of the schema. `version` numbers start at 1 and increase by one; a published
 * migration is never edited or removed, only followed by a new one.
 *
 * @example
 * ```ts
 * const addIndex: Migration = { version: 2, name: 'index', up: (db) => db.exec('CREATE INDEX ...') };
 * ```
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: MigrationDatabase): void;
}

/**
 * What a migration may use of the database: running SQL (keeps better-sqlite3's types out of the public API).
 * A better-sqlite3 `Database` is one, so the package's schema can be replayed on a scratch database.
 *
 * @example
 * ```ts
 * import Database from 'better-sqlite3';
 *
 * const db: MigrationDatabase = new Database(':memory:');
 * for (const migration of sqliteMigrations) migration.up(db);
 * ```
 */
export interface MigrationDatabase {
  exec(sql: string): unknown;
}

/** Name of the table that records which migrations have been applied. */
export const SCHEMA_VERSION_TABLE = 'vajra_schema_version';
/** Name of the table that holds every record of every collection. */
export const RECORDS_TABLE = 'vajra_records';
/** The top-level field (and column, since migration 2) that names a record's owner. */
export const OWNER_FIELD = 'owner';
/** The partial index on the owner column (migration 2). */
export const OWNER_INDEX = `${RECORDS_TABLE}_${OWNER_FIELD}`;
/** The top-level field that attaches a record (a wheel) to a session; kept in its own column since migration 3. */
export const SESSION_FIELD = 'sessionId';
/** The column of {@link SESSION_FIELD} (migration 3). */
export const SESSION_COLUMN = 'session_id';
/** The partial index on the session column (migration 3). */
export const SESSION_INDEX = `${RECORDS_TABLE}_${SESSION_COLUMN}`;

/**
 * Top-level fields the store keeps in a column of their own when they hold a JSON string (NULL otherwise),
 * each under a partial index of (collection, column, id): filters on them read the index instead of the JSON.
 */
export const COLUMN_FIELDS: ReadonlyMap<string, { readonly column: string; readonly index: string }> = new Map([
  [OWNER_FIELD, { column: OWNER_FIELD, index: OWNER_INDEX }],
  [SESSION_FIELD, { column: SESSION_COLUMN, index: SESSION_INDEX }],
]);

/**
 * The schema of `@vajra-stream/store-sqlite`, in order. Only ever append to this list.
 *
 * @example
 * ```ts
 * const latest = sqliteMigrations.at(-1)?.version; // the schema version this package writes
 * ```
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'records',
    up(db) {
      // One table for all collections: a record is addressed by (collection, id) and held as JSON text.
      // WITHOUT ROWID stores rows in primary-key order, which is also the default listing order.
      db.exec(`CREATE TABLE ${RECORDS_TABLE} (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        json TEXT NOT NULL CHECK (json_valid(json)),
        PRIMARY KEY (collection, id)
      ) WITHOUT ROWID`);
    },
  },
  {
    version: 2,
    name: 'owner column',
    up(db) {
      // A multi-user server lists "the records of this principal": the top-level `owner` field, when it is a
      // JSON string, is kept in a plain column (the store writes it with every put) under a partial index, so
      // that listing by owner reads the index instead of parsing every record of the collection. Records
      // whose owner is null, missing or not a string keep owner NULL and stay out of the index.
      db.exec(`ALTER TABLE ${RECORDS_TABLE} ADD COLUMN ${OWNER_FIELD} TEXT`);
      db.exec(`UPDATE ${RECORDS_TABLE} SET ${OWNER_FIELD} = json_extract(json, '$.${OWNER_FIELD}') WHERE json_type(json, '$.${OWNER_FIELD}') = 'text'`);
      db.exec(`CREATE INDEX ${OWNER_INDEX} ON ${RECORDS_TABLE} (collection, ${OWNER_FIELD}, id) WHERE ${OWNER_FIELD} IS NOT NULL`);
    },
  },
  {
    version: 3,
    name: 'session column',
    up(db) {
      // Every session transition carries the wheels attached to that session along in its transaction, which
      // lists the wheels whose top-level `sessionId` is the session's. Kept in a column under a partial index
      // (as the owner is since version 2), that lookup reads the index instead of parsing every wheel.
      db.exec(`ALTER TABLE ${RECORDS_TABLE} ADD COLUMN ${SESSION_COLUMN} TEXT`);
      db.exec(`UPDATE ${RECORDS_TABLE} SET ${SESSION_COLUMN} = json_extract(json, '$.${SESSION_FIELD}') WHERE json_type(json, '$.${SESSION_FIELD}') = 'text'`);
      db.exec(`CREATE INDEX ${SESSION_INDEX} ON ${RECORDS_TABLE} (collection, ${SESSION_COLUMN}, id) WHERE ${SESSION_COLUMN} IS NOT NULL`);
    },
  },
];

/**
 * The schema version the current code writes (the last migration's version).
 *
 * @example
 * ```ts
 * if (store.schemaVersion !== SQLITE_SCHEMA_VERSION) throw new Error('unexpected schema');
 * ```
 */
export const SQLITE_SCHEMA_VERSION: number = sqliteMigrations.length;

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new VajraError('STORE_MIGRATION_INVALID', `Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

/** The schema version recorded in `db`, 0 for a database this package has never touched. */
export function readSchemaVersion(db: BetterSqlite3.Database): number {
  const table = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(SCHEMA_VERSION_TABLE);
  if (table === undefined) return 0;
  const version = db.prepare(`SELECT max(version) FROM ${SCHEMA_VERSION_TABLE}`).pluck().get() as number | null;
  return version ?? 0;
}

/**
 * Bring `db` up to the last of `migrations`, all in one write transaction (all applied or none), and
 * return the resulting version. A database whose version is newer than the code knows is refused with
 * `STORE_SCHEMA_TOO_NEW` and left untouched: downgrades are never attempted.
 *
 * @example
 * ```ts
 * const version = migrate(db, sqliteMigrations, 'data/vajra.db');
 * ```
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[], label: string): number {
  assertWellFormed(migrations);
  const latest = migrations.length;
  const run = db.transaction((): number => {
    // Read the version inside the write lock so two processes opening the same file cannot both migrate.
    const current = readSchemaVersion(db);
    if (current > latest) {
      throw new VajraError(
        'STORE_SCHEMA_TOO_NEW',
        `The database ${label} has schema version ${current} but this @vajra-stream/store-sqlite only knows versions up to ${latest}; upgrade the package (databases are never downgraded)`,
        { status: 500, details: { found: current, supported: latest } },
      );
    }
    if (current === latest) return current;
    db.exec(`CREATE TABLE IF NOT EXISTS ${SCHEMA_VERSION_TABLE} (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const record = db.prepare(`INSERT INTO ${SCHEMA_VERSION_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`);
    for (const migration of migrations.slice(current)) {
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    return latest;
  });
  return run.immediate();
}
