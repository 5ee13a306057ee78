// Plugin events reach the principal they are for: two principals and an admin subscribed to `oracle:*`
// over real WebSockets on 127.0.0.1. A stream for alice is read by alice and the admin, never by bob; a
// stream for no one and an event that names no owner reach the admin only; an event its plugin declares
// public reaches everyone.
import { createVajra, definePlugin, silentLogger, type Vajra } from '@vajra-stream/core';
import { oraclePlugin } from '@vajra-stream/oracle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../src/index';
import { serve } from '../src/node/index';
import { connect, type TestClient } from './ws-client';
import { API_KEYS, KEYS } from './test-keys';

declare module '@vajra-stream/core' {
  interface VajraEvents {
    'bell:rang': { strokes: number };
    'bell:whispered': { text: string };
  }
  interface VajraPluginApis {
    bell: { ring(strokes: number): void; whisper(text: string): void };
  }
}

/** A third-party plugin with one public event and one that names no owner. */
const bellPlugin = () =>
  definePlugin({
    specificationVersion: 'v1',
    id: 'bell',
    publicEvents: ['bell:rang'],
    setup: (ctx) => ({
      ring: (strokes: number) => ctx.events.emit('bell:rang', { strokes }),
      whisper: (text: string) => ctx.events.emit('bell:whispered', { text }),
    }),
  });

type Who = keyof typeof KEYS;

describe('plugin events have an owner', () => {
  let vajra: Vajra;
  let url: string;
  let close: () => Promise<void>;
  const clients = {} as Record<Who, TestClient>;
  beforeAll(async () => {
    vajra = createVajra({ logger: silentLogger, env: {}, plugins: [oraclePlugin(), bellPlugin()] });
    await vajra.start();
    const server = createServer(vajra, {
      rateLimit: false,
      auth: {
        require: 'always',
        apiKeys: API_KEYS,
      },
    });
    const listening = await serve(server, { port: 0, hostname: '127.0.0.1' });
    url = listening.url;
    close = async () => {
      await listening.close();
      server.close();
    };
    for (const who of Object.keys(KEYS) as Who[]) {
      clients[who] = await connect(url, { headers: { authorization: `Bearer ${KEYS[who]}` } });
      clients[who].send({ type: 'subscribe', topics: ['oracle:*', 'bell:*'] });
      await clients[who].next((m) => m.type === 'subscribed');
    }
  });
  afterAll(async () => {
    for (const client of Object.values(clients)) await client?.close();
    await close?.();
    await vajra?.stop();
  });

  /** Everything each client was sent up to now: a public bell rings after it, and WebSocket order holds. */
  let fence = 0;
  const drain = async (): Promise<Record<Who, Array<Record<string, unknown>>>> => {
    const strokes = ++fence;
    vajra.plugin('bell').ring(strokes);
    const seen = {} as Record<Who, Array<Record<string, unknown>>>;
    for (const who of Object.keys(KEYS) as Who[]) {
      await clients[who].next((m) => m.type === 'bell:rang' && (m.data as { strokes: number }).strokes === strokes);
      seen[who] = clients[who].messages.splice(0);
    }
    return seen;
  };
  const oracleText = (messages: Array<Record<string, unknown>>) =>
    messages
      .filter((m) => m.type === 'oracle:delta')
      .map((m) => (m.data as { text: string }).text)
      .join('');

  it('sends a stream for alice to alice and the admin, never to bob', async () => {
    const { streamId, result } = vajra.plugin('oracle').stream({ kind: 'blessing', intention: 'all beings' }, { owner: 'key:alice' });
    const { text } = await result;
    const seen = await drain();
    for (const who of ['alice', 'root'] as const) {
      expect(oracleText(seen[who])).toBe(text);
      expect(seen[who].find((m) => m.type === 'oracle:done')?.data).toMatchObject({ streamId, owner: 'key:alice', text });
    }
    expect(text.length).toBeGreaterThan(0);
    expect(seen.bob.filter((m) => String(m.type).startsWith('oracle:'))).toEqual([]);
  });

  it('sends a stream for no one to the admin only', async () => {
    const { streamId, result } = vajra.plugin('oracle').stream({ kind: 'dedication', intention: 'peace' });
    const { text } = await result;
    const seen = await drain();
    expect(oracleText(seen.root)).toBe(text);
    expect(seen.root.find((m) => m.type === 'oracle:done')?.data).toMatchObject({ streamId, owner: null });
    expect(seen.alice.filter((m) => String(m.type).startsWith('oracle:'))).toEqual([]);
    expect(seen.bob.filter((m) => String(m.type).startsWith('oracle:'))).toEqual([]);
  });

  it('sends an event that names no owner to admins only, and a public one to everyone', async () => {
    vajra.plugin('bell').whisper('for the admin');
    const seen = await drain(); // the fence itself is the public event every client got
    expect(seen.root.filter((m) => m.type === 'bell:whispered').map((m) => m.data)).toEqual([{ text: 'for the admin' }]);
    expect(seen.alice.filter((m) => m.type === 'bell:whispered')).toEqual([]);
    expect(seen.bob.filter((m) => m.type === 'bell:whispered')).toEqual([]);
    expect(vajra.isPublicEvent('bell:rang')).toBe(true);
    expect(vajra.isPublicEvent('bell:whispered')).toBe(false);
  });
});
