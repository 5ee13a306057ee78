import { VajraError } from '@vajra-stream/core';
import { isConnectionFailure, isDatabaseError, isSerializationFailure, toStoreError } from './postgres-errors';

/** A pooled connection as node-postgres hands it out (kept structural so pg's types stay private). */
export interface PooledClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
  release(destroy?: boolean | Error): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/** What {@link runSerializable} needs. */
export interface SerializableSettings {
  connect(): Promise<PooledClient>;
  maxRetries: number;
  /** Called for each attempt with the connection the attempt runs on and a check that it is still current. */
  attempt<R>(client: PooledClient, isLive: () => boolean): Promise<R>;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Run one attempt function as a SERIALIZABLE transaction, again and again while PostgreSQL reports a
 * serialization failure or a deadlock (up to `maxRetries` more times, with a growing jittered pause), and
 * also when the connection broke before `COMMIT` was sent. The work must therefore be safe to run again:
 * read through the transaction, compute, write — no side effects outside it.
 *
 * @example
 * ```ts
 * const total = await runSerializable({ connect: () => pool.connect(), maxRetries: 30, attempt: (client) => work(client) });
 * ```
 */
export async function runSerializable<R>(settings: Omit<SerializableSettings, 'attempt'> & { attempt: (client: PooledClient, isLive: () => boolean) => Promise<R> }): Promise<R> {
  for (let attempt = 0; ; attempt += 1) {
    let client: PooledClient;
    try {
      client = await settings.connect();
    } catch (error) {
      throw toStoreError(error);
    }
    let live = true;
    let committing = false;
    let broken: Error | undefined;
    // A checked-out client has no pool listener: a connection that dies between two statements would emit an
    // unhandled 'error' and end the process. Note it instead; the next statement fails and the work runs again.
    const onError = (error: Error): void => void (broken ??= error);
    client.on('error', onError);
    try {
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const result = await settings.attempt(client, () => live);
      committing = true;
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isConnectionFailure(error)) broken = error as Error;
      else await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError as Error));
      const retryable = isSerializationFailure(error) || (broken !== undefined && !committing);
      if (!retryable || attempt >= settings.maxRetries) {
        if (isSerializationFailure(error)) {
          throw new VajraError('STORE_CONFLICT', `The transaction kept conflicting with concurrent ones after ${attempt + 1} attempts`, { status: 503, cause: error });
        }
        // The work's own errors reach the caller unchanged; the database's become typed store errors.
        throw isDatabaseError(error) ? toStoreError(error) : error;
      }
    } finally {
      live = false;
      client.removeListener('error', onError);
      client.release(broken ?? false);
    }
    await pause(Math.min(200, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random()));
  }
}
