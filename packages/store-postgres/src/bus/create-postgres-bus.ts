import { createHash } from 'node:crypto';
import pg from 'pg';
import { VajraError, parseInput, type Bus, type BusListener, type BusMessage } from '@vajra-stream/core';
import { BUS_OUTBOX_TABLE, migrate, postgresMigrations } from '../migrations';
import { createNotificationListener } from './notification-listener';
import { createOutboxPublisher } from './outbox-publisher';
import { postgresBusOptionsSchema, type PostgresBusOptions } from './postgres-bus-options';
import type { PooledClient } from '../run-serializable';
import { withCheckedOut } from '../with-checked-out';

/**
 * The {@link Bus} on PostgreSQL, as returned by {@link createPostgresBus}.
 *
 * @example
 * ```ts
 * const bus: PostgresBus = await createPostgresBus({ connectionString: 'postgres://postgres@127.0.0.1/vajra' });
 * console.log(bus.channel);
 * ```
 */
export interface PostgresBus extends Bus {
  readonly kind: 'postgres';
  /** The NOTIFY channel of the deployment (derived from the schema). */
  readonly channel: string;
}

/**
 * Open the bus of a deployment on PostgreSQL `LISTEN`/`NOTIFY`: one database serves as store and bus.
 *
 * Every message is written to an outbox table and announced with `NOTIFY` in the same statement; each
 * instance listens on one dedicated connection. When that connection drops it reconnects and replays from
 * the outbox what was published meanwhile, so nothing is lost while the outage is shorter than
 * `retentionSeconds`; messages published while the database is unreachable wait (in order) and are sent
 * once it is back. Instances that open the same `schema` share one channel.
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * import { createPostgresBus, createPostgresStore } from '@vajra-stream/store-postgres';
 *
 * const url = process.env.VAJRA_DATABASE_URL!;
 * const vajra = createVajra({ store: await createPostgresStore({ connectionString: url }), bus: await createPostgresBus({ connectionString: url }) });
 * await vajra.start();
 * ```
 */
export async function createPostgresBus(options: PostgresBusOptions): Promise<PostgresBus> {
  const settings = parseInput(postgresBusOptionsSchema, options, 'PostgreSQL bus options');
  const { schema } = settings;
  const channel = `vajra_bus_${createHash('sha256').update(schema).digest('hex').slice(0, 20)}`;
  const pool = new pg.Pool({ connectionString: settings.connectionString, max: 3, application_name: `${settings.applicationName}:bus` });
  pool.on('error', () => undefined);
  const listeners = new Set<BusListener>();
  const deliver = (message: BusMessage): void => {
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch {
        // a listener's failure is its own (the kernel's bridge reports through its logger)
      }
    }
  };
  const publisher = createOutboxPublisher({ pool, schema, channel, maxPending: settings.maxPending });
  const listener = createNotificationListener({
    connectionString: settings.connectionString,
    applicationName: settings.applicationName,
    schema,
    channel,
    replayWindowSeconds: settings.replayWindowSeconds,
    pool,
    deliver,
    report: () => undefined,
  });
  try {
    await withCheckedOut(
      () => pool.connect() as Promise<PooledClient>,
      (client) => migrate(client, postgresMigrations, schema),
    );
    await listener.start();
  } catch (error) {
    await listener.close();
    await pool.end().catch(() => undefined);
    if (error instanceof VajraError) throw error;
    throw new VajraError('BUS_OPEN_FAILED', `Cannot open the PostgreSQL bus (schema "${schema}"): ${error instanceof Error ? error.message : String(error)}`, { status: 500, cause: error });
  }
  // Any instance trims the outbox now and then; deleting the same old rows twice is harmless.
  const retention = setInterval(
    () => {
      pool.query(`DELETE FROM ${schema}.${BUS_OUTBOX_TABLE} WHERE at < clock_timestamp() - make_interval(secs => $1)`, [settings.retentionSeconds]).catch(() => undefined);
    },
    Math.min(60_000, (settings.retentionSeconds * 1000) / 4),
  );
  retention.unref();
  let closed = false;

  return {
    kind: 'postgres',
    channel,
    publish: (message) => publisher.publish(message),
    subscribe(listenerFn) {
      listeners.add(listenerFn);
      return () => void listeners.delete(listenerFn);
    },
    health: () => ({ connected: !closed && listener.connected() && publisher.healthy(), pending: publisher.pending(), reconnects: listener.reconnects() }),
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(retention);
      await publisher.close(2000);
      await listener.close();
      listeners.clear();
      await pool.end().catch(() => undefined);
    },
  };
}
