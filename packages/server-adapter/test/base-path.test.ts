// Mounted under a path prefix — `app.use('/vajra', vajraExpress(server))`, Hono's `app.route('/vajra', sub)`,
// Fastify's `app.register(vajraFastify(server), { prefix: '/vajra' })`, or `serve()` of a server with that basePath — the routes, the OpenAPI document's `servers`, the docs page
// and the WebSocket all live below the prefix, and the host app keeps its own routes. Real HTTP and
// WebSocket on 127.0.0.1.
import { createVajra, silentLogger, type Vajra } from '@vajra-stream/core';
import express from 'express';
import Fastify from 'fastify';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type VajraServer } from '../src/index';
import { listenExpress, vajraExpress } from '../src/express/index';
import { vajraFastify } from '../src/fastify/index';
import { serveHono, vajraHono } from '../src/hono/index';
import { serve } from '../src/node/index';
import { call } from './harness';
import { connect, upgradeStatus } from './ws-client';

const mounts: Array<{ name: string; hostRoutes: boolean; start(server: VajraServer): Promise<{ url: string; close(): Promise<void> }> }> = [
  {
    name: 'express',
    hostRoutes: true,
    start(server) {
      const app = express();
      app.get('/other', (_req, res) => void res.type('text/plain').send('other'));
      app.use('/vajra', express.json(), vajraExpress(server));
      return listenExpress(app, server, { port: 0 });
    },
  },
  {
    name: 'hono',
    hostRoutes: true,
    start(server) {
      const sub = new Hono();
      sub.use(vajraHono(server));
      const app = new Hono();
      app.get('/other', (c) => c.text('other'));
      app.route('/vajra', sub);
      return serveHono(app, server, { port: 0 });
    },
  },
  {
    name: 'fastify',
    hostRoutes: true,
    async start(server) {
      const app = Fastify();
      app.get('/other', async (_request, reply) => reply.type('text/plain').send('other'));
      await app.register(vajraFastify(server), { prefix: '/vajra' });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
    },
  },
  { name: 'node', hostRoutes: false, start: (server) => serve(server, { port: 0 }) },
];

describe.each(mounts)('$name under /vajra', (mount) => {
  let vajra: Vajra;
  let root: string;
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    vajra = createVajra({ logger: silentLogger, env: {} });
    await vajra.start();
    const listening = await mount.start(createServer(vajra, { basePath: '/vajra/', rateLimit: false, validateResponses: true }));
    root = listening.url;
    base = `${root}/vajra`;
    close = listening.close;
  });
  afterAll(async () => {
    await close?.();
    await vajra?.stop();
  });

  it('answers its routes below the prefix only, next to the host app’s own', async () => {
    expect((await call(base, 'GET', '/health')).body).toEqual({ status: 'ok', kernel: 'running' });
    const created = await call(base, 'POST', '/api/v1/sessions', { body: { intention: 'for all beings', duration: 60 } });
    expect(created.status).toBe(201);
    expect((await call(base, 'GET', `/api/v1/sessions/${created.body.id}`)).body.id).toBe(created.body.id);
    expect((await call(root, 'GET', `/api/v1/sessions/${created.body.id}`)).status).toBe(404);
    expect((await call(root, 'GET', '/health')).status).toBe(404);
    expect((await call(base, 'GET', '/')).body).toMatchObject({ docs: '/vajra/docs', openapi: '/vajra/openapi.json', websocket: '/vajra/ws' });
    if (mount.hostRoutes) expect((await call(root, 'GET', '/other')).text).toBe('other');
  });

  it('names the prefix as the OpenAPI server and loads /docs from below it', async () => {
    const doc = (await call(base, 'GET', '/openapi.json')).body;
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/vajra' })]);
    expect(Object.keys(doc.paths)).toContain('/api/v1/sessions');
    const page = await call(base, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-openapi="/vajra/openapi.json"');
    const links = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    const assets = links.filter((link) => link !== '/vajra/openapi.json'); // the <noscript> link to the document
    expect(assets.length).toBe(4);
    for (const asset of assets) {
      expect(asset.startsWith('/vajra/docs/assets/')).toBe(true);
      expect([asset, (await call(root, 'GET', asset)).status]).toEqual([asset, 200]);
    }
  });

  it('opens the WebSocket at /vajra/ws, not at /ws', async () => {
    const client = await connect(base);
    try {
      client.send({ type: 'subscribe', topics: ['session:*'] });
      await client.next((m) => m.type === 'subscribed');
      const created = await call(base, 'POST', '/api/v1/sessions', { body: { intention: 'peace', duration: 60 } });
      expect(await client.next((m) => m.type === 'session:created')).toMatchObject({ data: { session: { id: created.body.id } } });
    } finally {
      await client.close();
    }
    expect((await upgradeStatus(root)).status).toBe(404);
  });
});

describe('basePath', () => {
  it('refuses a prefix that is not a plain path', async () => {
    const vajra = createVajra({ logger: silentLogger, env: {} });
    for (const basePath of ['vajra', '/va jra', '/../x', '/a?b']) expect(() => createServer(vajra, { basePath })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
