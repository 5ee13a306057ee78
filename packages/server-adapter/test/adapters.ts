import express from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import Fastify4 from 'fastify4';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import type { VajraServer } from '../src/index';
import { listenExpress, vajraExpress } from '../src/express/index';
import { vajraFastify } from '../src/fastify/index';
import { serveHono, vajraHono } from '../src/hono/index';
import { serve } from '../src/node/index';

/** One way of mounting a server on a real listener at 127.0.0.1, port 0. */
export interface AdapterUnderTest {
  name: string;
  /** Whether the host framework keeps serving its own routes next to ours (GET /other → 'other'). */
  passThrough: boolean;
  start(server: VajraServer): Promise<{ url: string; close(): Promise<void> }>;
}

/** The plain node:http adapter, for tests that need one real listener and no framework. */
export const nodeAdapter: AdapterUnderTest = { name: 'node', passThrough: false, start: (server) => serve(server, { port: 0, hostname: '127.0.0.1' }) };

export const adapters: AdapterUnderTest[] = [
  nodeAdapter,
  {
    name: 'express',
    passThrough: true,
    async start(server) {
      const app = express();
      app.use(express.json({ limit: '10mb' })); // a pre-parsed body must reach the server intact
      app.get('/other', (_req, res) => void res.type('text/plain').send('other'));
      app.use(vajraExpress(server));
      return listenExpress(app, server, { port: 0 });
    },
  },
  {
    // the same app on Express 4 (peer range ^4 || ^5)
    name: 'express4',
    passThrough: true,
    async start(server) {
      const app = express4();
      app.use(express4.json({ limit: '10mb' }));
      app.get('/other', (_req, res) => void res.type('text/plain').send('other'));
      app.use(vajraExpress(server));
      return listenExpress(app, server, { port: 0 });
    },
  },
  {
    name: 'fastify',
    passThrough: false,
    async start(server) {
      const app = Fastify();
      await app.register(vajraFastify(server));
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
    },
  },
  {
    // the same app on Fastify 4 (peer range ^4 || ^5)
    name: 'fastify4',
    passThrough: false,
    async start(server) {
      const app = Fastify4();
      await app.register(vajraFastify(server));
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
    },
  },
  {
    name: 'hono',
    passThrough: true,
    async start(server) {
      const app = new Hono();
      app.get('/other', (c) => c.text('other'));
      app.use(vajraHono(server));
      return serveHono(app, server, { port: 0 });
    },
  },
];
