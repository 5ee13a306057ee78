import pg from 'pg';
import type { BusMessage } from '@vajra-stream/core';
import { BUS_OUTBOX_TABLE } from '../migrations';
import type { QueryPool } from './outbox-publisher';

interface ListenerOptions {
  connectionString: string;
  applicationName: string;
  schema: string;
  channel: string;
  replayWindowSeconds: number;
  /** Reads large messages and replays; the publisher's pool. */
  pool: QueryPool;
  deliver(message: BusMessage): void;
  report(error: unknown): void;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The listening side of the PostgreSQL bus: one dedicated connection that `LISTEN`s on the deployment's
 * channel. When that connection drops (a database restart, `pg_terminate_backend`) it connects again with
 * a growing pause, and before taking new notifications replays from the outbox every message published
 * since `replayWindowSeconds` before the last one it received, skipping those it already delivered (by
 * sequence number). Messages are handled one at a time, in the order PostgreSQL delivered them.
 */
export function createNotificationListener(options: ListenerOptions) {
  const { schema, channel } = options;
  const state = { client: undefined as pg.Client | undefined, connected: false, closed: false, reconnects: 0, everConnected: false, looping: false };
  /** Sequence numbers delivered recently, with their instant (µs since the epoch, the server's clock). */
  const seen = new Map<number, number>();
  let lastMicros: number | undefined;
  let chain: Promise<void> = Promise.resolve();
  const columns = `seq::float8 AS seq, (extract(epoch FROM at) * 1000000)::float8 AS micros, origin, name, payload`;

  const accept = (seq: number, micros: number, message: BusMessage): void => {
    if (seen.has(seq)) return;
    seen.set(seq, micros);
    lastMicros = Math.max(lastMicros ?? micros, micros);
    if (seen.size > 4096) {
      const horizon = lastMicros - 2 * options.replayWindowSeconds * 1e6;
      for (const [key, at] of seen) if (at < horizon) seen.delete(key);
    }
    options.deliver(message);
  };

  const fromRow = (row: Record<string, unknown>): BusMessage => ({ origin: String(row.origin), name: String(row.name), payload: JSON.parse(String(row.payload)) });

  const handle = async (text: string): Promise<void> => {
    const first = text.indexOf(' ');
    const second = text.indexOf(' ', first + 1);
    const seq = Number(text.slice(0, first));
    const micros = Number(text.slice(first + 1, second < 0 ? undefined : second));
    if (seen.has(seq)) return;
    if (second >= 0) return accept(seq, micros, JSON.parse(text.slice(second + 1)) as BusMessage);
    const { rows } = await options.pool.query(`SELECT ${columns} FROM ${schema}.${BUS_OUTBOX_TABLE} WHERE seq = $1`, [seq]);
    if (rows[0] !== undefined) accept(seq, micros, fromRow(rows[0]));
  };

  const replay = async (): Promise<void> => {
    if (lastMicros === undefined) return;
    const { rows } = await options.pool.query(`SELECT ${columns} FROM ${schema}.${BUS_OUTBOX_TABLE} WHERE at >= to_timestamp($1::float8 / 1000000) - make_interval(secs => $2) ORDER BY seq`, [
      lastMicros,
      options.replayWindowSeconds,
    ]);
    for (const row of rows) accept(Number(row.seq), Number(row.micros), fromRow(row));
  };

  const enqueue = (task: () => Promise<void>): void => {
    chain = chain.then(task).catch((error: unknown) => options.report(error));
  };

  const lost = (client: pg.Client): void => {
    if (state.client !== client) return;
    state.client = undefined;
    state.connected = false;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (!state.closed) void connectLoop();
  };

  const connectOnce = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: options.connectionString, application_name: `${options.applicationName}:bus-listen`, keepAlive: true });
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    try {
      await client.connect();
      state.client = client;
      // Notifications that arrive from now on wait behind the replay, so they are delivered after it.
      enqueue(() => gate.then(replay));
      client.on('notification', (notification) => {
        if (notification.channel === channel && notification.payload !== undefined) enqueue(() => handle(notification.payload!));
      });
      await client.query(`LISTEN "${channel}"`);
      if (lastMicros === undefined) {
        const { rows } = await client.query(`SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::float8 AS micros`);
        lastMicros = Number(rows[0]?.micros);
      }
    } catch (error) {
      open();
      state.client = undefined;
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
      throw error;
    }
    open();
    await chain;
    if (state.client !== client) throw new Error('the listening connection closed while replaying');
    if (state.everConnected) state.reconnects += 1;
    state.everConnected = true;
    state.connected = true;
  };

  const connectLoop = async (): Promise<void> => {
    if (state.looping) return;
    state.looping = true;
    try {
      for (let backoffMs = 50; !state.closed; backoffMs = Math.min(2000, backoffMs * 2)) {
        try {
          await connectOnce();
          return;
        } catch (error) {
          if (state.closed) return;
          options.report(error);
          await pause(backoffMs);
        }
      }
    } finally {
      state.looping = false;
    }
  };

  return {
    /** Connect the first time; throws when the database cannot be reached at all. */
    start: connectOnce,
    connected: () => state.connected,
    reconnects: () => state.reconnects,
    async close(): Promise<void> {
      state.closed = true;
      const client = state.client;
      state.client = undefined;
      state.connected = false;
      if (client !== undefined) {
        client.removeAllListeners('notification');
        await client.end().catch(() => undefined);
      }
      await chain;
    },
  };
}
