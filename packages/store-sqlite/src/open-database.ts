import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { VajraError, isVajraError } from '@vajra-stream/core';
import { migrate, type Migration } from './migrations';

/** Settings {@link openDatabase} applies to a connection. */
export interface OpenDatabaseSettings {
  /** Absolute file path or `':memory:'`. */
  path: string;
  synchronous: 'full' | 'normal';
  busyTimeoutMs: number;
  migrations: readonly Migration[];
}

/**
 * Open (creating if needed) a SQLite database, switch it to WAL, apply the pragmas and migrate it.
 * Any failure closes the connection and surfaces as a `VajraError` (`STORE_OPEN_FAILED`, or the
 * migration's own code such as `STORE_SCHEMA_TOO_NEW`).
 *
 * @example
 * ```ts
 * const { db, schemaVersion } = openDatabase({ path: '/srv/vajra.db', synchronous: 'full', busyTimeoutMs: 5000, migrations: sqliteMigrations });
 * ```
 */
export function openDatabase(settings: OpenDatabaseSettings): { db: Database.Database; schemaVersion: number } {
  const inMemory = settings.path === ':memory:';
  let db: Database.Database | undefined;
  try {
    if (!inMemory) mkdirSync(dirname(settings.path), { recursive: true });
    db = new Database(settings.path, { timeout: settings.busyTimeoutMs });
    if (!inMemory) {
      const mode = db.pragma('journal_mode = WAL', { simple: true }) as string;
      if (mode !== 'wal') {
        throw new VajraError('STORE_OPEN_FAILED', `SQLite refused WAL mode for ${settings.path} (got "${mode}"); is it on a network filesystem?`, { status: 500 });
      }
    }
    // Durability (default FULL). In WAL mode NORMAL fsyncs only at checkpoints: a commit then lives in the
    // OS page cache, which survives the process being SIGKILLed (so the crash test would pass with NORMAL
    // too) but not a power cut or kernel panic. FULL fsyncs the WAL at every commit, so what the kernel
    // announces after a commit ("no acknowledged rotation is ever lost") survives the machine dying as
    // well. Rotations are batched into one transaction per tick, so the fsync cost is per tick, not per
    // wheel; bench/persist.ts measures it. Both modes keep the database uncorrupted after any crash.
    db.pragma(`synchronous = ${settings.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    // Keep the WAL file from staying large after a burst of writes once it has been checkpointed.
    db.pragma('journal_size_limit = 67108864');
    const schemaVersion = migrate(db, settings.migrations, settings.path);
    return { db, schemaVersion };
  } catch (error) {
    db?.close();
    if (isVajraError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new VajraError('STORE_OPEN_FAILED', `Cannot open the SQLite database ${settings.path}: ${reason}`, { status: 500, cause: error });
  }
}
