// Child process of bench/http.ts: one kernel served twice — through the node adapter and through a bare
// node:http handler doing the same store read — plus synthetic `audio:spectrum` frames on demand.
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVajra, silentLogger } from '@vajra-stream/core';
import { createServer } from '../src/index';
import { serve } from '../src/node/index';

const vajra = createVajra({ logger: silentLogger, env: {} });
await vajra.start();
for (let i = 0; i < 20; i += 1) await vajra.sessions.create({ intention: `bench ${i}`, duration: 600, frequencies: [432, 528] });

const server = createServer(vajra, { rateLimit: false });
const adapter = await serve(server, { port: 0 });

const json = (body: unknown) => JSON.stringify(body);
const bare = createHttpServer((req, res) => {
  const send = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
  if (req.method === 'GET' && req.url === '/health') return send(200, json({ status: 'ok', kernel: vajra.status }));
  if (req.method === 'GET' && req.url === '/api/v1/sessions') {
    vajra.sessions.list({ owner: null, limit: 50, offset: 0, order: 'desc' }).then((page) => send(200, json(page)), () => send(500, '{}'));
    return;
  }
  send(404, '{}');
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));

let frames: NodeJS.Timeout | undefined;
let rssMax = 0;
let emitted = 0;
let sampler: NodeJS.Timeout | undefined;
const bands = Array.from({ length: 32 }, (_, i) => -60 + i * 1.5);
const peaks = Array.from({ length: 8 }, (_, i) => ({ frequency: 110 * (i + 1), magnitude: -10 - i }));

process.on('message', (message: { cmd: string; hz?: number }) => {
  if (message.cmd === 'frames') {
    rssMax = process.memoryUsage().rss;
    sampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 50);
    let seq = 0;
    emitted = 0;
    frames = setInterval(() => {
      const sentAt = performance.timeOrigin + performance.now();
      (vajra.events.emit as (name: string, payload: unknown) => void)('audio:spectrum', { sessionId: null, at: new Date().toISOString(), position: seq / 10, sampleRate: 48_000, fftSize: 4096, peaks, bands, seq: seq++, sentAt });
      emitted += 1;
    }, 1000 / (message.hz ?? 10));
  } else if (message.cmd === 'stop-frames') {
    clearInterval(frames);
    clearInterval(sampler);
    process.send?.({ rssMax, emitted, connections: server.websocket.stats().connections });
  } else if (message.cmd === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  } else if (message.cmd === 'exit') {
    void adapter.close().then(() => vajra.stop()).then(() => process.exit(0));
  }
});
process.send?.({ adapter: adapter.port, bare: (bare.address() as AddressInfo).port, rssIdle: process.memoryUsage().rss });
