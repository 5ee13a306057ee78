import { createManualClock } from '@vajra-stream/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adapters } from './adapters';
import { call, startServer, type Running } from './harness';
import { upgradeStatus } from './ws-client';

const node = adapters.find((a) => a.name === 'node')!;
const session = { intention: 'peace', duration: 60 };

describe('listening policies (node adapter)', () => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('needs credentials by default once it listens beyond loopback, and not on loopback', async () => {
    running = await startServer(node, { auth: { apiKeys: [{ name: 'a', key: 'key-a-0123456789' }] } });
    expect(running.server.exposed).toBe(false);
    expect((await call(running.url, 'POST', '/api/v1/sessions', { body: session })).status).toBe(201);
    running.server.setListening('0.0.0.0');
    expect(running.server.exposed).toBe(true);
    expect((await call(running.url, 'POST', '/api/v1/sessions', { body: session })).status).toBe(401);
    expect((await call(running.url, 'GET', '/api/v1/sessions')).status).toBe(200);
    expect((await upgradeStatus(running.url)).status).toBe(401);
    expect((await call(running.url, 'POST', '/api/v1/sessions', { body: session, token: 'key-a-0123456789' })).status).toBe(201);
  });

  it('reports the real bind address when serving on all interfaces', async () => {
    const { createVajra, silentLogger } = await import('@vajra-stream/core');
    const { createServer } = await import('../src/index');
    const { serve } = await import('../src/node/index');
    const vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
    const server = createServer(vajra);
    const listening = await serve(server, { port: 0, hostname: '0.0.0.0' });
    try {
      expect(server.exposed).toBe(true);
      expect((await call(`http://127.0.0.1:${listening.port}`, 'POST', '/api/v1/sessions', { body: session })).status).toBe(401);
    } finally {
      await listening.close();
      await vajra.stop();
    }
  });

  it('shares the HTTP server with another upgrade listener without touching its sockets', async () => {
    const { createServer: createHttpServer } = await import('node:http');
    const { WebSocketServer, default: WebSocket } = await import('ws');
    const { createVajra, silentLogger } = await import('@vajra-stream/core');
    const { createServer } = await import('../src/index');
    const { attachWebSocket, toNodeListener } = await import('../src/node/index');
    const vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
    const server = createServer(vajra);
    const httpServer = createHttpServer(toNodeListener(server));
    const other = new WebSocketServer({ noServer: true });
    httpServer.on('upgrade', (req, socket, head) => {
      if (req.url === '/other') other.handleUpgrade(req, socket, head, (ws) => ws.on('message', (data) => ws.send(`echo:${String(data)}`)));
    });
    const ours = attachWebSocket(httpServer, server);
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    const port = (httpServer.address() as { port: number }).port;
    try {
      const echo = await new Promise<string>((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/other`);
        ws.once('open', () => ws.send('hi'));
        ws.once('message', (data) => {
          resolve(String(data));
          ws.close();
        });
        ws.once('error', reject);
      });
      expect(echo).toBe('echo:hi');
      expect((await upgradeStatus(`http://127.0.0.1:${port}`)).status).toBe(101);
    } finally {
      ours.close();
      other.close();
      server.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await vajra.stop();
    }
  });

  it('limits WebSocket messages per connection and connections per server, keeping the socket open', async () => {
    // The token bucket refills by the kernel clock: a manual one makes the counts exact on any machine.
    const clock = createManualClock();
    running = await startServer(node, { limits: { wsMessagesPerSecond: 5, wsConnections: 2 } }, [], clock);
    const { connect } = await import('./ws-client');
    const client = await connect(running.url);
    for (let i = 0; i < 20; i += 1) client.send({ type: 'ping', id: i });
    const replies = () => client.messages.filter((m) => m.type === 'pong' || (m.type === 'error' && m.code === 'RATE_LIMITED'));
    await vi.waitFor(() => expect(replies()).toHaveLength(20), { timeout: 20_000, interval: 5 });
    expect(client.messages.filter((m) => m.type === 'pong').map((m) => m.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]); // a burst of 2 × 5
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    const second = await connect(running.url);
    expect((await upgradeStatus(running.url)).status).toBe(503);
    client.send({ type: 'ping', id: 'too-soon' }); // no clock time has passed: nothing refilled
    await vi.waitFor(() => expect(replies()).toHaveLength(21), { timeout: 20_000, interval: 5 });
    expect(replies().at(-1)).toMatchObject({ type: 'error', code: 'RATE_LIMITED' });
    await clock.advance(200); // one token refilled
    client.send({ type: 'ping', id: 'later' });
    await vi.waitFor(() => expect(replies()).toHaveLength(22), { timeout: 20_000, interval: 5 });
    expect(replies().at(-1)).toMatchObject({ type: 'pong', id: 'later' });
    await Promise.all([client.close(), second.close()]);
  });

  it('limits each client to its request budget with 429 and Retry-After; /health is exempt', async () => {
    running = await startServer(node, { rateLimit: { max: 5, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await call(running.url, 'GET', '/api/v1/sessions')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const limited = await call(running.url, 'GET', '/api/v1/prayers/mantras');
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(running.url, 'GET', '/health')).status).toBe(200);
  });
});
