// Child process of bench/http.ts (the parent pins it to one core): one of the compared servers on 127.0.0.1
// with 20 sessions, answering GET /health, GET /api/v1/sessions?limit=20 and WebSocket subscriptions to
// `audio:spectrum`, whose frames it emits at 10 Hz on demand. Targets:
// - bare: node:http doing the same work by hand (store read, JSON.stringify each time) and raw `ws`;
// - sdk-memory / sdk-sqlite: the SDK through the node adapter on the memory / SQLite store;
// - fastify: Fastify serving the same data with its own routes; sdk-fastify: the SDK's Fastify adapter.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type WebSocket from 'ws';
import { WebSocketServer } from 'ws';
import { createVajra, definePlugin, silentLogger, type Vajra } from '@vajra-stream/core';
import { createSqliteStore } from '@vajra-stream/store-sqlite';
import { createServer } from '../src/index';
import { vajraFastify } from '../src/fastify/index';
import { serve } from '../src/node/index';

export type BenchTarget = 'bare' | 'sdk-memory' | 'sdk-sqlite' | 'fastify' | 'sdk-fastify';

const target = process.argv[2] as BenchTarget;
const dir = mkdtempSync(join(tmpdir(), 'vajra-http-bench-'));
// The frames concern no session: like the audio plugin, this one declares `audio:spectrum` public, so every
// subscriber gets them (the SDK sends events of no one to admins only otherwise).
const publicSpectrum = definePlugin({ specificationVersion: 'v1', id: 'bench-spectrum', publicEvents: ['audio:spectrum'], setup: () => undefined });
const vajra = createVajra({ logger: silentLogger, env: {}, plugins: [publicSpectrum], ...(target === 'sdk-sqlite' ? { store: createSqliteStore({ path: join(dir, 'bench.db') }) } : {}) });
await vajra.start();
for (let i = 0; i < 20; i += 1) await vajra.sessions.create({ intention: `bench ${i}`, duration: 600, frequencies: [432, 528] });
const list = (limit: number) => vajra.sessions.list({ owner: null, limit, offset: 0, order: 'desc' });
// The SDK keeps its rate limiter on (with a budget the bench cannot exhaust), so its cost is measured too;
// every subscriber comes from 127.0.0.1, so the per-address WebSocket cap is raised above 1,000.
const sdk = () => createServer(vajra, { rateLimit: { max: 1e9, windowMs: 60_000 }, limits: { wsConnectionsPerAddress: 2000 } });

async function start(): Promise<{ port: number; close: () => Promise<void> }> {
  if (target === 'bare') return bare(vajra);
  if (target === 'sdk-memory' || target === 'sdk-sqlite') return serve(sdk(), { port: 0 });
  const app = Fastify({ logger: false });
  if (target === 'fastify') {
    app.get('/health', async () => ({ status: 'ok', kernel: vajra.status }));
    app.get('/api/v1/sessions', async (request) => list(Number((request.query as { limit?: string }).limit ?? 50)));
  } else {
    await app.register(vajraFastify(sdk()));
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}

/** node:http and raw `ws` doing by hand what the SDK routes do: read the store, serialise each time. */
async function bare(kernel: Vajra): Promise<{ port: number; close: () => Promise<void> }> {
  const send = (res: import('node:http').ServerResponse, status: number, body: string) =>
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  const server: Server = createHttpServer((req, res) => {
    const [path, search] = (req.url ?? '/').split('?');
    if (req.method === 'GET' && path === '/health') return send(res, 200, JSON.stringify({ status: 'ok', kernel: kernel.status }));
    if (req.method === 'GET' && path === '/api/v1/sessions') {
      const limit = Number(new URLSearchParams(search).get('limit') ?? 50);
      list(limit).then(
        (page) => send(res, 200, JSON.stringify(page)),
        () => send(res, 500, '{}'),
      );
      return;
    }
    send(res, 404, '{}');
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  const subscribers = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; topics: string[] };
      if (message.type === 'subscribe') {
        subscribers.add(ws);
        ws.send(JSON.stringify({ type: 'subscribed', topics: message.topics }));
      }
    });
    ws.on('close', () => subscribers.delete(ws));
  });
  kernel.events.on(
    'audio:spectrum' as never,
    ((payload: unknown) => {
      const text = JSON.stringify({ type: 'audio:spectrum', data: payload });
      for (const ws of subscribers) ws.send(text);
    }) as never,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      wss.close();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const served = await start();
let frames: NodeJS.Timeout | undefined;
/** Frames emitted since the last `frames` command, reported with `stopped`. */
let seq = 0;
/** How long each of these frames' emit took (the synchronous fan-out to every subscriber), in ms. */
let emitMs: number[] = [];
const bands = Array.from({ length: 32 }, (_, i) => -60 + i * 1.5);
const peaks = Array.from({ length: 8 }, (_, i) => ({ frequency: 110 * (i + 1), magnitude: -10 - i }));
process.on('message', (message: { cmd: string; hz?: number }) => {
  if (message.cmd === 'frames') {
    seq = 0;
    emitMs = [];
    frames = setInterval(
      () => {
        const started = performance.now();
        const sentAt = performance.timeOrigin + started;
        (vajra.events.emit as (name: string, payload: unknown) => void)('audio:spectrum', {
          sessionId: null,
          at: new Date().toISOString(),
          position: seq / 10,
          sampleRate: 48_000,
          fftSize: 4096,
          peaks,
          bands,
          seq: seq++,
          sentAt,
        });
        emitMs.push(performance.now() - started);
      },
      1000 / (message.hz ?? 10),
    );
  } else if (message.cmd === 'stop-frames') {
    clearInterval(frames);
    process.send?.({ stopped: true, frames: seq, emitMs });
  } else if (message.cmd === 'clock') {
    // bench/profile.ts: the monotonic clock in µs, the clock of a --cpu-prof profile's timestamps
    process.send?.({ clockUs: Number(process.hrtime.bigint() / 1000n) });
  } else if (message.cmd === 'exit') {
    void served
      .close()
      .then(() => vajra.stop())
      .then(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  }
});
process.send?.({ port: served.port });
