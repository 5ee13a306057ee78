// The three listen helpers behave alike: on a busy port each rejects with EADDRINUSE (no unhandled
// 'error' event), and close() ends open WebSockets, detaches the server from the kernel and frees the port.
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import express from 'express';
import { Hono } from 'hono';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type VajraServer } from '../src/index';
import { listenExpress, vajraExpress } from '../src/express/index';
import { serveHono, vajraHono } from '../src/hono/index';
import { serve } from '../src/node/index';
import { call } from './harness';
import { connect } from './ws-client';

const helpers: Array<{ name: string; listen(server: VajraServer, port: number): Promise<{ url: string; close(): Promise<void> }> }> = [
  { name: 'serve', listen: (server, port) => serve(server, { port }) },
  {
    name: 'listenExpress',
    listen: (server, port) => {
      const app = express();
      app.use(vajraExpress(server));
      return listenExpress(app, server, { port });
    },
  },
  {
    name: 'serveHono',
    listen: (server, port) => {
      const app = new Hono();
      app.use(vajraHono(server));
      return serveHono(app, server, { port });
    },
  },
];

const listening = (server: NetServer, port = 0): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });

describe.each(helpers)('$name', (helper) => {
  let vajra: Vajra;
  beforeAll(async () => {
    vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
  });
  afterAll(() => vajra?.stop());

  it('rejects with EADDRINUSE on a busy port', async () => {
    const squatter = createNetServer();
    const port = await listening(squatter);
    try {
      await expect(helper.listen(createServer(vajra), port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });

  it('closes open WebSockets, detaches from the kernel and frees the port', async () => {
    const server = createServer(vajra);
    const running = await helper.listen(server, 0);
    const port = Number(new URL(running.url).port);
    expect((await call(running.url, 'GET', '/health')).status).toBe(200);
    const client = await connect(running.url);
    const closed = new Promise<void>((resolve) => client.socket.once('close', () => resolve()));
    await running.close();
    await closed;
    expect(server.websocket.stats().connections).toBe(0);
    const reuse = createNetServer();
    expect(await listening(reuse, port)).toBe(port);
    await new Promise<void>((resolve) => reuse.close(() => resolve()));
  });
});
