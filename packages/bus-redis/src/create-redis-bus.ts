import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { VajraError, parseInput, type Bus, type BusListener, type BusMessage } from '@vajra-stream/core';
import { redisBusOptionsSchema, type RedisBusOptions } from './redis-bus-options';

/**
 * The {@link Bus} on Redis, as returned by {@link createRedisBus}.
 *
 * @example
 * ```ts
 * const bus: RedisBus = await createRedisBus({ url: 'redis://127.0.0.1:6379' });
 * console.log(bus.streamKey); // 'vajra:bus'
 * ```
 */
export interface RedisBus extends Bus {
  readonly kind: 'redis';
  /** The Redis stream that carries the messages. */
  readonly streamKey: string;
}

/** Ids of messages delivered recently, to drop a message a reconnecting publisher sent twice. */
const RECENT_IDS = 20_000;

/**
 * Open the bus of a deployment on a Redis stream (ioredis). Each instance appends its messages with
 * `XADD` on one connection (so they keep their order) and reads everyone's with a blocking `XREAD` on
 * another, from the last entry it has seen: after a dropped connection (a Redis restart, `CLIENT KILL`) it
 * reconnects and reads on from there, so nothing published meanwhile is missed while the stream still holds
 * it (`maxLength` entries). Messages published while Redis is unreachable wait in ioredis's queue, in order.
 *
 * @example
 * ```ts
 * import { createVajra } from '@vajra-stream/core';
 * import { createRedisBus } from '@vajra-stream/bus-redis';
 *
 * const bus = await createRedisBus({ url: process.env.VAJRA_BUS_URL ?? 'redis://127.0.0.1:6379' });
 * const vajra = createVajra({ store, bus });
 * await vajra.start();
 * ```
 */
export async function createRedisBus(options: RedisBusOptions): Promise<RedisBus> {
  const settings = parseInput(redisBusOptionsSchema, options, 'Redis bus options');
  const streamKey = `${settings.keyPrefix}bus`;
  const connect = (role: string) =>
    new Redis(settings.url, {
      connectionName: `${settings.connectionName}:${role}`,
      // Wait for Redis however long it is away (commands queue in order) rather than fail them.
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(2000, 50 * 2 ** Math.min(attempt, 6)),
      lazyConnect: true,
    });
  const writer = connect('bus');
  const reader = connect('bus-listen');
  for (const client of [writer, reader]) client.on('error', () => undefined);
  const listeners = new Set<BusListener>();
  const recent = new Set<string>();
  const state = { closed: false, pending: 0, reconnects: 0, lastId: '0-0', reading: Promise.resolve() };
  let readyOnce = false;
  reader.on('ready', () => {
    if (readyOnce) state.reconnects += 1;
    readyOnce = true;
  });

  try {
    await writer.connect();
    await reader.connect();
    const last = (await writer.xrevrange(streamKey, '+', '-', 'COUNT', 1)) as Array<[string, string[]]>;
    state.lastId = last[0]?.[0] ?? '0-0';
  } catch (error) {
    writer.disconnect();
    reader.disconnect();
    throw new VajraError('BUS_OPEN_FAILED', `Cannot open the Redis bus: ${error instanceof Error ? error.message : String(error)}`, { status: 500, cause: error });
  }

  const deliver = (fields: string[]): void => {
    const index = fields.indexOf('m');
    if (index < 0) return;
    const envelope = JSON.parse(fields[index + 1]!) as BusMessage & { id: string };
    if (recent.has(envelope.id)) return;
    recent.add(envelope.id);
    if (recent.size > RECENT_IDS) recent.delete(recent.values().next().value as string);
    const message: BusMessage = { origin: envelope.origin, name: envelope.name, payload: envelope.payload };
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch {
        // a listener's failure is its own (the kernel's bridge reports through its logger)
      }
    }
  };

  const readLoop = async (): Promise<void> => {
    while (!state.closed) {
      try {
        const batch = (await reader.xread('COUNT', 1000, 'BLOCK', settings.blockMs, 'STREAMS', streamKey, state.lastId)) as Array<[string, Array<[string, string[]]>]> | null;
        for (const [, entries] of batch ?? []) {
          for (const [id, fields] of entries) {
            state.lastId = id;
            deliver(fields);
          }
        }
      } catch {
        if (state.closed) return;
        // The connection dropped: ioredis reconnects; read on from the last id seen.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  state.reading = readLoop();

  return {
    kind: 'redis',
    streamKey,
    async publish(message) {
      if (state.closed) throw new VajraError('BUS_CLOSED', 'The bus is closed', { status: 503 });
      let text: string;
      try {
        text = JSON.stringify({ id: randomUUID(), origin: message.origin, name: message.name, payload: message.payload ?? null });
      } catch (error) {
        throw new VajraError('BUS_INVALID_MESSAGE', `A bus message must be JSON: ${(error as Error).message}`, { status: 500 });
      }
      state.pending += 1;
      try {
        await writer.xadd(streamKey, 'MAXLEN', '~', settings.maxLength, '*', 'm', text);
      } finally {
        state.pending -= 1;
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    health: () => ({ connected: !state.closed && writer.status === 'ready' && reader.status === 'ready', pending: state.pending, reconnects: state.reconnects }),
    async close() {
      if (state.closed) return;
      const deadline = Date.now() + 2000;
      while (state.pending > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      state.closed = true;
      listeners.clear();
      reader.disconnect();
      // The blocked read ends with the connection; never wait on it longer than one block.
      await Promise.race([state.reading, new Promise((resolve) => setTimeout(resolve, settings.blockMs))]);
      await writer.quit().catch(() => writer.disconnect());
    },
  };
}
