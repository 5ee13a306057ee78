import { randomUUID } from 'node:crypto';
import { VajraError, type BusMessage } from '@vajra-stream/core';
import { BUS_OUTBOX_TABLE } from '../migrations';
import { isConnectionFailure, toStoreError } from '../postgres-errors';

/** What the publisher needs of a node-postgres pool. */
export interface QueryPool {
  query(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/** NOTIFY payloads are limited to 8000 bytes: larger messages travel by reference (the listener reads the row). */
const INLINE_LIMIT_BYTES = 7000;

interface Pending {
  id: string;
  message: BusMessage;
  payload: string;
  resolve(): void;
  reject(error: unknown): void;
}

interface PublisherOptions {
  pool: QueryPool;
  schema: string;
  channel: string;
  maxPending: number;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes bus messages one after another (so one instance's messages keep their order): each is a row of
 * the outbox and a NOTIFY, in one statement and so one transaction. While the database is unreachable the
 * messages wait in memory (up to `maxPending`) and are sent, in order, once it is back; a retried insert
 * whose first attempt did commit is a no-op thanks to the message's id.
 */
export function createOutboxPublisher({ pool, schema, channel, maxPending }: PublisherOptions) {
  const queue: Pending[] = [];
  const state = { pumping: false, healthy: true, closed: false };
  const sql = `WITH row AS (
      INSERT INTO ${schema}.${BUS_OUTBOX_TABLE} (id, origin, name, payload) VALUES ($1, $2, $3, $4)
      ON CONFLICT (id) DO NOTHING RETURNING seq, at
    )
    SELECT pg_notify($5, row.seq::text || ' ' || (extract(epoch FROM row.at) * 1000000)::bigint::text || $6) FROM row`;

  const send = async (item: Pending): Promise<void> => {
    const inline = JSON.stringify({ origin: item.message.origin, name: item.message.name, payload: item.message.payload });
    const tail = Buffer.byteLength(inline) <= INLINE_LIMIT_BYTES ? ` ${inline}` : '';
    await pool.query(sql, [item.id, item.message.origin, item.message.name, item.payload, channel, tail]);
  };

  const pump = async (): Promise<void> => {
    if (state.pumping) return;
    state.pumping = true;
    let backoffMs = 50;
    try {
      while (queue.length > 0) {
        const item = queue[0]!;
        try {
          await send(item);
          queue.shift();
          state.healthy = true;
          backoffMs = 50;
          item.resolve();
        } catch (error) {
          if (isConnectionFailure(error) && !state.closed) {
            state.healthy = false;
            await pause(backoffMs);
            backoffMs = Math.min(2000, backoffMs * 2);
            continue;
          }
          queue.shift();
          item.reject(state.closed ? closedError() : toStoreError(error));
        }
      }
    } finally {
      state.pumping = false;
    }
  };

  return {
    publish(message: BusMessage): Promise<void> {
      if (state.closed) return Promise.reject(closedError());
      if (queue.length >= maxPending) {
        return Promise.reject(new VajraError('BUS_OVERLOADED', `${queue.length} bus messages are waiting for PostgreSQL; refusing more`, { status: 503 }));
      }
      let payload: string;
      try {
        payload = JSON.stringify(message.payload ?? null);
      } catch (error) {
        return Promise.reject(new VajraError('BUS_INVALID_MESSAGE', `A bus message must be JSON: ${(error as Error).message}`, { status: 500 }));
      }
      return new Promise<void>((resolve, reject) => {
        queue.push({ id: randomUUID(), message, payload, resolve, reject });
        void pump();
      });
    },
    pending: () => queue.length,
    healthy: () => state.healthy,
    /** Give pending messages up to `graceMs` to leave, then refuse the rest. */
    async close(graceMs: number): Promise<void> {
      const deadline = Date.now() + graceMs;
      while (queue.length > 0 && Date.now() < deadline) await pause(10);
      state.closed = true;
      for (const item of queue.splice(0)) item.reject(closedError());
    },
  };
}

const closedError = (): VajraError => new VajraError('BUS_CLOSED', 'The bus is closed', { status: 503 });
