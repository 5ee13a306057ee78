import type { PooledClient } from './run-serializable';

/**
 * Run `work` on a connection checked out of a pool (`connect`), listening for its errors meanwhile: a checked-out
 * node-postgres client has no pool listener, so a connection dying between two statements would otherwise
 * raise an unhandled 'error' and end the process. The statement that follows fails instead, and the broken
 * connection is discarded rather than returned to the pool.
 *
 * @example
 * ```ts
 * const version = await withCheckedOut(() => pool.connect() as Promise<PooledClient>, (client) => migrate(client, postgresMigrations, schema));
 * ```
 */
export async function withCheckedOut<R>(connect: () => Promise<PooledClient>, work: (client: PooledClient) => Promise<R>): Promise<R> {
  const client = await connect();
  let broken: Error | undefined;
  const onError = (error: Error): void => void (broken ??= error);
  client.on('error', onError);
  try {
    return await work(client);
  } finally {
    client.removeListener('error', onError);
    client.release(broken ?? false);
  }
}
